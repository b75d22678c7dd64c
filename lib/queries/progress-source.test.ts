// The two sources of progress: the state of an assignment as of a past day is what its history said
// by the end of that day; today's is the assignment itself; a page reads a past day from the history.
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { CalendarDay } from '@/lib/domain/calendar'
import { testDatabase } from '@/test/helpers/database'
import { asOfFixture, at } from '@/test/helpers/as-of-fixture'
import { fromHistory, progressSource } from './progress-source'

const database = testDatabase()
let assignmentId: string

beforeAll(async () => {
  assignmentId = (await asOfFixture(database.db)).assignment.id
})

type Row = { status: string; progress: number; indicatorActual: string | null; completedAt: Date | null }
const stateOn = async (day: CalendarDay): Promise<Row | undefined> =>
  (
    await db().$queryRaw<Row[]>`SELECT a.status::text AS status, a.progress, a."indicatorActual"::text AS "indicatorActual", a."completedAt"
                                  FROM ${fromHistory(day).assignments} a WHERE a.id = ${assignmentId}::uuid`
  )[0]

describe('an assignment as of a past day', () => {
  test('does not exist before it was assigned', async () => {
    expect(await stateOn('2026-05-31')).toBeUndefined()
  })

  test('is not started until its first report', async () => {
    expect(await stateOn('2026-06-01')).toEqual({ status: 'NOT_STARTED', progress: 0, indicatorActual: null, completedAt: null })
  })

  test('is what the latest report by then said', async () => {
    expect(await stateOn('2026-06-02')).toEqual({ status: 'IN_PROGRESS', progress: 30, indicatorActual: '1.00', completedAt: null })
    expect(await stateOn('2026-06-04')).toEqual({ status: 'DONE', progress: 100, indicatorActual: '4.00', completedAt: at('2026-06-03') })
  })

  test('forgets a report once it was returned, not before', async () => {
    expect(await stateOn('2026-06-05')).toEqual({ status: 'IN_PROGRESS', progress: 30, indicatorActual: '1.00', completedAt: null })
  })

  test('is done since the report after the return, and that is late for a task due on 04/06', async () => {
    expect(await stateOn('2026-06-30')).toEqual({ status: 'DONE', progress: 100, indicatorActual: '5.00', completedAt: at('2026-06-06') })
    const [counts] = await db().$queryRaw<{ doneOnTime: number; doneLate: number; overdue: number }[]>`
      SELECT c.* FROM "Task" t ${await fromHistory('2026-06-30').taskCounts()}`
    expect(counts).toMatchObject({ doneOnTime: 0, doneLate: 1, overdue: 0 })
  })

  test('today\'s state reads the assignment itself', async () => {
    const [row] = await db().$queryRaw<Row[]>`SELECT a.status::text AS status, a.progress, a."indicatorActual"::text AS "indicatorActual", a."completedAt" FROM ${progressSource(null, new Date()).assignments} a WHERE a.id = ${assignmentId}::uuid`
    expect(row).toEqual({ status: 'DONE', progress: 100, indicatorActual: '5.00', completedAt: at('2026-06-06') })
  })
})

describe('the source a progress view reads', () => {
  const now = new Date('2026-07-15T03:00:00Z') // 10:00 on 15/07 in Ba Chẽ
  test('a past day is read from the history at its end', () => {
    expect(progressSource('2026-06-30', now)).toMatchObject({ name: 'history', day: '2026-06-30', asOfDay: '2026-06-30', at: new Date('2026-06-30T16:59:59.999Z') })
  })
  test('no day, today or a future day is today, read from the kept counts', () => {
    for (const asked of [null, '2026-07-15', '2027-01-01']) {
      expect(progressSource(asked, now)).toMatchObject({ name: 'kept counts', day: '2026-07-15', asOfDay: undefined, at: now })
    }
  })
})
