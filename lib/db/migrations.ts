// The migrations this app ships: the folders of prisma/migrations, which `npm run db:deploy` (and
// `npm start`) apply. The running app reads them from the same checkout it was started from, so
// the health check and the deploy step can never disagree about what "current" means.
import { readdir } from 'node:fs/promises'
import path from 'node:path'

/** The names of the shipped migrations, oldest first (the app and npm scripts run from the project). */
export async function shippedMigrations(): Promise<string[]> {
  // A literal path under the project, so the build traces that folder and not the whole project.
  const entries = await readdir(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true })
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/** A row of Prisma's `_prisma_migrations` table, reduced to what decides its outcome. */
export type AppliedMigration = { name: string; finished: boolean; rolledBack: boolean }

/**
 * The shipped migrations not (successfully) applied yet. A migration that failed and was not
 * marked rolled back also counts: Prisma refuses to deploy past it and the schema is half-changed.
 */
export function pendingMigrations(shipped: string[], applied: AppliedMigration[]): string[] {
  const done = new Set(applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name))
  const failed = new Set(applied.filter((m) => !m.finished && !m.rolledBack).map((m) => m.name))
  return [...new Set([...shipped.filter((name) => !done.has(name)), ...failed])]
}
