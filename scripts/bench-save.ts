// `npm run bench:save`: how long one status report takes to save through the action's core
// (validate, authorize, transaction with history and audit), on the Ba Chẽ demo data.
// Uses DATABASE_URL when set (a seeded database); otherwise a throwaway embedded server.
import { actorOf } from '../lib/auth/permissions'
import { createPrismaClient } from '../lib/db/client'
import { latency, percentile } from './lib/bench-stats'
import { timedSave } from './lib/bench-writes'
import { demoDatabase } from './lib/demo-database'

const SAVES = Number(process.env.SAVES ?? 300)

const database = await demoDatabase()
process.env.DATABASE_URL = database.url
const db = createPrismaClient(database.url)
try {
  const staff = await actorOf((await db.user.findUniqueOrThrow({ where: { username: 'minh-cam' } })).id)
  const assignments = await db.assignment.findMany({ where: { unitId: staff.unitId }, select: { id: true } })
  const timings: number[] = []
  for (let i = 0; i < SAVES; i++) timings.push(await timedSave(db, staff, assignments[i % assignments.length]!.id))
  const { median, p95 } = latency(timings)
  console.info(`status report saves: ${SAVES} on the demo data; median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${percentile(timings, 1).toFixed(1)} ms`)
} finally {
  await db.$disconnect()
  await database.stop()
}
