// `npm run db:seed`: loads the Ba Chẽ demo into DATABASE_URL; the demo accounts get DEMO_PASSWORD.
// Relative imports: tsx runs this file directly, without the '@/' alias. The demo's review reports
// are made by the app's server modules (./server-modules.ts).
import { parseEnv, seedEnvSchema } from '../lib/config/env.ts'
import { createPrismaClient } from '../lib/db/client.ts'
import { seedDemoData } from './seed-demo.ts'
import { allowServerModules } from './server-modules.ts'

try {
  const env = parseEnv(seedEnvSchema, process.env)
  const db = createPrismaClient(env.DATABASE_URL)
  try {
    const counts = await seedDemoData(db, { password: env.DEMO_PASSWORD })
    allowServerModules()
    const { seedDemoReports } = await import('./seed-demo-reports.ts')
    await seedDemoReports(db)
    const summary = Object.entries(counts)
      .map(([table, rows]) => `${table} ${rows}`)
      .join(', ')
    process.stdout.write(`Demo data seeded: ${summary}.\n`)
    process.stdout.write('Sign in as admin, a member code (bi-thu) or a unit code (minh-cam) with DEMO_PASSWORD.\n')
  } finally {
    await db.$disconnect()
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  const oneLine = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ')
  process.stderr.write(`db:seed failed: ${oneLine}\n`)
  process.exitCode = 1
}
