// What db:backup and db:restore share: where backups go by default and how failures are told.
import path from 'node:path'
import { backupEnvSchema, ConfigError, parseEnv } from '../../lib/config/env'
import { EmbeddedPostgresError } from '../../lib/db/embedded'
import { AppDatabaseError } from './app-database'
import { BackupError } from './backup'
import { PgToolsError } from './pg-tools'
import { projectRoot } from './process'

/** BACKUP_DIR (default backups/, git-ignored), relative to the project. */
export function backupDir(): string {
  return path.resolve(projectRoot, parseEnv(backupEnvSchema, process.env).BACKUP_DIR)
}

/** Prints the failure in one message (no stack for the failures we expect) and exits 1. */
export function fail(what: string, e: unknown): never {
  const known = [ConfigError, AppDatabaseError, EmbeddedPostgresError, BackupError, PgToolsError].some((type) => e instanceof type)
  console.error(known ? `${what} failed: ${(e as Error).message}` : e)
  process.exit(1)
}
