import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { followedReviews, pendingReviewCount, pendingReviews } from './pending-reviews'

const database = testDatabase()
let actors!: Record<'secretary' | 'groupLead' | 'memberless' | 'admin' | 'staff', Actor>

beforeAll(async () => {
  const d = database.db
  const secretary = await d.member.create({ data: { code: 'bi-thu', name: 'Nguyễn Đình Khải', title: 'Bí thư' } })
  const lead = await d.member.create({ data: { code: 'truong-ban', name: 'Vũ Mạnh Cường', title: 'Trưởng Ban' } })
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  // The secretary is in charge of Minh Cầm; the other member leads the "school" group; Đạp Thanh has no member in charge.
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', inChargeMemberId: secretary.id } })
  const dapThanh = await d.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE' } })
  const closed = await d.unit.create({ data: { code: 'xa-cu', name: 'Xã cũ', kind: 'COMMUNE', inChargeMemberId: secretary.id, active: false } })
  const plain = await d.taskGroup.create({ data: { code: 'bo-may', name: 'Bộ máy' } })
  const schools = await d.taskGroup.create({ data: { code: 'truong-lop', name: 'Trường lớp', leadMemberId: lead.id } })
  const task = (code: string, groupId: string, active = true) =>
    d.task.create({ data: { code, groupId, title: `Nhiệm vụ ${code}`, dueDate: new Date('2027-01-31'), scope: 'COMMUNE', active, indicatorUnit: 'lớp', indicatorTarget: 10 } })
  const machine = await task('bo-may-1', plain.id)
  const school = await task('truong-1', schools.id)
  const withdrawn = await task('rut', plain.id, false)
  const staff = await d.user.create({ data: { username: 'minh-cam', displayName: 'Cán bộ xã Minh Cầm', role: 'STAFF', unitId: minhCam.id, passwordHash: 'x' } })
  // The scope depends on role, unit and member; the reports are all the staff account's, so the others' queues hold them.
  const account = (id: string, role: Actor['role'], unitId: string, memberId: string | null): Actor => ({ id, role, unitId, memberId, scopeUnitId: null })
  actors = {
    secretary: account(randomUUID(), 'LEADER', district.id, secretary.id),
    groupLead: account(randomUUID(), 'LEADER', district.id, lead.id),
    memberless: account(randomUUID(), 'LEADER', district.id, null),
    admin: account(randomUUID(), 'ADMIN', district.id, null),
    staff: account(staff.id, 'STAFF', minhCam.id, null),
  }

  const assign = (taskId: string, unitId: string) => d.assignment.create({ data: { taskId, unitId } })
  const report = (assignmentId: string, createdAt: string, more: { reviewState?: 'CONFIRMED' | 'RETURNED'; indicatorActual?: number } = {}) =>
    d.statusUpdate.create({
      data: { assignmentId, authorId: staff.id, createdAt: new Date(createdAt), status: 'IN_PROGRESS', progress: 50, note: `Báo cáo ${createdAt}`, ...more },
    })
  const minhCamMachine = await assign(machine.id, minhCam.id)
  const minhCamSchool = await assign(school.id, minhCam.id)
  const dapThanhMachine = await assign(machine.id, dapThanh.id)
  const dapThanhSchool = await assign(school.id, dapThanh.id)
  await report(minhCamMachine.id, '2026-11-03T02:00:00Z', { indicatorActual: 2.5 })
  await report(minhCamMachine.id, '2026-11-01T02:00:00Z', { reviewState: 'CONFIRMED' })
  await report(minhCamSchool.id, '2026-11-02T02:00:00Z')
  await report(dapThanhMachine.id, '2026-11-04T02:00:00Z') // nobody's but the administrator's
  await report(dapThanhSchool.id, '2026-11-05T02:00:00Z')
  await report(dapThanhSchool.id, '2026-11-06T02:00:00Z', { reviewState: 'RETURNED' })
  await report((await assign(withdrawn.id, minhCam.id)).id, '2026-11-07T02:00:00Z')
  await report((await assign(machine.id, closed.id)).id, '2026-11-08T02:00:00Z')
})

afterAll(async () => {
  await db().$disconnect()
})

/** Every update waiting for the actor: one page larger than the fixture. */
const waiting = async (actor: Actor) => (await pendingReviews(actor, 100, 0)).rows
const listed = async (actor: Actor) => (await waiting(actor)).map((r) => `${r.unit.code}/${r.task.code}`)
const followed = async (actor: Actor) => (await followedReviews(actor, 100, 0)).rows.map((r) => `${r.unit.code}/${r.task.code}`)

describe('pendingReviews', () => {
  it("lists for the member in charge of Minh Cầm every pending update of Minh Cầm, oldest first, and nothing else", async () => {
    expect(await listed(actors.secretary)).toEqual(['minh-cam/truong-1', 'minh-cam/bo-may-1'])
  })

  it("lists for a group lead the group's pending updates in the units with no member in charge; the others they follow", async () => {
    // Minh Cầm's school report is in both members' reach: the member in charge confirms it, the group lead follows it.
    expect(await listed(actors.groupLead)).toEqual(['dap-thanh/truong-1'])
    expect(await followed(actors.groupLead)).toEqual(['minh-cam/truong-1'])
    expect(await listed(actors.secretary)).toContain('minh-cam/truong-1')
    expect(await followed(actors.secretary)).toEqual([])
  })

  it('follows nothing for the administrator, who confirms every report but their own, nor for staff or a leader account without a member', async () => {
    for (const actor of [actors.admin, actors.staff, actors.memberless]) expect(await followed(actor)).toEqual([])
  })

  it('lists for the administrator every pending update on live tasks and units', async () => {
    expect(await listed(actors.admin)).toEqual(['minh-cam/truong-1', 'minh-cam/bo-may-1', 'dap-thanh/bo-may-1', 'dap-thanh/truong-1'])
  })

  it('lists nothing for staff or for a leader account without a member', async () => {
    expect(await waiting(actors.staff)).toEqual([])
    expect(await waiting(actors.memberless)).toEqual([])
  })

  it("leaves out the reader's own reports, in the list and the count: someone else confirms them", async () => {
    const author = { ...actors.admin, id: (await db().user.findUniqueOrThrow({ where: { username: 'minh-cam' } })).id }
    expect(await waiting(author)).toEqual([])
    expect(await pendingReviewCount(author)).toBe(0)
    expect(await listed(actors.admin)).toHaveLength(4)
  })

  it('tells what was reported, by whom and on which unit and task', async () => {
    const [, machine] = await waiting(actors.secretary)
    expect(machine).toMatchObject({
      authorName: 'Cán bộ xã Minh Cầm',
      status: 'IN_PROGRESS',
      progress: 50,
      indicatorActual: '2.5',
      note: 'Báo cáo 2026-11-03T02:00:00Z',
      attachmentCount: 0,
      unit: { code: 'minh-cam', name: 'Xã Minh Cầm' },
      task: { code: 'bo-may-1', title: 'Nhiệm vụ bo-may-1', indicatorUnit: 'lớp' },
    })
  })
})

describe('pendingReviewCount', () => {
  it('counts what each actor has waiting', async () => {
    expect(await pendingReviewCount(actors.secretary)).toBe(2)
    expect(await pendingReviewCount(actors.groupLead)).toBe(1)
    expect(await pendingReviewCount(actors.admin)).toBe(4)
    expect(await pendingReviewCount(actors.staff)).toBe(0)
    expect(await pendingReviewCount(actors.memberless)).toBe(0)
  })

  it('agrees with the list for every actor (the SQL scope is the permission table’s), and follows each decision', async () => {
    for (const actor of Object.values(actors)) expect(await pendingReviewCount(actor)).toBe((await waiting(actor)).length)
    const [oldest] = await waiting(actors.secretary)
    await db().statusUpdate.update({ where: { id: oldest!.id }, data: { reviewState: 'CONFIRMED', reviewedAt: new Date() } })
    expect(await pendingReviewCount(actors.secretary)).toBe(1)
    expect(await pendingReviewCount(actors.admin)).toBe(3)
    for (const actor of Object.values(actors)) expect(await pendingReviewCount(actor)).toBe((await waiting(actor)).length)
  })

  it('is kept between reads, and fresh right after every kind of write that moves it', async () => {
    const counts = async () => Promise.all(Object.values(actors).map((actor) => pendingReviewCount(actor)))
    const listedCounts = async () => Promise.all(Object.values(actors).map(async (actor) => (await waiting(actor)).length))
    const writes = [
      // A new report in the secretary's commune, written as the save writes it (raw SQL).
      () => db().$executeRaw`
        INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress)
        SELECT gen_random_uuid(), a.id, u.id, 'IN_PROGRESS', 60 FROM "Assignment" a, "User" u
         WHERE a."unitId" = (SELECT id FROM "Unit" WHERE code = 'minh-cam') AND a."taskId" = (SELECT id FROM "Task" WHERE code = 'truong-1') AND u.username = 'minh-cam'`,
      // A commune put in another member's charge.
      () => db().unit.update({ where: { code: 'minh-cam' }, data: { inChargeMemberId: actors.groupLead.memberId } }),
      // A report returned.
      () => db().$executeRaw`UPDATE "StatusUpdate" SET "reviewState" = 'RETURNED' WHERE id = (SELECT "statusUpdateId" FROM "PendingReview" ORDER BY "createdAt" LIMIT 1)`,
      // A commune closed, then a task withdrawn: their waiting reports leave every count.
      () => db().unit.update({ where: { code: 'dap-thanh' }, data: { active: false } }),
      () => db().task.update({ where: { code: 'truong-1' }, data: { active: false } }),
    ]
    for (const write of writes) {
      // Read twice (the second read is the kept one), write, and read again at once.
      const before = await counts()
      expect(await counts()).toEqual(before)
      await write()
      expect(await counts()).toEqual(await listedCounts())
      expect(await counts()).not.toEqual(before)
    }
  })
})
