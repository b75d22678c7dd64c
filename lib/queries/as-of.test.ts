// The state of an assignment as of a past day is what its history said by the end of that day.
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import { testDatabase } from '@/test/helpers/database'
import { asOfFixture, at } from '@/test/helpers/as-of-fixture'
import { assignmentSource, progressMoment } from './as-of'
import { statusCountColumns } from './status-counts'

const database = testDatabase()
let assignmentId: string

beforeAll(async () => {
  assignmentId = (await asOfFixture(database.db)).assignment.id
})

type Row = { status: string; progress: number; indicatorActual: string | null; completedAt: Date | null }
const stateOn = async (day: CalendarDay): Promise<Row | undefined> =>
  (
    await db().$queryRaw<Row[]>`SELECT a.status::text AS status, a.progress, a."indicatorActual"::text AS "indicatorActual", a."completedAt"
                                  FROM ${assignmentSource(endOfDistrictDay(day))} a WHERE a.id = ${assignmentId}::uuid`
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
      SELECT ${statusCountColumns('2026-06-30')} FROM ${assignmentSource(endOfDistrictDay('2026-06-30'))} a JOIN "Task" t ON t.id = a."taskId"`
    expect(counts).toMatchObject({ doneOnTime: 0, doneLate: 1, overdue: 0 })
  })

  test('today\'s state reads the assignment itself', async () => {
    const [row] = await db().$queryRaw<Row[]>`SELECT a.status::text AS status, a.progress, a."indicatorActual"::text AS "indicatorActual", a."completedAt" FROM ${assignmentSource(null)} a WHERE a.id = ${assignmentId}::uuid`
    expect(row).toEqual({ status: 'DONE', progress: 100, indicatorActual: '5.00', completedAt: at('2026-06-06') })
  })
})

describe('the moment a progress view speaks of', () => {
  const now = new Date('2026-07-15T03:00:00Z') // 10:00 on 15/07 in Ba Chẽ
  test('a past day is read from the history at its end', () => {
    expect(progressMoment('2026-06-30', now)).toEqual({ day: '2026-06-30', asOf: new Date('2026-06-30T16:59:59.999Z'), at: new Date('2026-06-30T16:59:59.999Z') })
  })
  test('no day, today or a future day is today, read from the assignments themselves', () => {
    expect(progressMoment(null, now)).toEqual({ day: '2026-07-15', asOf: null, at: now })
    expect(progressMoment('2026-07-15', now)).toEqual({ day: '2026-07-15', asOf: null, at: now })
    expect(progressMoment('2027-01-01', now)).toEqual({ day: '2026-07-15', asOf: null, at: now })
  })
})
