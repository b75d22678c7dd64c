// The answer to a load balancer's "can this instance serve?": the database answers and has every
// migration this app ships. No session, no data: only whether, and in one word why not.
import type { PrismaClient } from './client'
import { pendingMigrations, shippedMigrations, type AppliedMigration } from './migrations'

export type Health = { status: 'ok' } | { status: 'unavailable'; reason: 'database' | 'migrations' }

/** A balancer gives up after a few seconds; answering 503 first lets it decide, not time out. */
export const HEALTH_DEADLINE_MS = 2_000

class DeadlineExceeded extends Error {}

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  // A late failure of the abandoned work must not surface as an unhandled rejection.
  work.catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

async function appliedMigrations(client: PrismaClient): Promise<AppliedMigration[] | null> {
  // A database no migration ever ran on has no table at all.
  const [{ present }] = await client.$queryRaw<[{ present: boolean }]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`
  if (!present) return null
  return client.$queryRaw<AppliedMigration[]>`
    SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
    FROM _prisma_migrations`
}

/**
 * A health check over one database client. Until the migrations are found current it compares
 * them on every call (so a deploy that just finished is seen at once); from then on only a
 * `SELECT 1` runs, since applied migrations do not un-apply while the app runs.
 */
export function createHealthCheck(options: {
  database: () => PrismaClient
  shipped?: () => Promise<string[]>
  deadlineMs?: number
}): () => Promise<Health> {
  const shipped = options.shipped ?? (() => shippedMigrations())
  let migrationsCurrent = false

  async function check(): Promise<Health> {
    const client = options.database()
    if (migrationsCurrent) {
      await client.$queryRaw`SELECT 1`
      return { status: 'ok' }
    }
    const [expected, applied] = await Promise.all([shipped(), appliedMigrations(client)])
    if (!applied || pendingMigrations(expected, applied).length > 0) return { status: 'unavailable', reason: 'migrations' }
    migrationsCurrent = true
    return { status: 'ok' }
  }

  return async () => {
    try {
      return await withinDeadline(check(), options.deadlineMs ?? HEALTH_DEADLINE_MS)
    } catch {
      // Unreachable, refusing connections, too slow, or DATABASE_URL missing: not able to serve.
      return { status: 'unavailable', reason: 'database' }
    }
  }
}
