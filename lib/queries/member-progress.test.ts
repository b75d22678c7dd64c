import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { onTimeShare } from '@/lib/domain/status-counts'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { pendingReviewCount } from './pending-reviews'
import {
  inChargeUnitProgress,
  ledGroupProgress,
  memberByCode,
  memberOverdueAssignments,
  memberPendingUpdates,
  memberSummaries,
} from './member-progress'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'
const ids = { an: '', binh: '', cuong: '', dung: '', em: '', district: '' }

// Who is under whom:
// - An is in charge of Minh Cầm (and of a closed commune) and leads group G1;
// - Bình is in charge of Đạp Thanh and Thanh Lâm; Cường leads G2; Em is in charge of Nam Sơn;
// - Dũng has nothing; a retired member is in charge of an agency and leads G4;
// - G3 has no lead, and the agency no member in charge: its G3 work lies under nobody.
beforeAll(async () => {
  const d = database.db
  const member = (code: string, name: string, sortOrder: number, active = true) => d.member.create({ data: { code, name, title: `Ủy viên ${name}`, sortOrder, active } })
  const an = await member('uv-an', 'Hoàng Văn An', 1)
  const binh = await member('uv-binh', 'Lê Thị Bình', 2)
  const cuong = await member('uv-cuong', 'Vũ Mạnh Cường', 3)
  const dung = await member('uv-dung', 'Đặng Văn Dũng', 4)
  const em = await member('uv-em', 'Triệu Thị Em', 5)
  const retired = await member('uv-nghi', 'Lý Văn Nghỉ', 6, false)
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  Object.assign(ids, { an: an.id, binh: binh.id, cuong: cuong.id, dung: dung.id, em: em.id, district: district.id })

  const unit = (code: string, name: string, kind: 'COMMUNE' | 'AGENCY', sortOrder: number, inChargeMemberId: string | null, active = true) =>
    d.unit.create({ data: { code, name, kind, sortOrder, inChargeMemberId, active, parentId: district.id } })
  const minhCam = await unit('minh-cam', 'Xã Minh Cầm', 'COMMUNE', 1, an.id)
  const dapThanh = await unit('dap-thanh', 'Xã Đạp Thanh', 'COMMUNE', 2, binh.id)
  const thanhLam = await unit('thanh-lam', 'Xã Thanh Lâm', 'COMMUNE', 3, binh.id)
  const namSon = await unit('nam-son', 'Xã Nam Sơn', 'COMMUNE', 4, em.id)
  const agency = await unit('phong-gd', 'Phòng Giáo dục và Đào tạo', 'AGENCY', 5, null)
  const closed = await unit('xa-cu', 'Xã cũ', 'COMMUNE', 6, an.id, false)
  await unit('phong-tc', 'Phòng Tài chính - Kế hoạch', 'AGENCY', 7, retired.id)

  const group = (code: string, sortOrder: number, leadMemberId: string | null) => d.taskGroup.create({ data: { code, name: `Nhóm ${code}`, sortOrder, leadMemberId } })
  const g1 = await group('g1', 1, an.id)
  const g2 = await group('g2', 2, cuong.id)
  const g3 = await group('g3', 3, null)
  await group('g4', 4, retired.id)
  const task = (code: string, groupId: string, dueDate: string, active = true) =>
    d.task.create({ data: { code, groupId, title: `Nhiệm vụ ${code}`, dueDate: new Date(dueDate), scope: 'COMMUNE', active } })
  const t1 = await task('t1', g1.id, '2026-11-20')
  const t2 = await task('t2', g1.id, '2026-12-31')
  const t3 = await task('t3', g2.id, '2026-11-01')
  const t4 = await task('t4', g3.id, '2026-11-25')
  const withdrawn = await task('rut', g1.id, '2026-11-01', false)

  const assign = (taskId: string, unitId: string, more: { status?: 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress?: number; completedAt?: string } = {}) =>
    d.assignment.create({
      data: { taskId, unitId, status: more.status, progress: more.progress, completedAt: more.completedAt ? new Date(more.completedAt) : null },
    })
  const done = (completedAt: string) => ({ status: 'DONE' as const, progress: 100, completedAt })
  // 23:30 on 20/11 in Ba Chẽ: on the due date. 00:30 on 21/11 in Ba Chẽ (still the 20th in UTC): one day late.
  await assign(t1.id, minhCam.id, done('2026-11-20T16:30:00Z'))
  const minhCamT2 = await assign(t2.id, minhCam.id, { status: 'IN_PROGRESS', progress: 50 })
  await assign(t3.id, minhCam.id)
  const minhCamWithdrawn = await assign(withdrawn.id, minhCam.id)
  const dapThanhT1 = await assign(t1.id, dapThanh.id, done('2026-11-20T17:30:00Z'))
  const dapThanhT3 = await assign(t3.id, dapThanh.id, { status: 'BLOCKED', progress: 20 })
  await assign(t4.id, dapThanh.id, { status: 'IN_PROGRESS', progress: 40 })
  await assign(t2.id, thanhLam.id, done('2026-11-10T03:00:00Z'))
  await assign(t2.id, namSon.id, done('2026-11-15T03:00:00Z'))
  const agencyT1 = await assign(t1.id, agency.id, { status: 'IN_PROGRESS', progress: 60 })
  const agencyT4 = await assign(t4.id, agency.id)
  const closedT1 = await assign(t1.id, closed.id)

  const staff = await d.user.create({ data: { username: 'can-bo', displayName: 'Cán bộ thử nghiệm', role: 'STAFF', unitId: minhCam.id, passwordHash: 'x' } })
  const report = (assignmentId: string, createdAt: string, reviewState: 'PENDING' | 'CONFIRMED' | 'RETURNED' = 'PENDING') =>
    d.statusUpdate.create({ data: { assignmentId, authorId: staff.id, createdAt: new Date(createdAt), status: 'IN_PROGRESS', progress: 50, reviewState } })
  await report(minhCamT2.id, '2026-11-26T02:00:00Z') // An's twice over (his unit, his group): counted once
  await report(agencyT1.id, '2026-11-24T02:00:00Z') // An's, through his group: the agency has no member in charge
  await report(dapThanhT3.id, '2026-11-25T02:00:00Z') // Bình confirms it (his unit); Cường (the group) follows it
  await report(dapThanhT1.id, '2026-11-21T02:00:00Z', 'CONFIRMED')
  await report(dapThanhT1.id, '2026-11-22T02:00:00Z', 'RETURNED')
  await report(agencyT4.id, '2026-11-26T03:00:00Z') // nobody's: no member in charge, no group lead
  await report(minhCamWithdrawn.id, '2026-11-26T04:00:00Z') // a withdrawn task
  await report(closedT1.id, '2026-11-26T05:00:00Z') // a closed unit
})

afterAll(async () => {
  await db().$disconnect()
})

describe('memberSummaries', () => {
  it('counts the work under each member once, with done late and overdue from the Ba Chẽ calendar', async () => {
    const summaries = new Map((await memberSummaries(fromKeptCounts(today), null)).map((s) => [s.code, s]))
    // An: Minh Cầm's t1 (on time), t2 (50%), t3 (not started, overdue); G1 elsewhere: Đạp Thanh's t1
    // (late), the agency's t1 (60%, overdue), Thanh Lâm's and Nam Sơn's t2 (done early).
    // Progress (100 + 50 + 0 + 100 + 60 + 100 + 100) / 7 = 72.9.
    expect(summaries.get('uv-an')).toMatchObject({ assigned: 7, doneOnTime: 3, doneLate: 1, inProgress: 2, blocked: 0, notStarted: 1, overdue: 2, dueSoon: 0, progress: 73, pending: 2 })
    // Bình: Đạp Thanh's t1 (late), t3 (blocked, overdue), t4 (40%, overdue); Thanh Lâm's t2 (on time).
    // Progress (100 + 20 + 40 + 100) / 4 = 65.
    expect(summaries.get('uv-binh')).toMatchObject({ assigned: 4, doneOnTime: 1, doneLate: 1, inProgress: 1, blocked: 1, notStarted: 0, overdue: 2, progress: 65, pending: 1 })
    // Cường: G2's t3 in Minh Cầm (not started) and Đạp Thanh (blocked at 20%), both overdue.
    expect(summaries.get('uv-cuong')).toMatchObject({ assigned: 2, doneOnTime: 0, doneLate: 0, blocked: 1, notStarted: 1, overdue: 2, progress: 10, pending: 0 })
    expect(summaries.get('uv-em')).toMatchObject({ assigned: 1, doneOnTime: 1, overdue: 0, progress: 100, pending: 0 })
    expect(summaries.get('uv-dung')).toMatchObject({ assigned: 0, doneOnTime: 0, overdue: 0, progress: 0, pending: 0 })
    expect(summaries.has('uv-nghi')).toBe(false)
  })

  it('ranks the most overdue first, then the lowest share done on time, a member with nothing judged yet last', async () => {
    const ranked = await memberSummaries(fromKeptCounts(today), null)
    // Overdue 2 each: Cường 0/2 on time, Bình 1/4, An 3/6; then Em (1/1) before Dũng (nothing yet).
    expect(ranked.map((s) => s.code)).toEqual(['uv-cuong', 'uv-binh', 'uv-an', 'uv-em', 'uv-dung'])
    expect(ranked.map(onTimeShare)).toEqual([0, 0.25, 0.5, 1, null])
  })

  it('on the due date itself nothing is overdue yet', async () => {
    // On 20/11 t1 is due that very day: An keeps only Minh Cầm's t3 overdue, and the agency's t1 is due soon.
    const [an] = await memberSummaries(fromKeptCounts('2026-11-20'), ids.an)
    expect(an).toMatchObject({ code: 'uv-an', overdue: 1, dueSoon: 1 })
  })

  it('gives the one member asked for', async () => {
    expect((await memberSummaries(fromKeptCounts(today), ids.binh)).map((s) => [s.code, s.assigned, s.pending])).toEqual([['uv-binh', 4, 1]])
  })

  it('counts for a member the updates the header counts for that member’s account', async () => {
    const actor = { id: ids.district, role: 'LEADER' as const, unitId: ids.district, memberId: ids.an, scopeUnitId: null }
    expect(await pendingReviewCount(actor)).toBe(2)
  })
})

describe('ledGroupProgress', () => {
  it('counts each group led by an active member over the whole district, in the groups’ order', async () => {
    const groups = await ledGroupProgress(fromKeptCounts(today), null)
    expect(groups.map((g) => g.code)).toEqual(['g1', 'g2'])
    // G1: t1 in Minh Cầm (on time), Đạp Thanh (late), the agency (60%, overdue); t2 in Minh Cầm (50%),
    // Thanh Lâm and Nam Sơn (done); not the withdrawn task, not the closed commune.
    // Progress (100 + 100 + 60 + 50 + 100 + 100) / 6 = 85.
    expect(groups[0]).toMatchObject({ memberId: ids.an, assigned: 6, doneOnTime: 3, doneLate: 1, inProgress: 2, overdue: 1, progress: 85 })
    expect(groups[1]).toMatchObject({ memberId: ids.cuong, assigned: 2, blocked: 1, notStarted: 1, overdue: 2, progress: 10 })
  })

  it('gives only the groups of the member asked for', async () => {
    expect((await ledGroupProgress(fromKeptCounts(today), ids.cuong)).map((g) => g.code)).toEqual(['g2'])
    expect(await ledGroupProgress(fromKeptCounts(today), ids.binh)).toEqual([])
  })
})

describe('inChargeUnitProgress', () => {
  it('counts each active unit in the charge of an active member, the unit needing help first', async () => {
    const units = await inChargeUnitProgress(fromKeptCounts(today), null, null)
    expect(units.map((u) => u.code).sort()).toEqual(['dap-thanh', 'minh-cam', 'nam-son', 'thanh-lam'])
    const binh = units.filter((u) => u.memberId === ids.binh)
    // Đạp Thanh: t1 late, t3 blocked and t4 at 40% both overdue; progress (100 + 20 + 40) / 3 = 53.3.
    expect(binh.map((u) => [u.code, u.kind, u.assigned, u.overdue, u.progress, u.unitCount])).toEqual([
      ['dap-thanh', 'COMMUNE', 3, 2, 53, 2],
      ['thanh-lam', 'COMMUNE', 1, 0, 100, 2],
    ])
    // Minh Cầm: t1 on time, t2 at 50%, t3 overdue; the withdrawn task left out.
    expect(units.find((u) => u.code === 'minh-cam')).toMatchObject({ memberId: ids.an, assigned: 3, doneOnTime: 1, inProgress: 1, notStarted: 1, overdue: 1, progress: 50 })
  })

  it('caps each member’s list and still says how many units there are', async () => {
    const units = await inChargeUnitProgress(fromKeptCounts(today), ids.binh, 1)
    expect(units.map((u) => [u.code, u.unitCount])).toEqual([['dap-thanh', 2]])
  })
})

describe('memberPendingUpdates', () => {
  it('lists the updates awaiting the member, the longest waiting first, each once', async () => {
    const { rows, total } = await memberPendingUpdates(fromKeptCounts(today), ids.an, 10)
    expect(total).toBe(2)
    expect(rows.map((r) => `${r.unitCode}/${r.taskCode}`)).toEqual(['phong-gd/t1', 'minh-cam/t2'])
    expect(rows[0]).toMatchObject({ status: 'IN_PROGRESS', progress: 50, authorName: 'Cán bộ thử nghiệm', unitName: 'Phòng Giáo dục và Đào tạo', taskTitle: 'Nhiệm vụ t1' })
  })

  it('leaves out what is confirmed, returned, outside the member’s units and groups, or confirmed by the member in charge', async () => {
    expect((await memberPendingUpdates(fromKeptCounts(today), ids.binh, 10)).rows.map((r) => `${r.unitCode}/${r.taskCode}`)).toEqual(['dap-thanh/t3'])
    expect(await memberPendingUpdates(fromKeptCounts(today), ids.cuong, 10)).toEqual({ rows: [], total: 0 })
    expect(await memberPendingUpdates(fromKeptCounts(today), ids.dung, 10)).toEqual({ rows: [], total: 0 })
  })

  it('stops at the limit and counts them all', async () => {
    const { rows, total } = await memberPendingUpdates(fromKeptCounts(today), ids.an, 1)
    expect([rows.length, total]).toEqual([1, 2])
  })
})

describe('memberOverdueAssignments', () => {
  it('lists the overdue work under the member, the oldest deadline first', async () => {
    const { rows, total } = await memberOverdueAssignments(fromKeptCounts(today), ids.an, 10)
    expect(total).toBe(2)
    expect(rows.map((r) => [r.unitCode, r.taskCode, r.status, r.dueDate.toISOString().slice(0, 10)])).toEqual([
      ['minh-cam', 't3', 'NOT_STARTED', '2026-11-01'],
      ['phong-gd', 't1', 'IN_PROGRESS', '2026-11-20'],
    ])
  })

  it('stops at the limit and counts them all', async () => {
    const { rows, total } = await memberOverdueAssignments(fromKeptCounts(today), ids.binh, 1)
    expect(rows.map((r) => r.taskCode)).toEqual(['t3'])
    expect(total).toBe(2)
  })
})

describe('memberByCode', () => {
  it('finds an active member by code, and no retired or unknown one', async () => {
    expect(await memberByCode(fullReader, 'uv-an')).toEqual({ id: ids.an, code: 'uv-an', name: 'Hoàng Văn An', title: 'Ủy viên Hoàng Văn An' })
    expect(await memberByCode(fullReader, 'uv-nghi')).toBeNull()
    expect(await memberByCode(fullReader, 'khong-co')).toBeNull()
  })

  it('answers a code no member can have (a NUL, spaces, capitals) with none, without asking the database', async () => {
    for (const code of ['\u0000', 'uv-an\u0000', 'UV-AN', 'uv an', '']) expect(await memberByCode(fullReader, code)).toBeNull()
  })
})
