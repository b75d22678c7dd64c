// Concurrency: 50 writers at once through the status report's save (./status-update.ts),
// all on one assignment and each on its own. Every accepted report is in the history exactly once
// with its audit event and files, the assignment stands as the last accepted report left it, each
// refusal is a clean answer (conflict or validation) that wrote nothing, and the progress pages
// count what the assignments say.
import { createHash, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { TaskStatus } from '@/lib/domain/status'
import { completionTime, effectiveProgress } from '@/lib/domain/status-update-rules'
import { progressCountsReady } from '@/lib/queries/progress-counts'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData, pdfFile } from '@/test/helpers/factories'
import { keptCountDifferences, pageCountDifferences } from '@/test/helpers/progress-recount'
import { seededRandom } from '@/test/helpers/seeded-random'
import { recordStatusUpdate, type StatusUpdateResult } from './status-update'
import { readStatusUpdateForm } from '@/lib/validation/status-update'

const database = testDatabase()
const make = factories(() => database.db)
const WRITERS = 50
const today = '2026-11-28'
const START = Date.parse('2026-11-28T03:00:00Z') // 10:00 in Ba Chẽ

/** What one writer sent in one attempt, and what the save answered (or threw). */
type Attempt = {
  assignmentId: string
  actorId: string
  baseVersion: number
  submissionKey: string
  now: Date
  status: TaskStatus
  progress: number
  note: string | null
  indicatorActual: string | null
  files: { name: string; size: number; sha256: string }[]
  outcome: StatusUpdateResult | { kind: 'thrown'; error: unknown }
}

type Saved = Attempt & { outcome: Extract<StatusUpdateResult, { kind: 'saved' }> }
const isSaved = (a: Attempt): a is Saved => a.outcome.kind === 'saved'

let units: { id: string; staff: Actor[] }[] = []
/** Every assignment, with whether its task has an indicator. */
const assignments: { id: string; unitIndex: number; indicator: boolean }[] = []
/** Each attempt its own instant, a second apart, all within the district's `today`. */
let clock = 0
/** Every attempt of the file's tests: the second writes on the first's assignment too. */
const log: Attempt[] = []

beforeAll(async () => {
  // Five communes and ten tasks in two groups, due around today: fifty assignments. The first
  // commune has fifty staff (every writer of the shared assignment is a different person).
  units = await Promise.all(
    Array.from({ length: 5 }, async (_, u) => {
      const unit = await make.unit({ name: `Xã ${u}` })
      const staff = await Promise.all(Array.from({ length: u === 0 ? WRITERS : 10 }, (_, s) => make.user({ role: 'STAFF', unitId: unit.id, name: `Cán bộ ${u}.${s}` })))
      return { id: unit.id, staff }
    }),
  )
  const groups = await Promise.all([make.group(), make.group()])
  const dueDates = ['2026-06-30', '2026-11-27', today, '2026-12-05', '2026-12-12', '2027-03-31', '2099-12-31']
  const tasks = await Promise.all(
    Array.from({ length: 10 }, (_, t) =>
      make.task({ groupId: groups[t % 2]!.id, dueDate: new Date(dueDates[t % dueDates.length]!), ...(t % 3 === 0 ? { indicatorUnit: 'người' } : {}) }),
    ),
  )
  for (const [t, task] of tasks.entries())
    for (const [u, unit] of units.entries()) {
      const a = await make.assignment({ taskId: task.id, unitId: unit.id })
      assignments.push({ id: a.id, unitIndex: u, indicator: t % 3 === 0 })
    }
  // The kept counts are today's before the writers start, so they follow every write (a first
  // read after the writes would recount them and prove nothing).
  await progressCountsReady(today)
  expect(await keptCountDifferences()).toEqual([])
})

const STATUSES: TaskStatus[] = ['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'NOT_STARTED']

/**
 * One report, as a user makes it on the version of the assignment they just read: random status,
 * progress, note, indicator and evidence, so some break the form's rules (blocked or lower
 * progress without a note, progress on a task not started).
 */
async function attempt(next: () => number, actor: Actor, target: (typeof assignments)[number]): Promise<Attempt> {
  const { version } = await database.db.assignment.findUniqueOrThrow({ where: { id: target.id }, select: { version: true } })
  const status = STATUSES[Math.floor(next() * STATUSES.length)]!
  const progress = status === 'NOT_STARTED' && next() < 0.7 ? 0 : Math.floor(next() * 101)
  const note = next() < 0.7 ? `Báo cáo ${randomUUID().slice(0, 8)}` : null
  const indicatorActual = target.indicator && next() < 0.6 ? `${Math.floor(next() * 500)},${Math.floor(next() * 10)}` : null
  const files = next() < 0.3 ? [pdfFile(`bien-ban-${randomUUID().slice(0, 8)}.pdf`, Math.floor(next() * 2000))] : []
  const sent = {
    assignmentId: target.id,
    actorId: actor.id,
    baseVersion: version,
    submissionKey: randomUUID(),
    now: new Date(START + 1000 * clock++),
    status,
    progress,
    note,
    indicatorActual: indicatorActual?.replace(',', '.') ?? null,
    files: await Promise.all(files.map(async (f) => ({ name: f.name, size: f.size, sha256: createHash('sha256').update(Buffer.from(await f.arrayBuffer())).digest('hex') }))),
  }
  const form = formData({
    assignmentId: target.id,
    baseVersion: String(version),
    submissionKey: sent.submissionKey,
    status,
    progress: String(progress),
    note: note ?? '',
    indicatorActual: indicatorActual ?? '',
    files,
  })
  const outcome = await recordStatusUpdate({ actor, now: sent.now, ip: '203.0.113.8' }, readStatusUpdateForm(form).input).catch((error: unknown) => ({ kind: 'thrown' as const, error }))
  log.push({ ...sent, outcome })
  return log.at(-1)!
}

/** A writer's attempts: after a conflict it reads the assignment again and retries, up to `retries` times. */
async function writer(next: () => number, actor: Actor, target: (typeof assignments)[number], retries: number): Promise<Attempt[]> {
  const made: Attempt[] = []
  for (let i = 0; i <= retries; i++) {
    made.push(await attempt(next, actor, target))
    if (made.at(-1)!.outcome.kind !== 'conflict') break
  }
  return made
}

/** The figures of a run, printed for the note. */
function figures(name: string, writers: number, attempts: Attempt[]) {
  const kinds = attempts.map((a) => a.outcome.kind)
  const tally = {
    writers,
    attempts: attempts.length,
    accepted: kinds.filter((k) => k === 'saved').length,
    refused: kinds.filter((k) => k !== 'saved').length,
    conflicts: kinds.filter((k) => k === 'conflict').length,
    invalid: kinds.filter((k) => k === 'invalid').length,
  }
  console.info(`concurrent writers, ${name}: ${JSON.stringify(tally)}`)
  return tally
}

/**
 * Every attempt on the assignment against what the database holds: refusals clean and without a
 * trace, each accepted report in the history once with its files and audit event, one accepted
 * report per version (none lost, none overwritten), and the assignment as the last one left it.
 */
async function expectAllOrNothing(assignmentId: string): Promise<void> {
  const mine = log.filter((a) => a.assignmentId === assignmentId)
  const accepted = mine.filter(isSaved).sort((a, b) => a.baseVersion - b.baseVersion)
  const refused = mine.filter((a) => !isSaved(a))

  // Refusals are answers, never errors: a conflict shows a newer version, a validation names its fields.
  for (const r of refused) {
    if (r.outcome.kind === 'conflict') expect(r.outcome.current.version).toBeGreaterThan(r.baseVersion)
    else if (r.outcome.kind === 'invalid') expect(Object.keys(r.outcome.problems).length).toBeGreaterThan(0)
    else expect.unreachable(`a refusal was ${r.outcome.kind}: ${String(r.outcome.kind === 'thrown' ? r.outcome.error : '')}`)
  }

  // One accepted report per version, from 0 on: two saves made on the same version cannot both stand.
  expect(accepted.map((a) => a.baseVersion)).toEqual(accepted.map((_, i) => i))

  const history = await database.db.statusUpdate.findMany({ where: { assignmentId }, include: { attachments: true } })
  expect(history.map((u) => u.id).sort()).toEqual(accepted.map((a) => a.outcome.updateId).sort())
  for (const a of accepted) {
    const row = history.find((u) => u.id === a.outcome.updateId)!
    expect(row).toMatchObject({ submissionKey: a.submissionKey, authorId: a.actorId, status: a.status, progress: effectiveProgress(a), note: a.note, createdAt: a.now })
    expect(row.indicatorActual?.toFixed(2) ?? null).toBe(a.indicatorActual === null ? null : new Prisma.Decimal(a.indicatorActual).toFixed(2))
    expect(row.attachments.map((f) => ({ name: f.fileName, size: f.byteSize, sha256: f.sha256 }))).toEqual(a.files)
    for (const f of row.attachments) expect(createHash('sha256').update(f.content).digest('hex')).toBe(f.sha256)
  }
  // A refused report left no history row under its key (nor files, which hang from one).
  expect(await database.db.statusUpdate.count({ where: { submissionKey: { in: refused.map((r) => r.submissionKey) } } })).toBe(0)

  // An audit event for each accepted report and for nothing else, saying what it changed.
  const audits = await database.db.auditEvent.findMany({ where: { entityId: assignmentId, action: { startsWith: 'statusUpdate.' } } })
  expect(audits.map((e) => e.action)).toEqual(accepted.map(() => 'statusUpdate.create'))
  for (const a of accepted) {
    const event = audits.find((e) => (e.after as { statusUpdateId?: string }).statusUpdateId === a.outcome.updateId)
    expect(event).toMatchObject({ actorId: a.actorId, createdAt: a.now, before: { version: a.baseVersion }, after: { version: a.baseVersion + 1, status: a.status, progress: effectiveProgress(a) } })
  }

  // The assignment as the chain of accepted reports leaves it.
  let expected: { status: TaskStatus; progress: number; completedAt: Date | null; indicatorActual: string | null; lastUpdateById: string | null; lastUpdateAt: Date | null } = {
    status: 'NOT_STARTED',
    progress: 0,
    completedAt: null,
    indicatorActual: null,
    lastUpdateById: null,
    lastUpdateAt: null,
  }
  for (const a of accepted) {
    const indicatorActual = assignments.find((x) => x.id === assignmentId)!.indicator && a.indicatorActual !== null ? new Prisma.Decimal(a.indicatorActual).toFixed(2) : null
    expected = { status: a.status, progress: effectiveProgress(a), completedAt: completionTime(a.status, expected, a.now), indicatorActual, lastUpdateById: a.actorId, lastUpdateAt: a.now }
  }
  const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })
  expect({ ...assignment, indicatorActual: assignment.indicatorActual?.toFixed(2) ?? null }).toMatchObject({ ...expected, version: accepted.length })

  // A conflict showed the state some accepted report had left.
  for (const r of refused)
    if (r.outcome.kind === 'conflict') {
      const shown = accepted[r.outcome.current.version - 1]
      expect(r.outcome.current).toMatchObject({ status: shown?.status, progress: shown && effectiveProgress(shown), note: shown?.note })
    }
}

async function expectPagesCountTheAssignments(): Promise<void> {
  expect(await keptCountDifferences()).toEqual([])
  expect(await pageCountDifferences(today)).toEqual([])
}

describe('50 concurrent writers', () => {
  test('on one assignment, each on the version it read: one report per version stands, the others are refused cleanly and leave nothing', async () => {
    const shared = assignments.find((a) => a.unitIndex === 0 && a.indicator)!
    // Every third writer reads the assignment again after a conflict and retries, up to 4 times.
    const runs = await Promise.all(units[0]!.staff.map((actor, w) => writer(seededRandom(100 + w), actor, shared, w % 3 === 0 ? 4 : 0)))
    const attempts = runs.flat()
    const tally = figures('one assignment', WRITERS, attempts)
    // The race happened: some writers lost it, and some of those won on their retry.
    expect(tally.conflicts).toBeGreaterThan(0)
    expect(runs.some((r) => r.length > 1 && isSaved(r.at(-1)!))).toBe(true)
    await expectAllOrNothing(shared.id)
    await expectPagesCountTheAssignments()
  })

  test('on fifty assignments, three reports each: every valid report is accepted and recorded once', async () => {
    const attempts = (
      await Promise.all(
        assignments.map(async (target, w) => {
          const next = seededRandom(200 + w)
          const actor = units[target.unitIndex]!.staff[w % 10]!
          const made: Attempt[] = []
          for (let i = 0; i < 3; i++) made.push(await attempt(next, actor, target))
          return made
        }),
      )
    ).flat()
    const tally = figures('fifty assignments', assignments.length, attempts)
    // Nobody else writes an assignment here: a refusal can only be the form's own fault.
    expect(tally.conflicts).toBe(0)
    expect(tally.accepted).toBeGreaterThan(0)
    for (const a of assignments) await expectAllOrNothing(a.id)
    await expectPagesCountTheAssignments()
  })
})
