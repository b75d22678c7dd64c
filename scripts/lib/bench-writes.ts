// Status reports saved through the action's core (validate, authorize, transaction with history
// and audit), as the form's server action does, for the benchmark scripts. Run under
// `tsx --conditions=react-server` (the core imports 'server-only').
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { recordStatusUpdate } from '../../lib/actions/status-update'
import type { ActionContext } from '../../lib/actions/audit'
import type { PrismaClient } from '../../lib/db/client'

/** Saves one "in progress" report on the assignment; resolves with the save's milliseconds. */
export async function timedSave(db: PrismaClient, actor: ActionContext['actor'], assignmentId: string): Promise<number> {
  const { version, progress } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { version: true, progress: true } })
  const form = new FormData()
  const fields = { assignmentId, baseVersion: String(version), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: String(Math.max(progress, 50)), note: 'Đo thời gian lưu' }
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  const started = performance.now()
  const result = await recordStatusUpdate({ actor, now: new Date(), ip: null }, form)
  const elapsed = performance.now() - started
  if (result.kind !== 'saved') throw new Error(`the report on ${assignmentId} was not saved: ${result.kind}`)
  return elapsed
}

/**
 * `writers` concurrent writers saving for `seconds`, each on its own share of the assignments (no
 * two writers on one assignment, so no version conflicts); resolves with the saves per second.
 */
export async function sustainedSaves(db: PrismaClient, actor: ActionContext['actor'], assignmentIds: readonly string[], writers: number, seconds: number): Promise<{ writers: number; saves: number; perSecond: number }> {
  const count = Math.min(writers, assignmentIds.length)
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  let saves = 0
  await Promise.all(
    Array.from({ length: count }, async (_, writer) => {
      const mine = assignmentIds.filter((_, i) => i % count === writer)
      for (let i = 0; performance.now() < deadline; i++) {
        await timedSave(db, actor, mine[i % mine.length]!)
        saves++
      }
    }),
  )
  return { writers: count, saves, perSecond: saves / ((performance.now() - started) / 1000) }
}
