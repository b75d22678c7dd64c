// The review report's numbers are what the history said at the end of the period, not today's.
import { beforeAll, describe, expect, test } from 'vitest'
import { endOfDistrictDay } from '@/lib/domain/calendar'
import { at, PERIOD_END, reviewFixture } from '@/test/helpers/review-report-fixture'
import { testDatabase } from '@/test/helpers/database'
import { communeProgressList } from './communes'
import { indicatorResults, lateAssignments, progressByGroup } from './district-overview'
import { notesAsOf } from './review-report'
import { fromHistory, fromKeptCounts } from './progress-source'
import { fullReader } from '@/test/helpers/reader'

const database = testDatabase()
const asOf = endOfDistrictDay(PERIOD_END)
let fixture: Awaited<ReturnType<typeof reviewFixture>>

beforeAll(async () => {
  fixture = await reviewFixture(database.db)
})

describe('the district as of the end of a period', () => {
  test('a task done after the period is not done in it; a report returned after the period still counts', async () => {
    const { total } = await progressByGroup(fromHistory(PERIOD_END), null)
    // Đạp Thanh's school sites in progress (50%), its posts done on 20/06 (returned on 02/07),
    // the township blocked (20%, its later report returned by 30/06); the task of 10/07 absent.
    expect(total).toMatchObject({ assigned: 3, doneOnTime: 1, doneLate: 0, inProgress: 1, blocked: 1, notStarted: 0, overdue: 2, late: 2, due: 3, progress: 57 })
  })

  test('without an instant, the counts are today\'s, as the overview shows them', async () => {
    const { total } = await progressByGroup(fromKeptCounts('2026-07-15'), null)
    expect(total).toMatchObject({ assigned: 4, doneOnTime: 0, doneLate: 1, inProgress: 1, blocked: 0, notStarted: 2, overdue: 2 })
  })

  test('indicators sum the figures reported by then', async () => {
    const [asThen] = await indicatorResults(fromHistory(PERIOD_END))
    expect(asThen).toMatchObject({ title: 'Sáp nhập điểm trường lẻ', unit: 'điểm trường', target: '10', actual: '4', share: 0.4, assigned: 1, reported: 1 })
    const [now] = await indicatorResults(fromKeptCounts('2026-07-15'))
    expect(now).toMatchObject({ actual: '10', share: 1 })
  })

  test('each commune is counted as it stood then', async () => {
    const rows = await communeProgressList(fromHistory(PERIOD_END), 'list')
    expect(rows.map(({ name, memberName, assigned, doneOnTime, doneLate, overdue, progress }) => ({ name, memberName, assigned, done: doneOnTime + doneLate, overdue, progress }))).toEqual([
      { name: 'Thị trấn Ba Chẽ', memberName: null, assigned: 1, done: 0, overdue: 1, progress: 20 },
      { name: 'Xã Đạp Thanh', memberName: 'Hoàng Văn An', assigned: 2, done: 1, overdue: 1, progress: 75 },
    ])
    const today = await communeProgressList(fromKeptCounts('2026-07-15'), 'list')
    expect(today.map((row) => row.assigned)).toEqual([1, 3])
  })

  test('the late items are those of then, with the note that stood then', async () => {
    const late = await lateAssignments(fromHistory(PERIOD_END), null, 10)
    expect(late.map((item) => [item.unitName, item.status])).toEqual([
      ['Xã Đạp Thanh', 'IN_PROGRESS'],
      ['Thị trấn Ba Chẽ', 'BLOCKED'],
    ])
    const notes = await notesAsOf(fullReader, late.map((item) => item.id), asOf)
    expect(notes.get(fixture.mergeDapThanh.id)?.text).toBe('Đang rà soát các điểm trường thôn Khe Tâm')
    // The report of 29/06 was returned on 30/06: the blocked report's note stands.
    expect(notes.get(fixture.postsTown.id)?.text).toBe('Thiếu nhân sự đủ tiêu chuẩn')
    // Before the return, the later note stood.
    expect((await notesAsOf(fullReader, [fixture.postsTown.id], at(PERIOD_END, '08:00'))).get(fixture.postsTown.id)?.text).toBe('Đã có phương án nhân sự')
  })
})
