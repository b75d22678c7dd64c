import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { filterAssignments, returnedCount, unitAssignments, unitFilterSchema, type UnitTaskGroup } from './unit-assignments'
import { progressSource } from './progress-source'

const database = testDatabase()
// 10:00 in Ba Chẽ on 28/11/2026.
const now = new Date('2026-11-28T03:00:00Z')
/** Staff of Minh Cầm, who read its details, and of Đạp Thanh, who do not. */
let reader: Actor
let outsider: Actor
const reason = 'Thiếu biên bản họp; đề nghị bổ sung.'

beforeAll(async () => {
  const d = database.db
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })
  const dapThanh = await d.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE' } })
  await d.unit.create({ data: { code: 'xa-cu', name: 'Xã cũ', kind: 'COMMUNE', active: false } })
  const staff = await d.user.create({ data: { username: 'minh-cam', displayName: 'Cán bộ', role: 'STAFF', unitId: minhCam.id, passwordHash: 'x' } })
  const other = await d.user.create({ data: { username: 'dap-thanh', displayName: 'Cán bộ Đạp Thanh', role: 'STAFF', unitId: dapThanh.id, passwordHash: 'x' } })
  const reviewer = await d.user.create({ data: { username: 'bi-thu', displayName: 'Nguyễn Đình Khải', role: 'LEADER', unitId: dapThanh.id, passwordHash: 'x' } })
  reader = { id: staff.id, role: 'STAFF', unitId: minhCam.id, memberId: null, scopeUnitId: null }
  outsider = { id: other.id, role: 'STAFF', unitId: dapThanh.id, memberId: null, scopeUnitId: null }
  const second = await d.taskGroup.create({ data: { code: 'g2', name: 'Nhất thể hóa chức danh', sortOrder: 2 } })
  const first = await d.taskGroup.create({ data: { code: 'g1', name: 'Sắp xếp bộ máy', sortOrder: 1 } })
  const task = (code: string, groupId: string, sortOrder: number, dueDate: string, more: { active?: boolean; indicator?: boolean } = {}) =>
    d.task.create({
      data: {
        code,
        groupId,
        title: `Nhiệm vụ ${code}`,
        dueDate: new Date(dueDate),
        scope: 'COMMUNE',
        sortOrder,
        active: more.active ?? true,
        ...(more.indicator ? { indicatorUnit: 'chức danh', indicatorBaseline: 0, indicatorTarget: 12 } : {}),
      },
    })
  // a1: blocked and overdue; a2: in progress, due in 14 days; b2: done late with an indicator;
  // b3: not started, due in 15 days (not yet "due soon"); rut: withdrawn.
  const a1 = await task('a1', first.id, 1, '2026-11-27')
  const a2 = await task('a2', first.id, 2, '2026-12-12')
  const b2 = await task('b2', second.id, 1, '2026-11-20', { indicator: true })
  const b3 = await task('b3', second.id, 2, '2026-12-13')
  const rut = await task('rut', first.id, 0, '2027-01-31', { active: false })
  const assign = (taskId: string, data: { status?: 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress?: number; indicatorActual?: number; completedAt?: Date } = {}) =>
    d.assignment.create({ data: { taskId, unitId: minhCam.id, ...data } })
  const blocked = await assign(a1.id, { status: 'BLOCKED', progress: 30 })
  const reReported = await assign(a2.id, { status: 'IN_PROGRESS', progress: 60 })
  const late = await assign(b2.id, { status: 'DONE', progress: 100, indicatorActual: 5.5, completedAt: new Date('2026-11-22T02:00:00Z') })
  await assign(b3.id)
  await assign(rut.id)
  await d.assignment.create({ data: { taskId: b2.id, unitId: dapThanh.id } })
  const report = (assignmentId: string, createdAt: string, reviewState: 'PENDING' | 'CONFIRMED' | 'RETURNED', reviewNote: string | null = null) =>
    d.statusUpdate.create({
      data: {
        assignmentId,
        authorId: staff.id,
        status: 'IN_PROGRESS',
        progress: 30,
        createdAt: new Date(createdAt),
        reviewState,
        ...(reviewState === 'PENDING' ? {} : { reviewedById: reviewer.id, reviewedAt: new Date(createdAt), reviewNote }),
      },
    })
  // The latest update decides: a1 was confirmed, then its newer report returned; a2 was returned,
  // then reported again; b2 waits.
  await report(blocked.id, '2026-11-10T02:00:00Z', 'CONFIRMED', 'Đồng ý.')
  await report(blocked.id, '2026-11-12T02:00:00Z', 'RETURNED', reason)
  await report(reReported.id, '2026-11-13T02:00:00Z', 'RETURNED', 'Sai số liệu.')
  await report(reReported.id, '2026-11-14T02:00:00Z', 'PENDING')
  await report(late.id, '2026-11-22T02:00:00Z', 'PENDING')
})

afterAll(async () => {
  await db().$disconnect()
})

const titles = (groups: UnitTaskGroup[]) => groups.map((g) => [g.name, g.assignments.map((a) => a.taskCode)])

describe('unitAssignments', () => {
  it("lists Minh Cầm's active assignments grouped by task group, groups and tasks in their order", async () => {
    const page = await unitAssignments(progressSource(null, new Date()), 'minh-cam', reader)
    expect(page?.unit.name).toBe('Xã Minh Cầm')
    expect(page?.groups.map((g) => [g.code, g.name, g.assignments.map((a) => a.title)])).toEqual([
      ['g1', 'Sắp xếp bộ máy', ['Nhiệm vụ a1', 'Nhiệm vụ a2']],
      ['g2', 'Nhất thể hóa chức danh', ['Nhiệm vụ b2', 'Nhiệm vụ b3']],
    ])
  })

  it("gives each assignment its indicator, if the task has one, and the review of its latest update", async () => {
    const page = await unitAssignments(progressSource(null, new Date()), 'minh-cam', reader)
    const all = page?.groups.flatMap((g) => g.assignments) ?? []
    expect(all.map((a) => [a.taskCode, a.indicator, a.latestReview])).toEqual([
      ['a1', null, 'RETURNED'],
      ['a2', null, 'PENDING'],
      ['b2', { kind: 'SUM', unit: 'chức danh', target: '12', actual: '5.5', districtTarget: true }, 'PENDING'],
      ['b3', null, null],
    ])
  })

  it("gives the reviewer's comment on the latest report to the unit's staff, and to another unit's staff nothing", async () => {
    const comments = async (actor: Actor) => {
      const page = await unitAssignments(progressSource(null, new Date()), 'minh-cam', actor)
      return { readable: page?.commentsReadable, rows: page?.groups.flatMap((g) => g.assignments.map((a) => [a.taskCode, a.latestReviewComment])) }
    }
    expect(await comments(reader)).toEqual({
      readable: true,
      rows: [
        ['a1', { reviewerName: 'Nguyễn Đình Khải', note: reason }],
        ['a2', null],
        ['b2', null],
        ['b3', null],
      ],
    })
    expect(await comments(outsider)).toEqual({ readable: false, rows: [['a1', null], ['a2', null], ['b2', null], ['b3', null]] })
  })

  it('finds no unit for an unknown or inactive code', async () => {
    await expect(unitAssignments(progressSource(null, new Date()), 'khong-co', reader)).resolves.toBeNull()
    await expect(unitAssignments(progressSource(null, new Date()), 'xa-cu', reader)).resolves.toBeNull()
  })
})

describe('filterAssignments', () => {
  const filtered = async (query: Record<string, string>) => {
    const page = await unitAssignments(progressSource(null, new Date()), 'minh-cam', reader)
    return titles(filterAssignments(page?.groups ?? [], unitFilterSchema.parse(query), now))
  }

  it('keeps only overdue work when asked for overdue, dropping groups left empty', async () => {
    expect(await filtered({ status: 'overdue' })).toEqual([['Sắp xếp bộ máy', ['a1']]])
  })

  it('finds blocked work that is also overdue under "blocked"', async () => {
    expect(await filtered({ status: 'blocked' })).toEqual([['Sắp xếp bộ máy', ['a1']]])
  })

  it('calls due soon what is due within 14 days, not 15', async () => {
    expect(await filtered({ status: 'dueSoon' })).toEqual([['Sắp xếp bộ máy', ['a2']]])
  })

  it('tells done late from done on time', async () => {
    expect(await filtered({ status: 'doneLate' })).toEqual([['Nhất thể hóa chức danh', ['b2']]])
    expect(await filtered({ status: 'doneOnTime' })).toEqual([])
  })

  it('combines a group with a status', async () => {
    expect(await filtered({ group: 'g2' })).toEqual([['Nhất thể hóa chức danh', ['b2', 'b3']]])
    expect(await filtered({ group: 'g2', status: 'notStarted' })).toEqual([['Nhất thể hóa chức danh', ['b3']]])
  })

  it('keeps under "returned" exactly the assignments whose latest report was returned, not those reported again since', async () => {
    expect(await filtered({ review: 'returned' })).toEqual([['Sắp xếp bộ máy', ['a1']]])
    expect(await filtered({ review: 'returned', group: 'g2' })).toEqual([])
    const page = await unitAssignments(progressSource(null, new Date()), 'minh-cam', reader)
    expect(returnedCount(page?.groups ?? [])).toBe(1)
  })

  it('ignores an unknown status or group and shows everything', async () => {
    const everything = [
      ['Sắp xếp bộ máy', ['a1', 'a2']],
      ['Nhất thể hóa chức danh', ['b2', 'b3']],
    ]
    expect(await filtered({ status: 'DONE' })).toEqual(everything)
    expect(await filtered({ group: 'khong-co' })).toEqual(everything)
    expect(await filtered({ status: '', group: '', review: 'RETURNED' })).toEqual(everything)
    expect(unitFilterSchema.parse({ status: ['overdue', 'blocked'], group: ['g1', 'g2'] })).toEqual({ status: undefined, group: undefined, review: undefined })
  })
})
