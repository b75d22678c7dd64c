// The database going away and coming back, on a PostgreSQL server of this file's own (the shared
// test server is never stopped): what the app's client throws is recognised as "unavailable", a
// server that does not answer fails within the connect timeout, and the same client works again.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '@/scripts/lib/network'
import { createPrismaClient, type PrismaClient } from './client'
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded'
import { isDatabaseUnavailable } from './unavailable'

let dir: string
let options: Parameters<typeof startEmbeddedPostgres>[0]
let server: EmbeddedServer | undefined
let client: PrismaClient

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nq19-outage-'))
  await chmod(dir, 0o755) // PostgreSQL runs as the user `postgres` when we are root
  options = { dataDir: path.join(dir, 'pg'), port: await freePort(), password: 'outage' }
  server = await startEmbeddedPostgres(options)
  client = createPrismaClient(server.url('postgres'))
})

afterAll(async () => {
  await client?.$disconnect()
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

/** What a call rejects with (it must reject). */
async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error,
  )
}

describe('a stopped database', () => {
  it('fails every kind of call as unavailable, and the same client works again once the server is back (twice)', async () => {
    const one = async () => (await client.$queryRaw<[{ one: number }]>`SELECT 1 AS one`)[0].one
    expect(await one()).toBe(1)
    for (let outage = 1; outage <= 2; outage++) {
      await server!.stop()
      server = undefined
      const errors = await Promise.all([
        failure(client.$queryRaw`SELECT 1`),
        failure(client.$executeRaw`SELECT 1`),
        failure(client.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)),
        failure(client.$transaction([client.$queryRaw`SELECT 1`])),
      ])
      for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true)
      server = await startEmbeddedPostgres(options)
      expect(await one()).toBe(1)
      expect(await client.$transaction(async (tx) => tx.$queryRaw<[{ one: number }]>`SELECT 1 AS one`)).toEqual([{ one: 1 }])
    }
  })
})

describe('a database host that does not answer', () => {
  // Without the connect timeout the call would wait for ever: this server never closes the socket.
  it('fails after the connect timeout, as unavailable, instead of hanging', async () => {
    // Accepts connections and never says a word, like a host behind a broken network.
    const sockets: net.Socket[] = []
    const silent = net.createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as net.AddressInfo
    const stuck = createPrismaClient(`postgresql://postgres:x@127.0.0.1:${port}/postgres`)
    try {
      const error = await failure(stuck.$queryRaw`SELECT 1`)
      expect(isDatabaseUnavailable(error), String(error)).toBe(true)
    } finally {
      await stuck.$disconnect()
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})

describe('isDatabaseUnavailable', () => {
  it('tells a fault of the query or the data from an unreachable database', async () => {
    await client.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS outage_probe (id int PRIMARY KEY)')
    await client.$executeRawUnsafe('TRUNCATE outage_probe')
    await client.$executeRawUnsafe('INSERT INTO outage_probe VALUES (1)')
    const faults = await Promise.all([
      failure(client.$queryRawUnsafe('SELEC 1')),
      failure(client.$executeRawUnsafe('INSERT INTO outage_probe VALUES (1)')),
      failure(client.$queryRawUnsafe('SELECT * FROM no_such_table')),
    ])
    for (const fault of faults) expect(isDatabaseUnavailable(fault), String(fault)).toBe(false)
    for (const other of [new Error('boom'), 'text', null, undefined, 42, { code: 'P2002' }]) expect(isDatabaseUnavailable(other)).toBe(false)
  })

  it('knows the server starting up or shutting down, and the driver losing its connection', () => {
    const fromAdapter = (cause: object) => ({ code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } })
    expect(isDatabaseUnavailable(fromAdapter({ kind: 'postgres', code: '57P03' }))).toBe(true) // starting up
    expect(isDatabaseUnavailable(fromAdapter({ kind: 'postgres', code: '57P01' }))).toBe(true) // shutting down
    expect(isDatabaseUnavailable(fromAdapter({ kind: 'postgres', code: '08006' }))).toBe(true) // connection failure
    expect(isDatabaseUnavailable(fromAdapter({ kind: 'ConnectionClosed' }))).toBe(true)
    expect(isDatabaseUnavailable(fromAdapter({ kind: 'postgres', code: '23505' }))).toBe(false)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(true)
  })
})
