// The database of the national-scale benchmark, shared by `npm run bench:data` (which
// fills it) and `npm run bench` (which measures it): DATABASE_URL when set, otherwise an embedded
// PostgreSQL whose data stays in .data/bench between runs (gitignored), database `bench`, started
// here on a free loopback port and stopped by `stop()`.
import { chmod, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { startEmbeddedPostgres } from '../../lib/db/embedded'
import { freePort } from './network'
import { migrateDeploy } from './prisma-cli'
import { projectRoot } from './process'

export const BENCH_DATA_DIR = path.join(projectRoot, '.data', 'bench')
const BENCH_DATABASE = 'bench'
// The server listens on loopback only and holds synthetic data: a fixed password will do.
const BENCH_SERVER_PASSWORD = 'bench'

/**
 * Opens the bench database, starting the embedded server when DATABASE_URL is not set.
 * Migrations are applied unless `migrate: false` (the generator migrates only after checking
 * that the database is one it may fill).
 */
export async function benchDatabase(options: { migrate?: boolean } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const migrate = options.migrate ?? true
  const external = process.env.DATABASE_URL
  if (external) {
    if (migrate) await migrateDeploy(external)
    return { url: external, stop: async () => {} }
  }
  await mkdir(path.dirname(BENCH_DATA_DIR), { recursive: true })
  if (process.getuid?.() === 0) await chmod(path.dirname(BENCH_DATA_DIR), 0o755) // PostgreSQL runs as `postgres` when we are root
  const server = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port: await freePort(), password: BENCH_SERVER_PASSWORD })
  try {
    await server.ensureDatabase(BENCH_DATABASE)
    const url = server.url(BENCH_DATABASE)
    if (migrate) await migrateDeploy(url)
    return { url, stop: () => server.stop() }
  } catch (error) {
    await server.stop()
    throw error
  }
}
