import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { communeProgress } from './commune-progress'

const database = testDatabase()
const today = '2026-11-28'

beforeAll(async () => {
  const d = database.db
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const member = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
  const minhCam = await d.unit.create({
    data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', parentId: district.id, inChargeMemberId: member.id, sortOrder: 2 },
  })
  const town = await d.unit.create({ data: { code: 'thi-tran', name: 'Thị trấn Ba Chẽ', kind: 'TOWNSHIP', parentId: district.id, sortOrder: 1 } })
  await d.unit.create({ data: { code: 'thon-khe-lac', name: 'Thôn Khe Lạc', kind: 'VILLAGE', parentId: minhCam.id } })
  await d.unit.create({ data: { code: 'xa-cu', name: 'Xã cũ', kind: 'COMMUNE', parentId: district.id, active: false } })
  const group = await d.taskGroup.create({ data: { code: 'g1', name: 'Sắp xếp bộ máy' } })
  const task = (code: string, dueDate: string, active = true) =>
    d.task.create({ data: { code, groupId: group.id, title: code, dueDate: new Date(dueDate), scope: 'COMMUNE', active } })
  const pastDue = await task('qua-han', '2026-11-27')
  const longPastDue = await task('qua-han-lau', '2026-10-01')
  const dueToday = await task('hom-nay', today)
  const later = await task('sau-nay', '2027-03-31')
  const later2 = await task('sau-nay-2', '2027-06-30')
  const withdrawn = await task('da-rut', '2026-01-01', false)
  // Minh Cầm: past due and done (not overdue), due today in progress (not overdue),
  // later blocked, later not started; a withdrawn task that must not count.
  await d.assignment.createMany({
    data: [
      { taskId: pastDue.id, unitId: minhCam.id, status: 'DONE', progress: 100 },
      { taskId: dueToday.id, unitId: minhCam.id, status: 'IN_PROGRESS', progress: 50 },
      { taskId: later.id, unitId: minhCam.id, status: 'BLOCKED', progress: 10 },
      { taskId: later2.id, unitId: minhCam.id, status: 'NOT_STARTED' },
      { taskId: withdrawn.id, unitId: minhCam.id, status: 'NOT_STARTED' },
      // The township: one blocked and one not started, both past due.
      { taskId: pastDue.id, unitId: town.id, status: 'BLOCKED', progress: 30 },
      { taskId: longPastDue.id, unitId: town.id, status: 'NOT_STARTED' },
    ],
  })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('communeProgress', () => {
  it('lists only active communes and the township, in their order, with the member in charge', async () => {
    const rows = await communeProgress(today)
    expect(rows.map((r) => [r.code, r.memberName])).toEqual([
      ['thi-tran', null],
      ['minh-cam', 'Hoàng Văn An'],
    ])
  })

  it('counts Minh Cầm by status and calls only unfinished work due before today overdue', async () => {
    const minhCam = (await communeProgress(today)).find((r) => r.code === 'minh-cam')
    expect(minhCam).toMatchObject({ assigned: 4, done: 1, inProgress: 1, blocked: 1, notStarted: 1, overdue: 0 })
  })

  it('counts blocked and not-started work past its due date as overdue', async () => {
    const town = (await communeProgress(today)).find((r) => r.code === 'thi-tran')
    expect(town).toMatchObject({ assigned: 2, done: 0, inProgress: 0, blocked: 1, notStarted: 1, overdue: 2 })
  })
})
