// The app's own database, found as `npm start` finds it: DATABASE_URL when set, otherwise the
// database `tracker` of the embedded server in DATA_DIR — reached where it runs (an `npm start` is
// up), or started for the while and stopped afterwards.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { backupEnvSchema, parseEnv } from '../../lib/config/env'
import { embeddedUrl, runningServerPort, startEmbeddedPostgres } from '../../lib/db/embedded'
import { freePort } from './network'
import { projectRoot } from './process'

/** The embedded server's database of the app. */
export const EMBEDDED_DATABASE = 'tracker'

/** A secret kept in the data directory, made on first use. */
export async function keptSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const secret = randomBytes(33).toString('base64')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

export type AppDatabase = {
  url: string
  /** The database's name, for file names and messages. */
  name: string
  /** Stops the embedded server if it was started for this. */
  close(): Promise<void>
}

export class AppDatabaseError extends Error {}

/**
 * Opens the app's database. Without `create`, an embedded data directory that does not exist yet
 * is an error (nothing to back up); with it, the server and the database are made, as on a new
 * machine that restores a backup before its first `npm start`.
 */
export async function openAppDatabase(options: { create: boolean; env?: Record<string, string | undefined> }): Promise<AppDatabase> {
  const env = parseEnv(backupEnvSchema, options.env ?? process.env)
  if (env.DATABASE_URL) {
    const name = decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1)) || 'postgres'
    return { url: env.DATABASE_URL, name, close: async () => {} }
  }

  const dataDir = path.resolve(projectRoot, env.DATA_DIR)
  const serverDir = path.join(dataDir, 'pg')
  const passwordFile = path.join(dataDir, 'pg-password')
  const running = await runningServerPort(serverDir)
  if (running) {
    const password = (await readFile(passwordFile, 'utf8')).trim()
    return { url: embeddedUrl(running, password, EMBEDDED_DATABASE), name: EMBEDDED_DATABASE, close: async () => {} }
  }
  if (!options.create && !existsSync(path.join(serverDir, 'PG_VERSION')))
    throw new AppDatabaseError(`There is no database in ${serverDir} yet: start the app once (npm start), or set DATABASE_URL.`)
  const server = await startEmbeddedAppDatabase(dataDir)
  return { url: server.url, name: EMBEDDED_DATABASE, close: server.stop }
}

/**
 * Starts the embedded server of a data directory as `npm start` does: in `<dataDir>/pg`, with the
 * password kept in `<dataDir>/pg-password`, on a free loopback port (or the one given), with the
 * app's database made when missing. The database is not migrated here.
 */
export async function startEmbeddedAppDatabase(dataDir: string, port?: number): Promise<{ url: string; stop(): Promise<void> }> {
  await mkdir(dataDir, { recursive: true })
  const password = await keptSecret(path.join(dataDir, 'pg-password'))
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: port ?? (await freePort()), password })
  try {
    await server.ensureDatabase(EMBEDDED_DATABASE)
  } catch (e) {
    await server.stop()
    throw e
  }
  return { url: server.url(EMBEDDED_DATABASE), stop: server.stop }
}
