import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/health/route'
import { createTestDatabase, testDatabase } from '@/test/helpers/database'
import { createPrismaClient, type PrismaClient } from './client'
import { withConnection } from './connection'
import { createHealthCheck } from './health'
import { pendingMigrations, shippedMigrations } from './migrations'

const database = testDatabase()

/** A database of its own with a Prisma client, dropped after the file. */
const extraDatabases: { drop(): Promise<void>; client: PrismaClient }[] = []
async function ownDatabase(options: { empty?: boolean } = {}) {
  const created = await createTestDatabase(options)
  const client = createPrismaClient(created.url)
  extraDatabases.push({ drop: created.drop, client })
  const sql = (text: string) => withConnection(created.url, (c) => c.query(text))
  return { client, sql }
}
afterAll(async () => {
  for (const { client, drop } of extraDatabases) {
    await client.$disconnect()
    await drop()
  }
})

const latest = async () => (await shippedMigrations()).at(-1)!

describe('pendingMigrations', () => {
  it('lists the shipped migrations not applied, and a failed one until it is rolled back', () => {
    const shipped = ['1_a', '2_b', '3_c']
    const ok = (name: string) => ({ name, finished: true, rolledBack: false })
    expect(pendingMigrations(shipped, shipped.map(ok))).toEqual([])
    expect(pendingMigrations(shipped, [ok('1_a'), ok('2_b')])).toEqual(['3_c'])
    expect(pendingMigrations(shipped, [ok('1_a'), ok('2_b'), { name: '3_c', finished: false, rolledBack: false }])).toEqual(['3_c'])
    // Rolled back, then applied again: current.
    expect(pendingMigrations(shipped, [...shipped.map(ok), { name: '3_c', finished: false, rolledBack: true }])).toEqual([])
    // A migration newer than this app (another instance deployed first) does not make it unhealthy.
    expect(pendingMigrations(shipped, [...shipped.map(ok), ok('4_d')])).toEqual([])
  })
})

describe('the health check', () => {
  it('is ok on a database with every shipped migration', async () => {
    const check = createHealthCheck({ database: () => database.db })
    expect(await check()).toEqual({ status: 'ok' })
  })

  it('is unavailable while a migration is pending, and ok as soon as it is applied', async () => {
    const { client, sql } = await ownDatabase()
    const name = await latest()
    const [row] = (await sql(`SELECT * FROM _prisma_migrations WHERE migration_name = '${name}'`)).rows
    await sql(`DELETE FROM _prisma_migrations WHERE migration_name = '${name}'`)
    const check = createHealthCheck({ database: () => client })
    expect(await check()).toEqual({ status: 'unavailable', reason: 'migrations' })
    // The "not current" answer is not kept: the deploy finishing is seen on the next call.
    await sql(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
               VALUES ('${row.id}', '${row.checksum}', now(), '${name}', now(), 1)`)
    expect(await check()).toEqual({ status: 'ok' })
    // Once current it is kept: from then on only the database's answer is checked.
    await sql(`DELETE FROM _prisma_migrations WHERE migration_name = '${name}'`)
    expect(await check()).toEqual({ status: 'ok' })
  })

  it('is unavailable after a failed migration that was not resolved', async () => {
    const { client, sql } = await ownDatabase()
    await sql(`UPDATE _prisma_migrations SET finished_at = NULL, logs = 'failed' WHERE migration_name = '${await latest()}'`)
    expect(await createHealthCheck({ database: () => client })()).toEqual({ status: 'unavailable', reason: 'migrations' })
  })

  it('is unavailable on a database that was never migrated', async () => {
    const { client } = await ownDatabase({ empty: true })
    expect(await createHealthCheck({ database: () => client })()).toEqual({ status: 'unavailable', reason: 'migrations' })
  })

  it('is unavailable when nothing listens at the database address', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const client = createPrismaClient(`postgresql://nobody:secret@127.0.0.1:${port}/none`)
    expect(await createHealthCheck({ database: () => client })()).toEqual({ status: 'unavailable', reason: 'database' })
    await client.$disconnect()
  })

  describe('against a server that accepts connections and never answers', () => {
    const sockets = new Set<net.Socket>()
    const silent = net.createServer((socket) => void sockets.add(socket))
    beforeAll(() => new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve)))
    afterAll(() => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => silent.close(() => resolve()))
    })

    it('answers unavailable at its deadline instead of hanging', async () => {
      const { port } = silent.address() as net.AddressInfo
      const client = createPrismaClient(`postgresql://nobody:secret@127.0.0.1:${port}/none`)
      expect(await createHealthCheck({ database: () => client, deadlineMs: 300 })()).toEqual({ status: 'unavailable', reason: 'database' })
      expect(sockets.size).toBeGreaterThan(0) // it did try, and was left waiting
    })
  })
})

describe('GET /api/health', () => {
  it('answers 200 with a tiny JSON body, never cached, without a session', async () => {
    const response = await GET()
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok' })
  })
})
