// Each test file gets its own database, cloned from the migrated template the test runner
// (scripts/test.ts) prepares, so files run in parallel and leave nothing behind.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { createPrismaClient, type PrismaClient } from '@/lib/db/client'
import { databaseUrl, withConnection } from '@/lib/db/connection'

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL
  if (!url) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests with `npm test`')
  return url
}

async function admin(sql: string): Promise<void> {
  await withConnection(adminUrl(), (client) => client.query(sql))
}

/** A database of its own: migrated (a clone of the template), or empty when asked. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = options.empty ? 'template0' : (process.env.TEST_TEMPLATE_DATABASE ?? 'app_template')
  const name = `t_${randomBytes(6).toString('hex')}`
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  return { name, url: databaseUrl(adminUrl(), name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}

/**
 * A fresh migrated database for this test file, with a Prisma client on it. It is also the app's
 * database (`db()` in lib/db) for the file: each test file runs in its own process.
 */
export function testDatabase(): { readonly db: PrismaClient; readonly url: string } {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  let client: PrismaClient | undefined
  beforeAll(async () => {
    database = await createTestDatabase()
    client = createPrismaClient(database.url)
    process.env.DATABASE_URL = database.url
  })
  afterAll(async () => {
    await client?.$disconnect()
    await database?.drop()
  })
  return {
    get db() {
      if (!client) throw new Error('testDatabase: the database is ready only inside tests')
      return client
    },
    get url() {
      if (!database) throw new Error('testDatabase: the database is ready only inside tests')
      return database.url
    },
  }
}
