// Every progress view read "as of" a past day gives what the history implied at the end of that
// day, on the hand-worked history of test/helpers/as-of-fixture.ts.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import type { CurrentUser } from '@/lib/auth/session'
import type { CalendarDay } from '@/lib/domain/calendar'
import { exportDownload } from '@/lib/reports/exports/download'
import { asOfFixture, at } from '@/test/helpers/as-of-fixture'
import { testDatabase } from '@/test/helpers/database'
import { communeAssignments } from './commune-detail'
import { inChargeUnitProgress, ledGroupProgress, memberOverdueAssignments, memberPendingUpdates, memberSummaries } from './member-progress'
import { taskHistory, taskProgressByCode, taskUnits } from './task-progress'
import { unitAssignments } from './unit-assignments'
import { fromHistory, fromKeptCounts } from './progress-source'
import { fullReader } from '@/test/helpers/reader'

const database = testDatabase()
let ids: { unit: string; member: string; task: string }
let leader: CurrentUser

beforeAll(async () => {
  const fixture = await asOfFixture(database.db)
  const { unit, member, task } = fixture
  ids = { unit: unit.id, member: member.id, task: task.id }
  leader = { ...fixture.leader, role: 'LEADER', memberId: member.id, scopeUnitId: null, unit: { code: unit.code, name: unit.name } }
})

describe('a commune and its unit page as of a past day', () => {
  test('lists the assignment as it then stood', async () => {
    expect(await communeAssignments(fromHistory('2026-06-04'), ids.unit)).toMatchObject([{ status: 'DONE', progress: 100, completedAt: at('2026-06-03') }])
    expect(await communeAssignments(fromHistory('2026-06-05'), ids.unit)).toMatchObject([{ status: 'IN_PROGRESS', progress: 30, completedAt: null }])
    expect(await communeAssignments(fromHistory('2026-05-31'), ids.unit)).toEqual([])
  })

  test('shows the indicator and the latest report as it had then been received', async () => {
    const on = async (day: CalendarDay) => (await unitAssignments(fromHistory(day), 'xa-thu', leader))?.groups[0]?.assignments[0]
    expect(await on('2026-06-04')).toMatchObject({ status: 'DONE', indicator: { actual: '4', target: '6' }, latestReview: 'PENDING' })
    expect(await on('2026-06-05')).toMatchObject({ status: 'IN_PROGRESS', indicator: { actual: '1' }, latestReview: 'RETURNED' })
    expect(await on('2026-06-01')).toMatchObject({ status: 'NOT_STARTED', indicator: { actual: null }, latestReview: null })
    expect((await unitAssignments(fromKeptCounts('2026-06-30'), 'xa-thu', leader))?.groups[0]?.assignments[0]).toMatchObject({ status: 'DONE', indicator: { actual: '5' }, latestReview: 'PENDING' })
  })
})

describe("a member's pages as of a past day", () => {
  test('count the work under the member as it then stood, with what was then waiting for confirmation', async () => {
    const [on4] = await memberSummaries(fromHistory('2026-06-04'), ids.member)
    expect(on4).toMatchObject({ assigned: 1, doneOnTime: 1, overdue: 0, progress: 100, pending: 1 })
    const [on5] = await memberSummaries(fromHistory('2026-06-05'), ids.member)
    expect(on5).toMatchObject({ assigned: 1, doneOnTime: 0, inProgress: 1, overdue: 1, progress: 30, pending: 0 })
    const [now] = await memberSummaries(fromKeptCounts('2026-06-30'), ids.member)
    expect(now).toMatchObject({ doneLate: 1, overdue: 0, pending: 1 })
  })

  test('groups led, units in charge, overdue work and the waiting reports follow the same day', async () => {
    expect(await ledGroupProgress(fromHistory('2026-06-05'), ids.member)).toMatchObject([{ overdue: 1, progress: 30 }])
    expect(await inChargeUnitProgress(fromHistory('2026-06-05'), ids.member, null)).toMatchObject([{ code: 'xa-thu', overdue: 1, progress: 30 }])
    expect((await memberOverdueAssignments(fromHistory('2026-06-05'), ids.member, 50)).total).toBe(1)
    expect((await memberOverdueAssignments(fromHistory('2026-06-04'), ids.member, 50)).total).toBe(0)
    const waiting = await memberPendingUpdates(fromHistory('2026-06-04'), ids.member, 50)
    expect(waiting.rows.map((r) => [r.createdAt, r.status])).toEqual([[at('2026-06-03'), 'DONE']])
    expect((await memberPendingUpdates(fromHistory('2026-06-05'), ids.member, 50)).total).toBe(0)
  })
})

describe('a task as of a past day', () => {
  test('adds up the indicator and the counts as they then stood', async () => {
    expect(await taskProgressByCode(fromHistory('2026-06-04'), 'diem-truong')).toMatchObject({ doneOnTime: 1, indicator: { total: '4', reported: 1 } })
    expect(await taskProgressByCode(fromHistory('2026-06-30'), 'diem-truong')).toMatchObject({ doneLate: 1, indicator: { total: '5' } })
    expect(await taskProgressByCode(fromHistory('2026-05-31'), 'diem-truong')).toMatchObject({ assigned: 0, indicator: { total: '0', reported: 0 } })
  })

  test('lists the units and the history known then, with the review state of then', async () => {
    const units = await taskUnits(fromHistory('2026-06-05'), ids.task, 100, 0)
    expect(units.rows).toMatchObject([{ status: 'IN_PROGRESS', progress: 30, indicatorActual: '1', lastUpdateAt: at('2026-06-02') }])
    const history = await taskHistory(fromHistory('2026-06-04'), fullReader, ids.task, 20)
    expect(history.map((h) => [h.createdAt, h.reviewState])).toEqual([
      [at('2026-06-03'), 'PENDING'],
      [at('2026-06-02'), 'CONFIRMED'],
    ])
    expect((await taskHistory(fromKeptCounts('2026-06-30'), fullReader, ids.task, 20)).map((h) => h.reviewState)).toEqual(['PENDING', 'RETURNED', 'CONFIRMED'])
  })
})

describe('a download as of a past day', () => {
  const download = (path: string[], search: Record<string, string>) =>
    exportDownload({ user: leader, path, search: new URLSearchParams(search), locale: 'vi', ip: null, now: new Date('2026-07-15T03:00:00Z') })

  test('says so in its name and title, and labels the work as it then stood', async () => {
    const response = await download(['units', 'xa-thu.csv'], { asOf: '2026-06-05' })
    expect(response.headers.get('content-disposition')).toContain('nhiem-vu-xa-thu-2026-06-05.csv')
    // In progress at 30% on 05/06 with a deadline of 04/06: overdue then, whatever it is now.
    expect(await response.text()).toMatch(/Sáp nhập điểm trường,Quá hạn[^\n]*,30,1,6,/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (await download(['units', 'xa-thu.xlsx'], { asOf: '2026-06-05' })).arrayBuffer())
    expect(String(workbook.worksheets[0]?.getCell('A1').value)).toContain('05/06/2026')
  })

  test('a commune, a member and a task file agree with their pages as of that day', async () => {
    const commune = await (await download(['communes', 'xa-thu.csv'], { asOf: '2026-06-05' })).text()
    // The latest report as it stood that day: made on 03/06, already returned.
    expect(commune).toMatch(/Sáp nhập điểm trường,Quá hạn,30,1,6,điểm trường,04\/06\/2026,03\/06\/2026,Bị trả lại,/)
    const member = await (await download(['members', 'uv-lan.csv'], { asOf: '2026-06-05' })).text()
    expect(member).toMatch(/Xã Thử,1,30,1,0,0,1,0,0/)
    const task = await (await download(['tasks', 'diem-truong.csv'], { asOf: '2026-06-04' })).text()
    expect(task).toMatch(/Xã Thử,Hoàn thành đúng hạn,100,4,/)
  })
})
