import 'server-only'
import { databaseEnvSchema, parseEnv } from '@/lib/config/env'
import { createPrismaClient, type PrismaClient } from './client'

// One client per server process, made at first use (not at import: `next build` imports pages
// without a database). Kept on globalThis so dev reloads don't open new pools.
const globalForDb = globalThis as unknown as { db?: PrismaClient }

export function db(): PrismaClient {
  return (globalForDb.db ??= createPrismaClient(parseEnv(databaseEnvSchema, process.env).DATABASE_URL))
}
