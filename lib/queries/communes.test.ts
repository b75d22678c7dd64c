import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { communeProgressList, communeRankingEnds } from './communes'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'

beforeAll(async () => {
  const d = database.db
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const an = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
  const binh = await d.member.create({ data: { code: 'uv-binh', name: 'Lê Thị Bình', title: 'Trưởng Ban Dân vận' } })
  const unit = (code: string, name: string, kind: 'COMMUNE' | 'TOWNSHIP' | 'VILLAGE' | 'AGENCY', sortOrder: number, more: { inChargeMemberId?: string; active?: boolean } = {}) =>
    d.unit.create({ data: { code, name, kind, parentId: district.id, sortOrder, ...more } })
  const town = await unit('thi-tran', 'Thị trấn Ba Chẽ', 'TOWNSHIP', 1)
  const minhCam = await unit('minh-cam', 'Xã Minh Cầm', 'COMMUNE', 2, { inChargeMemberId: an.id })
  const dapThanh = await unit('dap-thanh', 'Xã Đạp Thanh', 'COMMUNE', 3, { inChargeMemberId: binh.id })
  await unit('nam-son', 'Xã Nam Sơn', 'COMMUNE', 4)
  const donDac = await unit('don-dac', 'Xã Đồn Đạc', 'COMMUNE', 5)
  const village = await unit('thon-1', 'Thôn 1', 'VILLAGE', 1)
  const agency = await unit('phong-gd', 'Phòng Giáo dục và Đào tạo', 'AGENCY', 1)
  const closed = await unit('xa-cu', 'Xã cũ', 'COMMUNE', 6, { active: false })

  const group = await d.taskGroup.create({ data: { code: 'g1', name: 'Sắp xếp bộ máy' } })
  const task = (code: string, dueDate: string, active = true) =>
    d.task.create({ data: { code, groupId: group.id, title: code, dueDate: new Date(dueDate), scope: 'COMMUNE', active } })
  const past = await task('qua-han', '2026-11-27')
  const dueToday = await task('hom-nay', today)
  const later = await task('sau-nay', '2027-03-31')
  const withdrawn = await task('da-rut', '2026-01-01', false)

  await d.assignment.createMany({
    data: [
      // The township: past due and not started (overdue), due today in progress at 50%.
      { taskId: past.id, unitId: town.id, status: 'NOT_STARTED' },
      { taskId: dueToday.id, unitId: town.id, status: 'IN_PROGRESS', progress: 50 },
      // Minh Cầm: done at 01:00 on 28/11 in Ba Chẽ (27/11 in UTC), a day after its deadline;
      // done on time; blocked but not due; a withdrawn task that does not count.
      { taskId: past.id, unitId: minhCam.id, status: 'DONE', progress: 100, completedAt: new Date('2026-11-27T18:00:00Z') },
      { taskId: dueToday.id, unitId: minhCam.id, status: 'DONE', progress: 100, completedAt: new Date('2026-11-27T10:00:00Z') },
      { taskId: later.id, unitId: minhCam.id, status: 'BLOCKED', progress: 30 },
      { taskId: withdrawn.id, unitId: minhCam.id, status: 'NOT_STARTED' },
      // Đạp Thanh: in progress at 80% but past due.
      { taskId: past.id, unitId: dapThanh.id, status: 'IN_PROGRESS', progress: 80 },
      // Đồn Đạc: not started and past due. Nam Sơn has nothing assigned.
      { taskId: past.id, unitId: donDac.id, status: 'NOT_STARTED' },
      // Not commune-level, or closed: not listed.
      { taskId: past.id, unitId: village.id, status: 'NOT_STARTED' },
      { taskId: past.id, unitId: agency.id, status: 'NOT_STARTED' },
      { taskId: past.id, unitId: closed.id, status: 'NOT_STARTED' },
    ],
  })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('communeProgressList', () => {
  it('lists the active township and communes in the district’s order, with the member in charge', async () => {
    const rows = await communeProgressList(fromKeptCounts(today), 'list')
    expect(rows.map((r) => [r.code, r.memberName, r.memberTitle])).toEqual([
      ['thi-tran', null, null],
      ['minh-cam', 'Hoàng Văn An', 'Phó Bí thư'],
      ['dap-thanh', 'Lê Thị Bình', 'Trưởng Ban Dân vận'],
      ['nam-son', null, null],
      ['don-dac', null, null],
    ])
  })

  it('counts each unit by status, done late and overdue by the Ba Chẽ calendar', async () => {
    const rows = await communeProgressList(fromKeptCounts(today), 'list')
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]))
    expect(byCode['thi-tran']).toMatchObject({ assigned: 2, doneOnTime: 0, doneLate: 0, inProgress: 1, blocked: 0, notStarted: 1, overdue: 1, progress: 25 })
    // (100 + 100 + 30) / 3 = 76.7
    expect(byCode['minh-cam']).toMatchObject({ assigned: 3, doneOnTime: 1, doneLate: 1, inProgress: 0, blocked: 1, notStarted: 0, overdue: 0, progress: 77 })
    expect(byCode['dap-thanh']).toMatchObject({ assigned: 1, inProgress: 1, overdue: 1, progress: 80 })
    expect(byCode['nam-son']).toMatchObject({ assigned: 0, doneOnTime: 0, overdue: 0, progress: 0 })
    expect(byCode['don-dac']).toMatchObject({ assigned: 1, notStarted: 1, overdue: 1, progress: 0 })
  })

  it('ranks by progress, and between equals puts the one with less overdue work first', async () => {
    const rows = await communeProgressList(fromKeptCounts(today), 'progress')
    expect(rows.map((r) => [r.code, r.progress, r.overdue])).toEqual([
      ['dap-thanh', 80, 1],
      ['minh-cam', 77, 0],
      ['thi-tran', 25, 1],
      ['nam-son', 0, 0],
      ['don-dac', 0, 1],
    ])
  })
})

describe('communeRankingEnds', () => {
  it('gives the whole ranking when it has no more than twice the ends', async () => {
    const ranking = await communeRankingEnds(fromKeptCounts(today), 3)
    expect(ranking.communes).toBe(5)
    expect(ranking.best.map((r) => r.code)).toEqual(['dap-thanh', 'minh-cam', 'thi-tran', 'nam-son', 'don-dac'])
    expect(ranking.worst).toEqual([])
  })

  it('gives the head and the tail of a longer ranking, with the units as the full list counts them', async () => {
    const ranking = await communeRankingEnds(fromKeptCounts(today), 2)
    expect(ranking.communes).toBe(5)
    expect(ranking.best.map((r) => r.code)).toEqual(['dap-thanh', 'minh-cam'])
    expect(ranking.worst.map((r) => r.code)).toEqual(['nam-son', 'don-dac'])
    const full = await communeProgressList(fromKeptCounts(today), 'progress')
    expect(ranking.best[1]).toEqual(full[1])
    expect(ranking.worst[1]).toEqual(full[4])
  })
})
