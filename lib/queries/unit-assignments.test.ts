import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { unitAssignments } from './unit-assignments'

const database = testDatabase()

beforeAll(async () => {
  const d = database.db
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })
  const dapThanh = await d.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE' } })
  await d.unit.create({ data: { code: 'xa-cu', name: 'Xã cũ', kind: 'COMMUNE', active: false } })
  const second = await d.taskGroup.create({ data: { code: 'g2', name: 'Nhất thể hóa chức danh', sortOrder: 2 } })
  const first = await d.taskGroup.create({ data: { code: 'g1', name: 'Sắp xếp bộ máy', sortOrder: 1 } })
  const task = (code: string, groupId: string, sortOrder: number, active = true) =>
    d.task.create({ data: { code, groupId, title: `Nhiệm vụ ${code}`, dueDate: new Date('2027-01-31'), scope: 'COMMUNE', sortOrder, active } })
  const tasks = [
    await task('b2', second.id, 1),
    await task('a2', first.id, 2),
    await task('a1', first.id, 1),
    await task('rut', first.id, 0, false),
  ]
  await d.assignment.createMany({ data: tasks.map((t) => ({ taskId: t.id, unitId: minhCam.id })) })
  await d.assignment.create({ data: { taskId: tasks[0]!.id, unitId: dapThanh.id } })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('unitAssignments', () => {
  it("lists Minh Cầm's active assignments grouped by task group, groups and tasks in their order", async () => {
    const page = await unitAssignments('minh-cam')
    expect(page?.unit.name).toBe('Xã Minh Cầm')
    expect(page?.groups.map((g) => [g.name, g.assignments.map((a) => a.title)])).toEqual([
      ['Sắp xếp bộ máy', ['Nhiệm vụ a1', 'Nhiệm vụ a2']],
      ['Nhất thể hóa chức danh', ['Nhiệm vụ b2']],
    ])
  })

  it('finds no unit for an unknown or inactive code', async () => {
    await expect(unitAssignments('khong-co')).resolves.toBeNull()
    await expect(unitAssignments('xa-cu')).resolves.toBeNull()
  })
})
