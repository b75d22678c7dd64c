import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { onTimeShare } from '@/lib/domain/status-counts'
import { testDatabase } from '@/test/helpers/database'
import { indicatorResults, lateAssignments, progressByGroup } from './district-overview'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'
const ids = { minhCam: '', town: '', agency: '', empty: '' }

beforeAll(async () => {
  const d = database.db
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const an = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
  const binh = await d.member.create({ data: { code: 'uv-binh', name: 'Lê Thị Bình', title: 'Trưởng Ban Tổ chức' } })
  const unit = (code: string, name: string, kind: 'COMMUNE' | 'TOWNSHIP' | 'AGENCY', sortOrder: number, more: { inChargeMemberId?: string; active?: boolean } = {}) =>
    d.unit.create({ data: { code, name, kind, parentId: district.id, sortOrder, ...more } })
  const town = await unit('thi-tran', 'Thị trấn Ba Chẽ', 'TOWNSHIP', 1)
  const minhCam = await unit('minh-cam', 'Xã Minh Cầm', 'COMMUNE', 2, { inChargeMemberId: an.id })
  const agency = await unit('phong-gd', 'Phòng Giáo dục và Đào tạo', 'AGENCY', 3)
  const empty = await unit('nam-son', 'Xã Nam Sơn', 'COMMUNE', 4)
  const closed = await unit('xa-cu', 'Xã cũ', 'COMMUNE', 5, { active: false })
  Object.assign(ids, { minhCam: minhCam.id, town: town.id, agency: agency.id, empty: empty.id })

  const g1 = await d.taskGroup.create({ data: { code: 'g1', name: 'Sắp xếp bộ máy', sortOrder: 1 } })
  const g2 = await d.taskGroup.create({ data: { code: 'g2', name: 'Trường, lớp', sortOrder: 2, leadMemberId: binh.id } })
  const task = (code: string, groupId: string, dueDate: string, more: { indicator?: [string, number, number]; active?: boolean } = {}) =>
    d.task.create({
      data: {
        code,
        groupId,
        title: `Nhiệm vụ ${code}`,
        dueDate: new Date(dueDate),
        scope: 'COMMUNE',
        active: more.active ?? true,
        indicatorUnit: more.indicator?.[0],
        indicatorBaseline: more.indicator?.[1],
        indicatorTarget: more.indicator?.[2],
      },
    })
  const t1 = await task('t1', g1.id, '2026-11-20')
  const t2 = await task('t2', g1.id, today)
  const t5 = await task('t5', g1.id, '2027-01-31', { indicator: ['người', 4, 12] })
  const t3 = await task('t3', g2.id, '2026-12-31')
  const t4 = await task('t4', g2.id, '2026-10-01', { indicator: ['điểm trường', 0, 10] })
  const withdrawn = await task('da-rut', g1.id, '2026-11-01', { active: false })

  await d.assignment.createMany({
    data: [
      // Done at 00:30 on 21/11 in Ba Chẽ (still the 20th in UTC): one day late.
      { taskId: t1.id, unitId: minhCam.id, status: 'DONE', progress: 100, completedAt: new Date('2026-11-20T17:30:00Z') },
      // Done at 23:30 on 20/11 in Ba Chẽ: on time.
      { taskId: t1.id, unitId: town.id, status: 'DONE', progress: 100, completedAt: new Date('2026-11-20T16:30:00Z') },
      { taskId: t1.id, unitId: agency.id, status: 'IN_PROGRESS', progress: 40 },
      // Due today: not overdue yet.
      { taskId: t2.id, unitId: minhCam.id, status: 'BLOCKED', progress: 20 },
      { taskId: t2.id, unitId: town.id, status: 'NOT_STARTED' },
      { taskId: t3.id, unitId: minhCam.id, status: 'IN_PROGRESS', progress: 50 },
      { taskId: t4.id, unitId: minhCam.id, status: 'DONE', progress: 100, indicatorActual: 3, completedAt: new Date('2026-09-15T03:00:00Z') },
      { taskId: t4.id, unitId: town.id, status: 'BLOCKED', progress: 10, indicatorActual: 2 },
      { taskId: t4.id, unitId: agency.id, status: 'NOT_STARTED', responsibleMemberId: binh.id },
      { taskId: t5.id, unitId: agency.id, status: 'IN_PROGRESS', progress: 60, indicatorActual: 8 },
      // Left out: a withdrawn task, a closed unit.
      { taskId: withdrawn.id, unitId: minhCam.id, status: 'NOT_STARTED' },
      { taskId: t4.id, unitId: closed.id, status: 'DONE', progress: 100, indicatorActual: 7, completedAt: new Date('2026-09-01T03:00:00Z') },
    ],
  })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('progressByGroup for the district', () => {
  it('counts the ten assignments of active tasks in active units, with done late and overdue from the Ba Chẽ calendar', async () => {
    const { total } = await progressByGroup(fromKeptCounts(today), null)
    // Due by today: t1 ×3, t2 ×2, t4 ×3. Overdue: the agency's t1 and t4, the town's blocked t4.
    // Progress: (100 + 100 + 40 + 20 + 0 + 50 + 100 + 10 + 0 + 60) / 10 = 48.
    expect(total).toMatchObject({
      assigned: 10,
      due: 8,
      doneOnTime: 2,
      doneLate: 1,
      inProgress: 3,
      blocked: 2,
      notStarted: 2,
      overdue: 3,
      dueSoon: 2,
      progress: 48,
      // Overdue, or blocked (Minh Cầm's t2, due today).
      late: 4,
    })
    // Done on time out of everything whose deadline was met or missed: 2 / (2 + 1 + 3).
    expect(onTimeShare(total)).toBeCloseTo(1 / 3)
  })

  it('counts each task group, in the groups’ order', async () => {
    const { groups } = await progressByGroup(fromKeptCounts(today), null)
    expect(groups.map((g) => g.code)).toEqual(['g1', 'g2'])
    // g1: t1 ×3, t2 ×2, t5; progress (100 + 100 + 40 + 20 + 0 + 60) / 6 = 53.3.
    expect(groups[0]).toMatchObject({ name: 'Sắp xếp bộ máy', assigned: 6, due: 5, doneOnTime: 1, doneLate: 1, inProgress: 2, blocked: 1, notStarted: 1, overdue: 1, progress: 53, late: 2 })
    // g2: t3, t4 ×3; progress (50 + 100 + 10 + 0) / 4 = 40.
    expect(groups[1]).toMatchObject({ name: 'Trường, lớp', assigned: 4, due: 3, doneOnTime: 1, doneLate: 0, inProgress: 1, blocked: 1, notStarted: 1, overdue: 2, progress: 40, late: 2 })
  })
})

describe('progressByGroup for one unit', () => {
  it('counts Minh Cầm alone, without its withdrawn task', async () => {
    const { total, groups } = await progressByGroup(fromKeptCounts(today), ids.minhCam)
    // t1 done late, t2 blocked (due today), t3 in progress, t4 done on time; progress (100 + 20 + 50 + 100) / 4 = 67.5.
    expect(total).toMatchObject({ assigned: 4, due: 3, doneOnTime: 1, doneLate: 1, inProgress: 1, blocked: 1, notStarted: 0, overdue: 0, progress: 68, late: 1 })
    expect(groups.map((g) => [g.code, g.assigned])).toEqual([
      ['g1', 2],
      ['g2', 2],
    ])
  })

  it('gives a unit with nothing assigned zero counts and no groups', async () => {
    const { total, groups } = await progressByGroup(fromKeptCounts(today), ids.empty)
    expect(total).toMatchObject({ assigned: 0, due: 0, doneOnTime: 0, doneLate: 0, overdue: 0, progress: 0, late: 0 })
    expect(groups).toEqual([])
  })
})

describe('indicatorResults', () => {
  it('sums what the active units reported against each target, in the groups’ order', async () => {
    const results = await indicatorResults(fromKeptCounts(today))
    expect(results.map((r) => r.taskCode)).toEqual(['t5', 't4'])
    // t5: 8 reported against a baseline of 4 and a target of 12: (8 - 4) / (12 - 4).
    expect(results[0]).toMatchObject({ kind: 'SUM', unit: 'người', baseline: '4', target: '12', actual: '8', assigned: 1, reported: 1 })
    expect(results[0]?.share).toBeCloseTo(0.5)
    // t4: 3 + 2 (the closed commune's 7 is left out); the agency has not reported.
    expect(results[1]).toMatchObject({ kind: 'SUM', unit: 'điểm trường', baseline: '0', target: '10', actual: '5', assigned: 3, reported: 2 })
    expect(results[1]?.share).toBeCloseTo(0.5)
  })
})

describe('lateAssignments', () => {
  it('lists work past its due date or blocked, oldest deadline first, with the member in charge', async () => {
    const rows = await lateAssignments(fromKeptCounts(today), null, 10)
    expect(rows.map((r) => [r.unitName, r.taskCode, r.status, r.memberName])).toEqual([
      // Due 01/10: the township before the agency (the district's order).
      ['Thị trấn Ba Chẽ', 't4', 'BLOCKED', null],
      ['Phòng Giáo dục và Đào tạo', 't4', 'NOT_STARTED', 'Lê Thị Bình'],
      ['Phòng Giáo dục và Đào tạo', 't1', 'IN_PROGRESS', null],
      // Blocked and due today: listed although not overdue; the member in charge of Minh Cầm.
      ['Xã Minh Cầm', 't2', 'BLOCKED', 'Hoàng Văn An'],
    ])
    expect(rows[0]).toMatchObject({ unitCode: 'thi-tran', title: 'Nhiệm vụ t4', dueDate: new Date('2026-10-01') })
  })

  it('returns the first rows up to the limit', async () => {
    expect((await lateAssignments(fromKeptCounts(today), null, 2)).map((r) => r.unitCode)).toEqual(['thi-tran', 'phong-gd'])
  })

  it('lists one unit’s late work only', async () => {
    expect((await lateAssignments(fromKeptCounts(today), ids.minhCam, 10)).map((r) => r.taskCode)).toEqual(['t2'])
    expect(await lateAssignments(fromKeptCounts(today), ids.empty, 10)).toEqual([])
  })
})
