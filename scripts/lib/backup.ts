// Backups of the app's database with PostgreSQL's own tools: pg_dump's custom format (compressed,
// every table, function, trigger and the migrations table) and pg_restore into the same database.
import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { withConnection } from '../../lib/db/connection'
import { pendingMigrations, shippedMigrations, type AppliedMigration } from '../../lib/db/migrations'
import type { AppDatabase } from './app-database'
import { chooseTools, installedTools, libpqConnection, serverMajor, toolPath, type PgBinaries, type PgTool } from './pg-tools'
import { runQuietly } from './process'

export class BackupError extends Error {}

/** `tracker-2026-11-28T09-30-05Z.dump`: sorts by time, valid on every file system. */
export function backupFileName(database: string, now: Date, suffix = ''): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')
  return `${database}-${stamp}${suffix}.dump`
}

/** The pg_dump and pg_restore that match the database's server. */
export async function toolsFor(database: AppDatabase): Promise<PgBinaries> {
  return chooseTools(await serverMajor(database.url), await installedTools())
}

async function runTool(tools: PgBinaries, tool: PgTool, args: string[], database?: AppDatabase): Promise<string> {
  const connection = database ? libpqConnection(database.url) : null
  const { code, output } = await runQuietly(toolPath(tools, tool), [...args, ...(connection ? ['--no-password', `--dbname=${connection.dbname}`] : [])], {
    env: { ...process.env, ...connection?.env },
  })
  if (code !== 0) throw new BackupError(`${tool} failed (exit code ${code}):\n${output.trim()}`)
  return output
}

/**
 * Dumps the database to `file`, which must not exist yet: a backup is never overwritten. The dump
 * is written beside it and renamed when complete, so a file with the final name is always whole.
 */
export async function backup(database: AppDatabase, tools: PgBinaries, file: string): Promise<void> {
  if (existsSync(file)) throw new BackupError(`${file} already exists: a backup is never overwritten.`)
  await mkdir(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  try {
    await runTool(tools, 'pg_dump', ['--format=custom', `--file=${partial}`], database)
    await rename(partial, file)
  } finally {
    await rm(partial, { force: true })
  }
}

/** Whether the database holds anything worth keeping before it is replaced. */
export async function hasTables(database: AppDatabase): Promise<boolean> {
  return withConnection(database.url, async (client) => {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public') AS any`)
    return rows[0]!.any
  })
}

/** How many other sessions are connected to the database (app instances, consoles). */
export async function otherSessions(database: AppDatabase): Promise<number> {
  return withConnection(database.url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    return rows[0]!.n
  })
}

/** The shipped migrations the database lacks (after restoring a backup older than this version). */
export async function missingMigrations(database: AppDatabase): Promise<string[]> {
  const applied = await withConnection(database.url, async (client) => {
    const { rows } = await client.query<AppliedMigration>(
      `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack" FROM _prisma_migrations`,
    )
    return rows
  })
  return pendingMigrations(await shippedMigrations(), applied)
}

/**
 * Replaces the database's contents with the backup's, all or nothing: pg_restore drops each object
 * the backup holds and recreates it from the backup in ONE transaction, stopping at the first
 * error, so a failed restore (a damaged file, a full disk) leaves the database as it was. Owners
 * and grants are not restored: the objects belong to the user the app connects as.
 */
export async function restore(database: AppDatabase, tools: PgBinaries, file: string): Promise<void> {
  await runTool(tools, 'pg_restore', [
    '--clean',
    '--if-exists',
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-privileges',
    file,
  ], database)
}

/** Checks that the file is an archive pg_restore can read, before anything is changed. */
export async function checkArchive(tools: PgBinaries, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`)
  await runTool(tools, 'pg_restore', ['--list', file]).catch((e: Error) => {
    throw new BackupError(`${file} is not a backup pg_restore can read:\n${e.message}`)
  })
}
