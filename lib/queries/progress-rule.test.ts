// The progress rule is written three times: in TypeScript (lib/domain/status-counts.ts
// progressTerms), as the query fragment (./progress-rule.ts, which counts a past day from the
// history) and as the migration's progress_terms (which keeps today's counts). One table of cases
// goes to each, in the real PostgreSQL, and each must give the same answers, worked out by hand:
// the three cannot drift apart.
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { CalendarDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS, type TaskStatus } from '@/lib/domain/status'
import { progressTerms, type ProgressCounts } from '@/lib/domain/status-counts'
import { testDatabase } from '@/test/helpers/database'
import { countColumns } from './progress-rule'
import { fromHistory, fromKeptCounts, type ProgressSource } from './progress-source'

const database = testDatabase()

/** The day every case is judged on. */
const today: CalendarDay = '2026-06-10'
/** 00:10 in Ba Chẽ on 10/06, still 09/06 in UTC. */
const now = new Date('2026-06-10T00:10:00+07:00')
/** A time on a district day. */
const on = (day: CalendarDay, time = '09:00') => new Date(`${day}T${time}:00+07:00`)

type Report = { at: Date; status: TaskStatus; progress: number; returnedAt?: Date }

type Case = {
  name: string
  due: CalendarDay
  /** The assignment as it stands today (what the app leaves it at after the reports below). */
  status: TaskStatus
  progress: number
  completedAt: Date | null
  /** Its history; null when no history gives this state (done with no completion time). */
  reports: Report[] | null
  expected: Omit<ProgressCounts, 'assigned'>
}

const none = { doneOnTime: 0, doneLate: 0, inProgress: 0, blocked: 0, notStarted: 0, overdue: 0, dueSoon: 0, due: 0, late: 0 }

const CASES: Case[] = [
  {
    name: 'in progress, due today: due soon, not overdue',
    due: today,
    status: 'IN_PROGRESS', progress: 40, completedAt: null,
    reports: [{ at: on('2026-06-05'), status: 'IN_PROGRESS', progress: 40 }],
    expected: { ...none, inProgress: 1, dueSoon: 1, due: 1, progress: 40 },
  },
  {
    name: 'in progress, due yesterday: overdue and late',
    due: '2026-06-09',
    status: 'IN_PROGRESS', progress: 60, completedAt: null,
    reports: [{ at: on('2026-06-05'), status: 'IN_PROGRESS', progress: 60 }],
    expected: { ...none, inProgress: 1, overdue: 1, due: 1, late: 1, progress: 60 },
  },
  {
    name: 'blocked, due next month: late, not overdue',
    due: '2026-07-31',
    status: 'BLOCKED', progress: 10, completedAt: null,
    reports: [{ at: on('2026-06-05'), status: 'BLOCKED', progress: 10 }],
    expected: { ...none, blocked: 1, late: 1, progress: 10 },
  },
  {
    name: 'done at 00:30 district time on its due day (the evening before in UTC): on time',
    due: today,
    status: 'DONE', progress: 100, completedAt: on(today, '00:30'),
    reports: [{ at: on(today, '00:30'), status: 'DONE', progress: 100 }],
    expected: { ...none, doneOnTime: 1, due: 1, progress: 100 },
  },
  {
    name: 'done at 00:30 district time the day after its due day (still the due day in UTC): late',
    due: '2026-06-09',
    status: 'DONE', progress: 100, completedAt: on(today, '00:30'),
    reports: [{ at: on(today, '00:30'), status: 'DONE', progress: 100 }],
    expected: { ...none, doneLate: 1, due: 1, progress: 100 },
  },
  {
    name: 'done with no completion time: on time (no evidence of lateness)',
    due: '2026-06-01',
    status: 'DONE', progress: 100, completedAt: null,
    reports: null,
    expected: { ...none, doneOnTime: 1, due: 1, progress: 100 },
  },
  {
    name: 'reported done, the report returned: in progress again as before, and overdue',
    due: '2026-06-08',
    status: 'IN_PROGRESS', progress: 30, completedAt: null,
    reports: [
      { at: on('2026-06-02'), status: 'IN_PROGRESS', progress: 30 },
      { at: on('2026-06-07'), status: 'DONE', progress: 100, returnedAt: on('2026-06-09') },
    ],
    expected: { ...none, inProgress: 1, overdue: 1, due: 1, late: 1, progress: 30 },
  },
  {
    name: 'not started, due in 14 days: the last day of due soon',
    due: '2026-06-24',
    status: 'NOT_STARTED', progress: 0, completedAt: null,
    reports: [],
    expected: { ...none, notStarted: 1, dueSoon: 1, progress: 0 },
  },
  {
    name: 'not started, due in 15 days: nothing to flag',
    due: '2026-06-25',
    status: 'NOT_STARTED', progress: 0, completedAt: null,
    reports: [],
    expected: { ...none, notStarted: 1, progress: 0 },
  },
]

/** Each case alone in a unit of its own (code `case-<i>`), with a task of its own. */
beforeAll(async () => {
  const d = database.db
  // A group belongs to a unit (by default the top of the tree): made once the first unit stands.
  let group: { id: string } | undefined
  for (const [i, c] of CASES.entries()) {
    const unit = await d.unit.create({ data: { code: `case-${i}`, name: c.name, kind: 'COMMUNE', sortOrder: i } })
    group ??= await d.taskGroup.create({ data: { code: 'g', name: 'Nhóm' } })
    const task = await d.task.create({ data: { code: `case-${i}`, groupId: group.id, title: c.name, dueDate: new Date(c.due), scope: 'COMMUNE' } })
    const assignment = await d.assignment.create({
      data: { taskId: task.id, unitId: unit.id, createdAt: on('2026-06-01'), status: c.status, progress: c.progress, completedAt: c.completedAt },
    })
    const author = await d.user.create({ data: { username: `case-${i}`, displayName: 'Cán bộ', passwordHash: 'x', role: 'STAFF', unitId: unit.id } })
    for (const r of c.reports ?? []) {
      await d.statusUpdate.create({
        data: {
          assignmentId: assignment.id, authorId: author.id, status: r.status, progress: r.progress, createdAt: r.at,
          ...(r.returnedAt ? { reviewState: 'RETURNED', reviewedById: author.id, reviewedAt: r.returnedAt, reviewNote: 'Chưa đủ hồ sơ' } : {}),
        },
      })
    }
  }
})

const COUNTS = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted', 'overdue', 'dueSoon', 'due', 'late'] as const

/** Rows `{ code, counts…, progress }` as numbers, by the unit's code. */
function byCase(rows: Record<string, unknown>[], progress: string): Map<string, ProgressCounts> {
  return new Map(
    rows.map((row) => [String(row.code), { ...Object.fromEntries(COUNTS.map((name) => [name, Number(row[name])])), progress: Number(row[progress]) } as ProgressCounts]),
  )
}

/** Each case's answer from the query fragment, over `source`'s assignments. */
async function fragmentAnswers(source: ProgressSource): Promise<Map<string, ProgressCounts>> {
  return byCase(
    await db().$queryRaw<Record<string, unknown>[]>`
      SELECT u.code, ${countColumns(source.day)}
        FROM ${source.assignments} a JOIN "Task" t ON t.id = a."taskId" JOIN "Unit" u ON u.id = a."unitId"
       GROUP BY u.code`,
    'progressSum',
  )
}

/** Each case's answer from the migration's progress_terms, over the assignments as they stand. */
async function functionAnswers(): Promise<Map<string, ProgressCounts>> {
  return byCase(
    await db().$queryRaw<Record<string, unknown>[]>`
      SELECT u.code, x.*
        FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Unit" u ON u.id = a."unitId"
       CROSS JOIN LATERAL progress_terms(a.status, a.progress, a."completedAt", a."indicatorActual", t."dueDate", ${today}::date, ${DUE_SOON_DAYS}::int) x`,
    'progress',
  )
}

/** Each unit's row of counts as `source` gives it (today's: kept by the database's triggers and recount, through progress_terms). */
async function unitCountAnswers(source: ProgressSource): Promise<Map<string, ProgressCounts>> {
  return byCase(await db().$queryRaw<Record<string, unknown>[]>`SELECT u.code, c.* FROM "Unit" u ${await source.unitCounts()}`, 'progressSum')
}

const expectedOf = (c: Case): ProgressCounts => ({ assigned: 1, ...c.expected })

describe('the progress rule gives the same answers in TypeScript and in SQL', () => {
  test('in TypeScript (progressTerms)', () => {
    for (const c of CASES) expect(progressTerms({ status: c.status, progress: c.progress, dueDate: new Date(c.due), completedAt: c.completedAt }, now), c.name).toEqual(expectedOf(c))
  })

  test('in the query fragment, over the assignments as they stand', async () => {
    const answers = await fragmentAnswers(fromKeptCounts(today, now))
    for (const [i, c] of CASES.entries()) expect(answers.get(`case-${i}`), c.name).toEqual(expectedOf(c))
  })

  test('in the migration\'s progress_terms, over the assignments as they stand', async () => {
    const answers = await functionAnswers()
    for (const [i, c] of CASES.entries()) expect(answers.get(`case-${i}`), c.name).toEqual(expectedOf(c))
  })

  test('in the counts the database keeps (progress_terms applied by its recount)', async () => {
    const answers = await unitCountAnswers(fromKeptCounts(today, now))
    for (const [i, c] of CASES.entries()) expect(answers.get(`case-${i}`), c.name).toEqual(expectedOf(c))
  })

  test('in the query fragment over the history, wherever the history gives the case', async () => {
    const history = fromHistory(today)
    const [fragment, units] = await Promise.all([fragmentAnswers(history), unitCountAnswers(history)])
    for (const [i, c] of CASES.entries()) {
      if (c.reports === null) continue
      expect(fragment.get(`case-${i}`), c.name).toEqual(expectedOf(c))
      expect(units.get(`case-${i}`), c.name).toEqual(expectedOf(c))
    }
  })
})
