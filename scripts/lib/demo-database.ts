// A database with the Ba Chẽ demo data for the benchmark scripts: DATABASE_URL when set (already
// seeded, with DEMO_PASSWORD), otherwise a throwaway embedded server, seeded here.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_DEMO_PASSWORD } from '../../lib/config/env'
import { createPrismaClient } from '../../lib/db/client'
import { startEmbeddedPostgres } from '../../lib/db/embedded'
import { seedDemoData } from '../../prisma/seed-demo'
import { freePort } from './network'
import { migrateDeploy } from './prisma-cli'

export async function demoDatabase(): Promise<{ url: string; password: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD, stop: async () => {} }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nq19-bench-'))
  await chmod(dir, 0o755) // PostgreSQL runs as the user `postgres` when we are root
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), password: 'bench' })
  await server.ensureDatabase('bench')
  const url = server.url('bench')
  await migrateDeploy(url)
  const db = createPrismaClient(url)
  await seedDemoData(db, { password: DEFAULT_DEMO_PASSWORD })
  await db.$disconnect()
  return {
    url,
    password: DEFAULT_DEMO_PASSWORD,
    stop: async () => {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
