// Status reports saved through the action's core (validate, authorize, transaction with history
// and audit), as the form's server action does, for the benchmark scripts. Run under
// `tsx --conditions=react-server` (the core imports 'server-only').
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { recordStatusUpdate } from '../../lib/actions/status-update'
import { readStatusUpdateForm } from '../../lib/validation/status-update'
import type { ActionContext } from '../../lib/actions/context'
import type { PrismaClient } from '../../lib/db/client'
import { latency, type Latency } from './bench-stats'

/** What the form carries from the page it was loaded with. */
type FormBasis = { id: string; version: number; progress: number }

/** Saves one "in progress" report made on `basis`; resolves with the save's milliseconds. */
async function save(actor: ActionContext['actor'], basis: FormBasis): Promise<number> {
  const form = new FormData()
  const fields = { assignmentId: basis.id, baseVersion: String(basis.version), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: String(Math.max(basis.progress, 50)), note: 'Đo thời gian lưu' }
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  const started = performance.now()
  const result = await recordStatusUpdate({ actor, now: new Date(), ip: null }, readStatusUpdateForm(form).input)
  const elapsed = performance.now() - started
  if (result.kind !== 'saved') throw new Error(`the report on ${basis.id} was not saved: ${result.kind}`)
  return elapsed
}

/** Saves one "in progress" report on the assignment as it stands now; resolves with the save's milliseconds. */
export async function timedSave(db: PrismaClient, actor: ActionContext['actor'], assignmentId: string): Promise<number> {
  return save(actor, await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { id: true, version: true, progress: true } }))
}

/**
 * `writers` concurrent writers saving for `seconds`, each on its own share of the assignments (no
 * two writers on one assignment, so no version conflicts); resolves with the saves per second and
 * their latency under that load. A writer's form is made on the version its own last save left
 * (read once at the start), as a user's next form is: the writers' loop runs in the same Node
 * process as the code measured, so re-reading each assignment before each save would charge a
 * page load of the client's to the server's write rate.
 */
export async function sustainedSaves(
  db: PrismaClient,
  actor: ActionContext['actor'],
  assignmentIds: readonly string[],
  writers: number,
  seconds: number,
): Promise<{ writers: number; saves: number; perSecond: number; latency: Latency }> {
  const count = Math.min(writers, assignmentIds.length)
  const bases = await db.assignment.findMany({ where: { id: { in: [...assignmentIds] } }, select: { id: true, version: true, progress: true }, orderBy: { id: 'asc' } })
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  const times: number[] = []
  await Promise.all(
    Array.from({ length: count }, async (_, writer) => {
      const mine = bases.filter((_, i) => i % count === writer)
      for (let i = 0; performance.now() < deadline; i++) {
        const basis = mine[i % mine.length]!
        times.push(await save(actor, basis))
        basis.version += 1
        basis.progress = Math.max(basis.progress, 50)
      }
    }),
  )
  return { writers: count, saves: times.length, perSecond: times.length / ((performance.now() - started) / 1000), latency: latency(times) }
}
