// `npm run bench:save`: how long one status report takes to save through the action's core
// (validate, authorize, transaction with history and audit), on the Ba Chẽ demo data.
// Uses DATABASE_URL when set (a seeded database); otherwise a throwaway embedded server.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { recordStatusUpdate } from '../lib/actions/status-update'
import { createPrismaClient } from '../lib/db/client'
import { demoDatabase } from './lib/demo-database'

const SAVES = Number(process.env.SAVES ?? 300)

const database = await demoDatabase()
process.env.DATABASE_URL = database.url
const db = createPrismaClient(database.url)
try {
  const staff = await db.user.findUniqueOrThrow({ where: { username: 'minh-cam' } })
  const assignments = await db.assignment.findMany({ where: { unitId: staff.unitId }, select: { id: true } })
  const timings: number[] = []
  for (let i = 0; i < SAVES; i++) {
    const { id } = assignments[i % assignments.length]!
    const { version, progress } = await db.assignment.findUniqueOrThrow({ where: { id }, select: { version: true, progress: true } })
    const form = new FormData()
    for (const [k, v] of Object.entries({ assignmentId: id, baseVersion: String(version), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: String(Math.max(progress, 50)), note: 'Đo thời gian lưu' }))
      form.append(k, v)
    const started = performance.now()
    const result = await recordStatusUpdate({ actor: staff, now: new Date(), ip: null }, form)
    timings.push(performance.now() - started)
    if (result.kind !== 'saved') throw new Error(`save ${i} was not saved: ${result.kind}`)
  }
  timings.sort((a, b) => a - b)
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(1)
  console.info(`status report saves: ${SAVES} on the demo data; median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`)
} finally {
  await db.$disconnect()
  await database.stop()
}
