// The app's Prisma client, over node-postgres through the driver adapter (no native engine).
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/client.ts'

/**
 * How long a request waits for a connection (a new one, or a free one of the pool) before it
 * fails. Without it a database host that does not answer (down, or the network between) makes
 * every request hang for the operating system's TCP timeout, minutes; with it the user sees the
 * "temporarily unavailable" page at once. A stopped server refuses at once anyway.
 */
export const CONNECT_TIMEOUT_MS = 5_000

export function createPrismaClient(connectionString: string): PrismaClient {
  // The pool drops a connection that failed (the server stopped, restarted or went away) and
  // opens a new one on the next request, so the app recovers by itself when the database is back.
  // Keep-alive probes find a connection whose peer vanished without closing it.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true }) })
}

export type { PrismaClient }
export { Prisma } from './generated/client.ts'
