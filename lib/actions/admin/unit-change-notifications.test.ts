// A unit renamed, re-coded or merged is told at once (WORKFLOWS.md "Events") to the active staff of
// every unit on either side and to the members in charge of them, before and after; never to the
// administrator who acted, nor to other units; a preview tells nobody; opening the row leads to the
// unit's page.
import { beforeAll, describe, expect, test } from 'vitest'
import { openNotification } from '@/lib/actions/notifications'
import type { Actor } from '@/lib/auth/permissions'
import { addDays, districtDay } from '@/lib/domain/calendar'
import { unitPageHref } from '@/lib/domain/paths'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { adminValues } from './test-form'
import { mergeUnits } from './unit-merge'
import { changeUnit } from './units'

const database = testDatabase()
const make = factories(() => database.db)
const now = new Date()
const today = districtDay(now)
const REASON = 'Quyết định số 12-QĐ/TU'

let district: { id: string }
let admin: Actor
/** Staff of a unit no change touches: never told. */
let outsider: Actor

beforeAll(async () => {
  district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  outsider = await make.user({ role: 'STAFF', unitId: (await make.unit({ name: 'Xã Đồn Đạc' })).id })
})

const as = (actor: Actor) => ({ actor, now, ip: null })

/** A commune with a member in charge (and their account), an active and an inactive staff account. */
async function commune(name: string) {
  const member = await make.member(`Phụ trách ${name}`)
  const unit = await make.unit({ name, inChargeMemberId: member.id })
  const leader = await make.user({ role: 'LEADER', unitId: district.id, memberId: member.id })
  const staff = await make.user({ role: 'STAFF', unitId: unit.id })
  const gone = await make.user({ role: 'STAFF', unitId: unit.id })
  await database.db.user.update({ where: { id: gone.id }, data: { active: false } })
  return { unit, member, leader, staff, gone }
}

/** The accounts told of a change of these units, sorted. */
async function told(unitIds: string[]): Promise<string[]> {
  const rows = await database.db.notification.findMany({
    where: { kind: 'UNIT_CHANGED', unitChange: { parts: { some: { unitId: { in: unitIds } } } } },
    select: { recipientId: true, assignmentId: true },
  })
  expect(rows.every((row) => row.assignmentId === null)).toBe(true)
  return rows.map((row) => row.recipientId).sort()
}

const rename = (actor: Actor, id: string, newName: string, intent = 'apply', effectiveDate = today) =>
  changeUnit(as(actor), adminValues({ intent, id, kind: 'RENAME', newName, effectiveDate, reason: REASON }))

describe('a rename', () => {
  test("tells the unit's active staff and its member in charge, not the admin, not other units; opening it leads to the unit's page", async () => {
    const x = await commune('Xã Thanh Sơn')
    const result = await rename(admin, x.unit.id, 'Xã Thanh Sơn Mới')
    expect(result).toMatchObject({ kind: 'saved' })
    expect(await told([x.unit.id])).toEqual([x.staff.id, x.leader.id].sort())
    expect(await database.db.notification.count({ where: { recipientId: { in: [admin.id, outsider.id] } } })).toBe(0)

    const row = await database.db.notification.findFirstOrThrow({ where: { recipientId: x.staff.id, kind: 'UNIT_CHANGED' } })
    expect(await openNotification(x.staff, row.id, new Date())).toBe(unitPageHref(x.unit.code))
    expect((await database.db.notification.findUniqueOrThrow({ where: { id: row.id } })).readAt).not.toBeNull()
    // Someone else's row: not theirs to open.
    expect(await openNotification(x.leader, row.id, new Date())).toBeNull()
  })

  test('dated ahead, is told at once', async () => {
    const x = await commune('Xã Nam Sơn')
    await rename(admin, x.unit.id, 'Xã Nam Sơn Mới', 'apply', addDays(today, 30))
    expect(await told([x.unit.id])).toEqual([x.staff.id, x.leader.id].sort())
  })

  test('never tells the administrator who acted, even as the member in charge', async () => {
    const member = await make.member('Ủy viên kiêm quản trị')
    const unit = await make.unit({ name: 'Xã Lương Mông', inChargeMemberId: member.id })
    const acting = await make.user({ role: 'ADMIN', unitId: district.id, memberId: member.id })
    const staff = await make.user({ role: 'STAFF', unitId: unit.id })
    await rename(acting, unit.id, 'Xã Lương Mông Mới')
    expect(await told([unit.id])).toEqual([staff.id])
  })

  test('previewed, tells nobody', async () => {
    const x = await commune('Xã Minh Cầm')
    const result = await rename(admin, x.unit.id, 'Xã Minh Cầm Mới', 'preview')
    expect(result).toMatchObject({ kind: 'saved' })
    expect(await told([x.unit.id])).toEqual([])
  })
})

describe('a merge', () => {
  async function units() {
    const [a, b, c] = [await commune('Xã Hải Lạng'), await commune('Xã Đạp Thanh'), await commune('Xã Thanh Lâm')]
    const next = await make.member('Phụ trách mới')
    const nextLeader = await make.user({ role: 'LEADER', unitId: district.id, memberId: next.id })
    return { a, b, c, next, nextLeader }
  }
  const merge = (m: Awaited<ReturnType<typeof units>>, intent: string) =>
    mergeUnits(
      as(admin),
      adminValues({
        kind: 'MERGE',
        intent,
        id: m.a.unit.id,
        otherIds: [m.b.unit.id],
        successorId: m.c.unit.id,
        inChargeMemberId: m.next.id,
        moveUserIds: [m.a.staff.id],
        effectiveDate: today,
        reason: REASON,
      }),
    )

  test('tells the staff of every merged unit and of the successor, and the members in charge before and after', async () => {
    const m = await units()
    expect(await merge(m, 'apply')).toMatchObject({ kind: 'saved' })
    // B's staff account was deactivated by the merge (not moved): it could not read it.
    expect(await told([m.c.unit.id])).toEqual([m.a.staff.id, m.c.staff.id, m.a.leader.id, m.b.leader.id, m.c.leader.id, m.nextLeader.id].sort())
    expect(await database.db.notification.count({ where: { recipientId: { in: [admin.id, outsider.id, m.b.staff.id] } } })).toBe(0)

    const row = await database.db.notification.findFirstOrThrow({ where: { recipientId: m.b.leader.id, kind: 'UNIT_CHANGED' } })
    expect(await openNotification(m.b.leader, row.id, new Date())).toBe(unitPageHref(m.c.unit.code))
  })

  test('previewed, tells nobody', async () => {
    const m = await units()
    expect(await merge(m, 'preview')).toMatchObject({ kind: 'saved' })
    expect(await told([m.a.unit.id, m.b.unit.id, m.c.unit.id])).toEqual([])
  })
})

test('a notification names exactly one of an assignment and a change of units', async () => {
  const write = (subject: { assignmentId?: string; unitChangeId?: string }) =>
    database.db.notification.create({ data: { recipientId: outsider.id, actorId: admin.id, kind: 'UNIT_CHANGED', createdAt: now, showFrom: now, ...subject } })
  await expect(write({})).rejects.toThrow(/Notification_one_subject/)
  const x = await commune('Xã Thanh Lương')
  await rename(admin, x.unit.id, 'Xã Thanh Lương Mới')
  const change = await database.db.unitChangePart.findFirstOrThrow({ where: { unitId: x.unit.id }, select: { changeId: true } })
  const task = await make.task({ groupId: (await make.group()).id })
  const assignment = await make.assignment({ taskId: task.id, unitId: x.unit.id })
  await expect(write({ unitChangeId: change.changeId, assignmentId: assignment.id })).rejects.toThrow(/Notification_one_subject/)
})
