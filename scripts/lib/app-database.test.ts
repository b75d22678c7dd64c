// Which database db:backup and db:restore work on: DATABASE_URL, or the embedded one in DATA_DIR,
// reached where `npm start` runs it or started for the while.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { withConnection } from '@/lib/db/connection'
import { runningServerPort, startEmbeddedPostgres } from '@/lib/db/embedded'
import { AppDatabaseError, EMBEDDED_DATABASE, openAppDatabase } from './app-database'
import { freePort } from './network'

let dataDir: string
const env = () => ({ DATA_DIR: dataDir })
const currentDatabase = (url: string) => withConnection(url, async (c) => (await c.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name)

beforeAll(async () => {
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'nq19-appdb-')), 'data')
  await chmod(path.dirname(dataDir), 0o755) // PostgreSQL runs as the user `postgres` when we are root
})
afterAll(() => rm(path.dirname(dataDir), { recursive: true, force: true }))

describe('without DATABASE_URL', () => {
  test('a backup of a data directory never used is refused', async () => {
    await expect(openAppDatabase({ create: false, env: env() })).rejects.toThrow(AppDatabaseError)
    await expect(openAppDatabase({ create: false, env: env() })).rejects.toThrow('start the app once (npm start), or set DATABASE_URL')
  })

  test('a restore on a new machine makes the server and its database, and stops the server after', async () => {
    const database = await openAppDatabase({ create: true, env: env() })
    expect(database.name).toBe(EMBEDDED_DATABASE)
    expect(await currentDatabase(database.url)).toBe(EMBEDDED_DATABASE)
    await database.close()
    expect(await runningServerPort(path.join(dataDir, 'pg'))).toBeNull()
  })

  test('while `npm start` runs the server, it is used where it listens and left running', async () => {
    const password = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim()
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort(), password })
    try {
      const database = await openAppDatabase({ create: false, env: env() })
      expect(new URL(database.url).port).toBe(String(server.port))
      await database.close()
      expect(await currentDatabase(database.url)).toBe(EMBEDDED_DATABASE)
    } finally {
      await server.stop()
    }
  })

  test('when it is stopped, it is started for the while', async () => {
    const database = await openAppDatabase({ create: false, env: env() })
    expect(await currentDatabase(database.url)).toBe(EMBEDDED_DATABASE)
    await database.close()
    expect(await runningServerPort(path.join(dataDir, 'pg'))).toBeNull()
  })
})

test('DATABASE_URL is used as it is, named after its database', async () => {
  const database = await openAppDatabase({ create: false, env: { DATABASE_URL: 'postgresql://app:secret@db.internal:5432/nq19_prod?sslmode=require' } })
  expect(database).toMatchObject({ url: 'postgresql://app:secret@db.internal:5432/nq19_prod?sslmode=require', name: 'nq19_prod' })
})
