import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { fullReader } from '@/test/helpers/reader'
import { factories } from '@/test/helpers/factories'
import { testDatabase } from '@/test/helpers/database'
import { communeAssignments, communeByCode, doneTrend } from './commune-detail'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const make = factories(() => database.db)
const today = '2026-11-28'
const ids = { minhCam: '', namSon: '', town: '' }

beforeAll(async () => {
  const d = database.db
  const an = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', inChargeMemberId: an.id } })
  const namSon = await d.unit.create({ data: { code: 'nam-son', name: 'Xã Nam Sơn', kind: 'COMMUNE' } })
  const town = await d.unit.create({ data: { code: 'thi-tran', name: 'Thị trấn Ba Chẽ', kind: 'TOWNSHIP' } })
  await d.unit.create({ data: { code: 'thon-1', name: 'Thôn 1', kind: 'VILLAGE', parentId: minhCam.id } })
  await d.unit.create({ data: { code: 'phong-gd', name: 'Phòng Giáo dục và Đào tạo', kind: 'AGENCY' } })
  await d.unit.create({ data: { code: 'xa-cu', name: 'Xã cũ', kind: 'COMMUNE', active: false } })
  Object.assign(ids, { minhCam: minhCam.id, namSon: namSon.id, town: town.id })

  const staff = await make.user({ role: 'STAFF', unitId: minhCam.id })
  const group = await make.group()
  const assigned = new Date('2026-08-10T03:00:00Z')
  let taskCount = 0
  const assignment = async (unitId: string, active = true) => {
    taskCount += 1
    const task = await d.task.create({
      data: { code: `t-${taskCount}`, groupId: group.id, title: 'Nhiệm vụ', dueDate: new Date('2026-12-31'), scope: 'COMMUNE', active },
    })
    return d.assignment.create({ data: { taskId: task.id, unitId, createdAt: assigned } })
  }
  const report = (assignmentId: string, status: 'IN_PROGRESS' | 'DONE', at: string, reviewState: 'PENDING' | 'CONFIRMED' | 'RETURNED' = 'CONFIRMED') =>
    d.statusUpdate.create({ data: { assignmentId, authorId: staff.id, status, progress: status === 'DONE' ? 100 : 50, createdAt: new Date(at), reviewState } })

  const doneInSeptember = await assignment(minhCam.id)
  await report(doneInSeptember.id, 'IN_PROGRESS', '2026-08-20T03:00:00Z')
  await report(doneInSeptember.id, 'DONE', '2026-09-10T03:00:00Z')
  // Reported done in September but returned; reported done again in October (not yet reviewed).
  const returnedThenDone = await assignment(minhCam.id)
  await report(returnedThenDone.id, 'DONE', '2026-09-20T03:00:00Z', 'RETURNED')
  await report(returnedThenDone.id, 'DONE', '2026-10-05T03:00:00Z', 'PENDING')
  // 00:30 on 1 October in Ba Chẽ, still 30 September in UTC: October's.
  const doneAtMidnight = await assignment(minhCam.id)
  await report(doneAtMidnight.id, 'DONE', '2026-09-30T17:30:00Z')
  // Done in August, reopened in October.
  const reopened = await assignment(minhCam.id)
  await report(reopened.id, 'DONE', '2026-08-25T03:00:00Z')
  await report(reopened.id, 'IN_PROGRESS', '2026-10-15T03:00:00Z')
  // 23:59 today in Ba Chẽ.
  const doneTonight = await assignment(minhCam.id)
  await report(doneTonight.id, 'DONE', '2026-11-28T16:59:00Z')
  await assignment(minhCam.id)
  // Not Minh Cầm's, or withdrawn: never counted.
  const withdrawn = await assignment(minhCam.id, false)
  await report(withdrawn.id, 'DONE', '2026-08-12T03:00:00Z')
  const elsewhere = await assignment(namSon.id)
  await report(elsewhere.id, 'DONE', '2026-08-12T03:00:00Z')
})

afterAll(async () => {
  await db().$disconnect()
})

describe('communeByCode', () => {
  it('finds a commune with its member in charge, and the township', async () => {
    expect(await communeByCode(fullReader, 'minh-cam')).toEqual({ id: ids.minhCam, code: 'minh-cam', name: 'Xã Minh Cầm', member: { name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
    expect(await communeByCode(fullReader, 'thi-tran')).toMatchObject({ name: 'Thị trấn Ba Chẽ', member: null })
  })

  it('does not find a village, an agency, a closed commune or an unknown code', async () => {
    for (const code of ['thon-1', 'phong-gd', 'xa-cu', 'khong-co']) expect(await communeByCode(fullReader, code)).toBeNull()
  })
})

describe('doneTrend', () => {
  it('counts the assignments standing done at the end of each month, from the month work was assigned to today', async () => {
    expect(await doneTrend(ids.minhCam, today)).toEqual([
      // August: the one reopened later.
      { day: '2026-08-31', done: 1 },
      // September: plus the one done on the 10th; the returned report and the one at 00:30 on 1 October do not count.
      { day: '2026-09-30', done: 2 },
      // October: the reopened one no longer counts; the one reported again and the one done at midnight do.
      { day: '2026-10-31', done: 3 },
      // Today: plus the one done at 23:59.
      { day: '2026-11-28', done: 4 },
    ])
  })

  it('counts only the unit’s own assignments', async () => {
    expect((await doneTrend(ids.namSon, today)).map((p) => p.done)).toEqual([1, 1, 1, 1])
  })

  it('equals the count by its definition over many random reports, ties and month ends included', async () => {
    const d = database.db
    const unit = await d.unit.create({ data: { code: 'ngau-nhien', name: 'Xã ngẫu nhiên', kind: 'COMMUNE' } })
    const author = await make.user({ role: 'STAFF', unitId: unit.id })
    const group = await make.group()
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    // Report times on a coarse grid (ties), often at the turn of a day or a month in Ba Chẽ.
    const times = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 5 + Math.floor(i / 8), pick([1, 15, 30, 31]), pick([16, 17, 3]), pick([0, 59]))))
    const reports: { assignmentId: string; id: string; createdAt: Date; status: string; reviewState: string }[] = []
    const assignments: { id: string; createdAt: Date }[] = []
    for (let i = 0; i < 12; i++) {
      const task = await make.task({ groupId: group.id })
      const a = await d.assignment.create({ data: { taskId: task.id, unitId: unit.id, createdAt: new Date('2026-06-10T03:00:00Z') } })
      assignments.push(a)
      for (let j = Math.floor(random() * 7); j > 0; j--) {
        const data = { assignmentId: a.id, authorId: author.id, status: pick(['DONE', 'DONE', 'IN_PROGRESS'] as const), progress: 50, createdAt: pick(times), reviewState: pick(['PENDING', 'CONFIRMED', 'CONFIRMED', 'RETURNED'] as const) }
        reports.push(await d.statusUpdate.create({ data: data.status === 'DONE' ? { ...data, progress: 100 } : data }))
      }
    }
    // By the definition: at each month's end (district time, UTC+7), each assignment's latest report
    // that was not returned (by time, then id) says DONE.
    const HOURS_7 = 7 * 3600_000
    const first = new Date(Math.min(...assignments.map((a) => a.createdAt.getTime()), ...reports.map((r) => r.createdAt.getTime())) + HOURS_7)
    const expected: { day: string; done: number }[] = []
    for (let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); month.toISOString().slice(0, 10) <= today; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) {
      const lastDay = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).toISOString().slice(0, 10)
      const day = lastDay < today ? lastDay : today
      const dayEnd = new Date(`${day}T00:00:00Z`).getTime() + 24 * 3600_000 - HOURS_7
      const done = assignments.filter((a) => {
        const standing = reports.filter((r) => r.assignmentId === a.id && r.reviewState !== 'RETURNED' && r.createdAt.getTime() < dayEnd)
        const latest = standing.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1)).at(-1)
        return latest?.status === 'DONE'
      }).length
      expected.push({ day, done })
    }
    expect(expected.some((p) => p.done > 0)).toBe(true)
    expect(await doneTrend(unit.id, today)).toEqual(expected)
  })

  it('gives a commune with nothing assigned one point, today, at zero', async () => {
    expect(await doneTrend(ids.town, today)).toEqual([{ day: today, done: 0 }])
  })
})

describe('communeAssignments', () => {
  it('lists the unit’s assignments of active tasks, group order first, then task order', async () => {
    const d = database.db
    const thanhLam = await d.unit.create({ data: { code: 'thanh-lam', name: 'Xã Thanh Lâm', kind: 'COMMUNE' } })
    const later = await make.group()
    const earlier = await d.taskGroup.create({ data: { code: 'g-truoc', name: 'Nhóm đầu', sortOrder: -1 } })
    const task = (code: string, groupId: string) => d.task.create({ data: { code, groupId, title: `Nhiệm vụ ${code}`, dueDate: new Date('2026-10-01'), scope: 'COMMUNE' } })
    await d.assignment.create({ data: { taskId: (await task('a-sau', later.id)).id, unitId: thanhLam.id } })
    await d.assignment.create({ data: { taskId: (await task('z-truoc', earlier.id)).id, unitId: thanhLam.id, status: 'BLOCKED', progress: 30 } })
    expect(await communeAssignments(fromKeptCounts(today), thanhLam.id)).toEqual([
      { id: expect.any(String), taskCode: 'z-truoc', title: 'Nhiệm vụ z-truoc', groupId: earlier.id, groupName: 'Nhóm đầu', status: 'BLOCKED', progress: 30, dueDate: new Date('2026-10-01'), completedAt: null },
      expect.objectContaining({ taskCode: 'a-sau', groupId: later.id, status: 'NOT_STARTED', progress: 0 }),
    ])
    // Minh Cầm: six assignments of active tasks (the withdrawn one is left out).
    expect((await communeAssignments(fromKeptCounts(today), ids.minhCam)).map((a) => a.taskCode)).toEqual(['t-1', 't-2', 't-3', 't-4', 't-5', 't-6'])
  })
})
