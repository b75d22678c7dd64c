import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { NOTE_EXCERPT, taskHistory, taskProgressByCode, taskProgressList, taskUnits } from './task-progress'
import { fromKeptCounts } from './progress-source'
import { fullReader } from '@/test/helpers/reader'

const database = testDatabase()
const today = '2026-11-28'
const ids = { k1: '', k2: '' }
const longNote = `Đã hoàn thành việc bố trí cán bộ sau sắp xếp. ${'Chi tiết kèm theo biên bản. '.repeat(10)}`

beforeAll(async () => {
  const d = database.db
  const lead = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Trưởng Ban Tổ chức' } })
  const retired = await d.member.create({ data: { code: 'uv-nghi', name: 'Lý Văn Nghỉ', title: 'Đã nghỉ', active: false } })
  const unit = (code: string, name: string, kind: 'TOWNSHIP' | 'COMMUNE', sortOrder: number, active = true) => d.unit.create({ data: { code, name, kind, sortOrder, active } })
  const town = await unit('thi-tran', 'Thị trấn Ba Chẽ', 'TOWNSHIP', 1)
  const minhCam = await unit('minh-cam', 'Xã Minh Cầm', 'COMMUNE', 2)
  const dapThanh = await unit('dap-thanh', 'Xã Đạp Thanh', 'COMMUNE', 3)
  const closed = await unit('xa-cu', 'Xã cũ', 'COMMUNE', 4, false)
  const g1 = await d.taskGroup.create({ data: { code: 'g1', name: 'Giảm cấp trưởng, cấp phó', sortOrder: 1, leadMemberId: lead.id } })
  const g2 = await d.taskGroup.create({ data: { code: 'g2', name: 'Trường, lớp', sortOrder: 2, leadMemberId: retired.id } })
  const task = (code: string, groupId: string, sortOrder: number, dueDate: string, more: { indicator?: [string, number | null, number]; active?: boolean } = {}) =>
    d.task.create({
      data: {
        code,
        groupId,
        sortOrder,
        title: `Nhiệm vụ ${code}`,
        description: `Mô tả ${code}`,
        dueDate: new Date(dueDate),
        scope: 'COMMUNE',
        active: more.active ?? true,
        indicatorUnit: more.indicator?.[0],
        indicatorBaseline: more.indicator?.[1],
        indicatorTarget: more.indicator?.[2],
      },
    })
  const k1 = await task('k1', g1.id, 1, '2026-11-20', { indicator: ['người', 2, 12] })
  const k2 = await task('k2', g1.id, 2, '2026-12-31')
  const k3 = await task('k3', g2.id, 1, '2026-11-25', { indicator: ['lớp', null, 5] })
  await task('k4', g2.id, 2, '2026-12-05')
  const withdrawn = await task('rut', g1.id, 3, '2026-11-01', { active: false })
  Object.assign(ids, { k1: k1.id, k2: k2.id })

  const assign = (taskId: string, unitId: string, data: { status?: 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress?: number; indicatorActual?: number; completedAt?: string; lastUpdateAt?: string } = {}) =>
    d.assignment.create({
      data: {
        taskId,
        unitId,
        status: data.status,
        progress: data.progress,
        indicatorActual: data.indicatorActual,
        completedAt: data.completedAt ? new Date(data.completedAt) : null,
        lastUpdateAt: data.lastUpdateAt ? new Date(data.lastUpdateAt) : null,
      },
    })
  // 10:00 on 19/11 in Ba Chẽ: on time. 08:00 on 21/11 in Ba Chẽ: one day late.
  const townK1 = await assign(k1.id, town.id, { status: 'DONE', progress: 100, indicatorActual: 4.5, completedAt: '2026-11-19T03:00:00Z', lastUpdateAt: '2026-11-19T03:00:00Z' })
  const minhCamK1 = await assign(k1.id, minhCam.id, { status: 'DONE', progress: 100, indicatorActual: 3, completedAt: '2026-11-21T01:00:00Z', lastUpdateAt: '2026-11-21T01:00:00Z' })
  await assign(k1.id, dapThanh.id, { status: 'IN_PROGRESS', progress: 40 })
  const closedK1 = await assign(k1.id, closed.id, { status: 'DONE', progress: 100, indicatorActual: 7, completedAt: '2026-11-10T03:00:00Z' })
  await assign(k2.id, town.id)
  const minhCamK2 = await assign(k2.id, minhCam.id, { status: 'BLOCKED', progress: 30 })
  await assign(k3.id, minhCam.id, { status: 'IN_PROGRESS', progress: 60, indicatorActual: 2 })
  await assign(withdrawn.id, town.id)

  const author = (username: string, displayName: string, unitId: string) => d.user.create({ data: { username, displayName, role: 'STAFF', unitId, passwordHash: 'x' } })
  const townStaff = await author('thi-tran', 'Cán bộ thị trấn Ba Chẽ', town.id)
  const minhCamStaff = await author('minh-cam', 'Cán bộ xã Minh Cầm', minhCam.id)
  const report = (assignmentId: string, authorId: string, createdAt: string, data: { status: 'IN_PROGRESS' | 'DONE'; progress: number; indicatorActual?: number; note?: string; reviewState?: 'CONFIRMED' | 'RETURNED' }) =>
    d.statusUpdate.create({ data: { assignmentId, authorId, createdAt: new Date(createdAt), ...data } })
  await report(townK1.id, townStaff.id, '2026-11-10T02:00:00Z', { status: 'IN_PROGRESS', progress: 50, indicatorActual: 2, reviewState: 'CONFIRMED' })
  await report(minhCamK1.id, minhCamStaff.id, '2026-11-18T02:00:00Z', { status: 'DONE', progress: 100, indicatorActual: 5, note: 'Đã hoàn thành.', reviewState: 'RETURNED' })
  await report(townK1.id, townStaff.id, '2026-11-19T03:00:00Z', { status: 'DONE', progress: 100, indicatorActual: 4.5 })
  await report(minhCamK1.id, minhCamStaff.id, '2026-11-21T01:00:00Z', { status: 'DONE', progress: 100, indicatorActual: 3, note: longNote })
  await report(closedK1.id, minhCamStaff.id, '2026-11-22T01:00:00Z', { status: 'DONE', progress: 100 }) // a closed unit
  await report(minhCamK2.id, minhCamStaff.id, '2026-11-23T01:00:00Z', { status: 'IN_PROGRESS', progress: 30 }) // another task
})

afterAll(async () => {
  await db().$disconnect()
})

describe('taskProgressList', () => {
  it('lists every active task by group, in the groups’ and tasks’ order', async () => {
    const tasks = await taskProgressList(fromKeptCounts(today))
    expect(tasks.map((t) => [t.group.code, t.code])).toEqual([
      ['g1', 'k1'],
      ['g1', 'k2'],
      ['g2', 'k3'],
      ['g2', 'k4'],
    ])
    expect(tasks[0]?.lead).toEqual({ code: 'uv-an', name: 'Hoàng Văn An' })
    // The lead of g2 has retired.
    expect(tasks[2]?.lead).toBeNull()
  })

  it('counts each task over the active units, with done late and overdue from the Ba Chẽ calendar', async () => {
    const [k1, k2, k3, k4] = await taskProgressList(fromKeptCounts(today))
    // k1: the town on time, Minh Cầm a day late, Đạp Thanh at 40% and overdue; not the closed commune.
    expect(k1).toMatchObject({ assigned: 3, doneOnTime: 1, doneLate: 1, inProgress: 1, blocked: 0, notStarted: 0, overdue: 1, dueSoon: 0, progress: 80 })
    // k2 is due on 31/12: not overdue, not yet due soon; progress (0 + 30) / 2.
    expect(k2).toMatchObject({ assigned: 2, blocked: 1, notStarted: 1, overdue: 0, dueSoon: 0, progress: 15 })
    expect(k3).toMatchObject({ assigned: 1, inProgress: 1, overdue: 1, progress: 60 })
    // k4 is due on 05/12, within 14 days, but assigned to no one.
    expect(k4).toMatchObject({ assigned: 0, overdue: 0, dueSoon: 0, progress: 0, indicator: null })
  })

  it('adds up the units’ figures for the indicator, against its target and baseline', async () => {
    const [k1, k2, k3] = await taskProgressList(fromKeptCounts(today))
    // 4.5 (the town) + 3 (Minh Cầm); Đạp Thanh has not reported; the closed commune's 7 does not count.
    expect(k1?.indicator).toEqual({ kind: 'SUM', unit: 'người', baseline: '2', target: '12', total: '7.5', reported: 2, met: 0, targetSum: null })
    expect(k2?.indicator).toBeNull()
    expect(k3?.indicator).toEqual({ kind: 'SUM', unit: 'lớp', baseline: null, target: '5', total: '2', reported: 1, met: 0, targetSum: null })
  })

  it('on the due date itself nothing is overdue yet, and it is due soon', async () => {
    const [k1] = await taskProgressList(fromKeptCounts('2026-11-20'))
    expect(k1).toMatchObject({ overdue: 0, dueSoon: 1 })
  })
})

describe('taskProgressByCode', () => {
  it('gives one task with its description, group and counts', async () => {
    const k1 = await taskProgressByCode(fromKeptCounts(today), 'k1')
    expect(k1).toMatchObject({ id: ids.k1, title: 'Nhiệm vụ k1', description: 'Mô tả k1', scope: 'COMMUNE', group: { code: 'g1', name: 'Giảm cấp trưởng, cấp phó' }, assigned: 3 })
    expect(k1?.dueDate.toISOString()).toBe('2026-11-20T00:00:00.000Z')
  })

  it('finds no withdrawn or unknown task', async () => {
    expect(await taskProgressByCode(fromKeptCounts(today), 'rut')).toBeNull()
    expect(await taskProgressByCode(fromKeptCounts(today), 'khong-co')).toBeNull()
  })

  it('answers a code no task can have (a NUL, spaces, capitals) with none, without asking the database', async () => {
    for (const code of ['\u0000', 'k1\u0000', 'K1', 'k 1', '']) expect(await taskProgressByCode(fromKeptCounts(today), code)).toBeNull()
  })
})

describe('taskUnits', () => {
  it('gives where each active unit stands, in the district’s order of units', async () => {
    const { rows } = await taskUnits(fromKeptCounts(today), ids.k1, 10, 0)
    expect(rows.map((r) => [r.unitCode, r.unitKind, r.status, r.progress, r.indicatorActual, r.lastUpdateAt?.toISOString() ?? null])).toEqual([
      ['thi-tran', 'TOWNSHIP', 'DONE', 100, '4.5', '2026-11-19T03:00:00.000Z'],
      ['minh-cam', 'COMMUNE', 'DONE', 100, '3', '2026-11-21T01:00:00.000Z'],
      ['dap-thanh', 'COMMUNE', 'IN_PROGRESS', 40, null, null],
    ])
  })

  it('gives one page at a time; the pages together are the task’s assigned units, as its counts say', async () => {
    const second = await taskUnits(fromKeptCounts(today), ids.k1, 2, 2)
    expect(second.rows.map((r) => r.unitCode)).toEqual(['dap-thanh'])
    expect(await taskUnits(fromKeptCounts(today), ids.k1, 2, 4)).toEqual({ rows: [] })
    for (const task of await taskProgressList(fromKeptCounts(today))) {
      const all = [...(await taskUnits(fromKeptCounts(today), task.id, 2, 0)).rows, ...(await taskUnits(fromKeptCounts(today), task.id, 2, 2)).rows, ...(await taskUnits(fromKeptCounts(today), task.id, 2, 4)).rows]
      expect(all).toHaveLength(task.assigned)
    }
  })
})

describe('taskHistory', () => {
  it('gives the latest updates across the units, newest first, a returned one marked', async () => {
    const history = await taskHistory(fromKeptCounts(today), fullReader, ids.k1, 10)
    expect(history.map((h) => [h.unitCode, h.status, h.indicatorActual, h.reviewState, h.authorName])).toEqual([
      ['minh-cam', 'DONE', '3', 'PENDING', 'Cán bộ xã Minh Cầm'],
      ['thi-tran', 'DONE', '4.5', 'PENDING', 'Cán bộ thị trấn Ba Chẽ'],
      ['minh-cam', 'DONE', '5', 'RETURNED', 'Cán bộ xã Minh Cầm'],
      ['thi-tran', 'IN_PROGRESS', '2', 'CONFIRMED', 'Cán bộ thị trấn Ba Chẽ'],
    ])
  })

  it('cuts a long note to an excerpt and says so', async () => {
    const [latest, , returned] = await taskHistory(fromKeptCounts(today), fullReader, ids.k1, 10)
    expect(latest?.note).toBe(longNote.slice(0, NOTE_EXCERPT))
    expect(latest?.noteCut).toBe(true)
    expect(returned).toMatchObject({ note: 'Đã hoàn thành.', noteCut: false })
  })

  it('stops at the limit', async () => {
    expect((await taskHistory(fromKeptCounts(today), fullReader, ids.k1, 2)).map((h) => h.indicatorActual)).toEqual(['3', '4.5'])
    expect((await taskHistory(fromKeptCounts(today), fullReader, ids.k2, 10)).map((h) => h.progress)).toEqual([30])
  })
})
