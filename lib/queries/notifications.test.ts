// "Việc cần xử lý": the header's count and the list read the reader's own due rows; opening one
// marks it read and leads to what it is about; the text of a row is withheld once the reader may no
// longer read the assignment's details; a row about a change of units names no assignment and is
// read in full by everyone told.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { adminValues } from '@/lib/actions/admin/test-form'
import { mergeUnits } from '@/lib/actions/admin/unit-merge'
import { splitUnit } from '@/lib/actions/admin/unit-split'
import { changeUnit } from '@/lib/actions/admin/units'
import { openNotification, readAllNotifications } from '@/lib/actions/notifications'
import { recordComment } from '@/lib/actions/comment'
import { recordReview } from '@/lib/actions/review'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import type { Actor } from '@/lib/auth/permissions'
import { readCommentForm } from '@/lib/validation/comment'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { notificationList, unreadNotificationCount } from './notifications'

const database = testDatabase()
const make = factories(() => database.db)
/** Friday 27 November 2026, 09:00 in Ba Chẽ. */
const FRIDAY = new Date('2026-11-27T02:00:00Z')
const later = (minutes: number) => new Date(FRIDAY.getTime() + minutes * 60_000)
/** Tuesday after it, 09:00: the office's row of a question asked on that Friday is due. */
const TUESDAY = new Date('2026-12-01T02:00:00Z')

let confirmer: Actor
let staff: Actor & { displayName: string }
let colleague: Actor
let office: Actor
let unitCode: string
let groupId: string
let unitId: string

beforeAll(async () => {
  const inCharge = await make.member('Nguyễn Văn Phụ Trách')
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const unit = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inCharge.id })
  unitId = unit.id
  unitCode = unit.code
  groupId = (await make.group()).id
  confirmer = await make.user({ role: 'LEADER', unitId: district.id, memberId: inCharge.id, name: 'Nguyễn Văn Phụ Trách' })
  staff = await make.user({ role: 'STAFF', unitId, name: 'Cán bộ xã Minh Cầm' })
  colleague = await make.user({ role: 'STAFF', unitId })
  office = await make.user({ role: 'OFFICE', unitId: (await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })).id, name: 'Cán bộ Văn phòng Huyện ủy' })
})

const at = (actor: Actor, now: Date) => ({ actor, now, ip: null })

async function newAssignment(title = 'Nhiệm vụ thử nghiệm') {
  const task = await make.task({ groupId })
  await database.db.task.update({ where: { id: task.id }, data: { title } })
  return { ...(await make.assignment({ taskId: task.id, unitId })), taskCode: task.code }
}

async function reported(actor: Actor, assignmentId: string, baseVersion: number, now: Date, fields: Record<string, string> = {}) {
  const result = await recordStatusUpdate(
    at(actor, now),
    readStatusUpdateForm(formData({ assignmentId, baseVersion: String(baseVersion), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '50', ...fields })).input,
  )
  if (result.kind !== 'saved') throw new Error(`report not saved: ${result.kind}`)
  return result.updateId
}

async function returned(assignmentId: string, reason: string, now: Date) {
  const updateId = await reported(staff, assignmentId, 0, now)
  const result = await recordReview(at(confirmer, new Date(now.getTime() + 60_000)), readReviewForm(formData({ updateId, decision: 'RETURN', reason })).input)
  if (result.kind !== 'saved') throw new Error(result.kind)
  return updateId
}

async function commented(actor: Actor, assignmentId: string, now: Date, body: string) {
  const result = await recordComment(at(actor, now), readCommentForm(formData({ assignmentId, body })).input)
  if (result.kind !== 'saved') throw new Error(result.kind)
  return result.commentId
}

/** A reader of their own: the rows it gets are only those written for it in the test. */
async function freshStaff() {
  return make.user({ role: 'STAFF', unitId })
}

describe('the header count', () => {
  test("counts the reader's own unread rows that are due, and nobody else's", async () => {
    const before = { staff: await unreadNotificationCount(staff, TUESDAY), office: await unreadNotificationCount(office, TUESDAY) }
    const assignment = await newAssignment()
    await returned(assignment.id, 'Chưa có biên bản', FRIDAY)
    expect(await unreadNotificationCount(staff, TUESDAY)).toBe(before.staff + 1)
    expect(await unreadNotificationCount(office, TUESDAY)).toBe(before.office)
  })

  test("the office's row of a question counts from two working days after it was asked, not before", async () => {
    const assignment = await newAssignment()
    const baseline = await unreadNotificationCount(office, later(-1))
    await commented(staff, assignment.id, FRIDAY, 'Hồ sơ nộp ở đâu?')
    expect(await unreadNotificationCount(office, new Date(TUESDAY.getTime() - 1))).toBe(baseline)
    expect(await unreadNotificationCount(office, TUESDAY)).toBe(baseline + 1)
    expect(await unreadNotificationCount(confirmer, FRIDAY)).toBeGreaterThan(0)
  })
})

test('the header counts no further than it is asked: one more unread row than asked for is told as the number asked', async () => {
  const before = await unreadNotificationCount(staff, TUESDAY)
  for (const reason of ['Thiếu biên bản', 'Thiếu danh sách']) await returned((await newAssignment(reason)).id, reason, FRIDAY)
  expect(await unreadNotificationCount(staff, TUESDAY)).toBe(before + 2)
  expect(await unreadNotificationCount(staff, TUESDAY, before + 1)).toBe(before + 1)
})

describe('the list', () => {
  test('gives each row its kind, unit, task, who acted, when, and what it carries: the unread first, the newest first', async () => {
    const reader = await freshStaff()
    const first = await newAssignment('Kiện toàn chi bộ thôn')
    const second = await newAssignment('Bồi dưỡng trưởng thôn mới')
    const third = await newAssignment('Rà soát đảng viên')
    await returned(first.id, 'Số liệu chưa khớp với biên bản', FRIDAY)
    await commented(staff, second.id, later(10), 'Có phải học lớp bồi dưỡng không?')
    await commented(office, second.id, later(20), 'Có, học trong 3 tháng đầu.')
    await reported(office, third.id, 0, later(30), { onBehalfVia: 'PAPER', note: 'Đã rà soát 120 đảng viên.' })

    const { rows, total } = await notificationList(reader, TUESDAY, 10, 0)
    expect(total).toBe(3)
    expect(rows.map((row) => [row.kind, row.task?.title, row.read])).toEqual([
      ['REPORT_ENTERED_ON_BEHALF', 'Rà soát đảng viên', false],
      ['QUESTION_ANSWERED', 'Bồi dưỡng trưởng thôn mới', false],
      ['REPORT_RETURNED', 'Kiện toàn chi bộ thôn', false],
    ])
    expect(rows[0]).toMatchObject({ unit: { code: unitCode, name: 'Xã Minh Cầm' }, actor: { name: 'Cán bộ Văn phòng Huyện ủy', role: 'OFFICE' }, channel: 'PAPER', text: 'Đã rà soát 120 đảng viên.', createdAt: later(30), withheld: false })
    expect(rows[1]).toMatchObject({ actor: { name: 'Cán bộ Văn phòng Huyện ủy' }, text: 'Có, học trong 3 tháng đầu.', channel: null })
    expect(rows[2]).toMatchObject({ actor: { name: 'Nguyễn Văn Phụ Trách', role: 'LEADER' }, text: 'Số liệu chưa khớp với biên bản', createdAt: later(1) })

    // Read, the oldest goes under the unread ones; pages neither repeat nor skip.
    const [, , oldest] = rows
    await openNotification(reader, oldest!.id, TUESDAY)
    const pageOne = await notificationList(reader, TUESDAY, 2, 0)
    const pageTwo = await notificationList(reader, TUESDAY, 2, 2)
    expect([...pageOne.rows, ...pageTwo.rows].map((row) => [row.kind, row.read])).toEqual([
      ['REPORT_ENTERED_ON_BEHALF', false],
      ['QUESTION_ANSWERED', false],
      ['REPORT_RETURNED', true],
    ])
    expect(pageTwo.total).toBe(3)
  })

  test("a waiting question's row tells how many working days it has waited, to now or to its answer", async () => {
    const assignment = await newAssignment()
    await commented(staff, assignment.id, FRIDAY, 'Mẫu biên bản lấy ở đâu?')
    const waiting = (await notificationList(office, TUESDAY, 100, 0)).rows.find((row) => row.kind === 'QUESTION_AWAITING_ANSWER' && row.text === 'Mẫu biên bản lấy ở đâu?')
    expect(waiting).toMatchObject({ read: false, waitedWorkingDays: 2, unit: { name: 'Xã Minh Cầm' }, actor: { name: 'Cán bộ xã Minh Cầm' } })
    await commented(confirmer, assignment.id, new Date('2026-12-02T02:00:00Z'), 'Trên cổng thông tin huyện.')
    const answered = (await notificationList(office, new Date('2026-12-10T02:00:00Z'), 100, 0)).rows.find((row) => row.id === waiting?.id)
    expect(answered).toMatchObject({ read: true, waitedWorkingDays: 3 })
  })

  test("keeps a row whose assignment's details the reader may no longer read, without its text", async () => {
    const mover = await freshStaff()
    const assignment = await newAssignment('Kiểm tra chi bộ')
    await returned(assignment.id, 'Thiếu chữ ký của bí thư chi bộ', FRIDAY)
    await database.db.user.update({ where: { id: mover.id }, data: { unitId: (await make.unit({ name: 'Xã Nam Sơn' })).id } })
    const moved = { ...mover, unitId: (await database.db.user.findUniqueOrThrow({ where: { id: mover.id } })).unitId }
    const { rows } = await notificationList(moved, TUESDAY, 10, 0)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'REPORT_RETURNED', task: { title: 'Kiểm tra chi bộ' }, text: null, withheld: true })
    // The twin: a colleague still of the unit reads the reason.
    expect((await notificationList(colleague, TUESDAY, 100, 0)).rows.find((row) => row.id !== rows[0]!.id && row.task?.title === 'Kiểm tra chi bộ')).toMatchObject({
      text: 'Thiếu chữ ký của bí thư chi bộ',
      withheld: false,
    })
  })
})

describe('a change of units', () => {
  const REASON = 'Quyết định số 12-QĐ/TU'
  const asAdmin = async () => ({ actor: await make.user({ role: 'ADMIN', unitId: (await make.unit({ kind: 'DISTRICT' })).id, name: 'Quản trị viên' }), now: TUESDAY, ip: null })

  test('is listed without a task: the names before and after, its day, its decision; read in full by everyone told, even moved away', async () => {
    const unit = await make.unit({ name: 'Xã Pha Lang' })
    const reader = await make.user({ role: 'STAFF', unitId: unit.id })
    // Dated ahead: told at once, with its day; the unit keeps its name until then.
    await changeUnit(await asAdmin(), adminValues({ intent: 'apply', id: unit.id, kind: 'RENAME', newName: 'Xã Pha Lang Mới', effectiveDate: '2026-12-10', reason: REASON }))
    const expected = {
      kind: 'UNIT_CHANGED',
      task: null,
      unit: { code: unit.code, name: 'Xã Pha Lang' },
      unitChange: { kind: 'RENAME', effectiveDate: '2026-12-10', fromNames: 'Xã Pha Lang', toNames: 'Xã Pha Lang Mới' },
      actor: { name: 'Quản trị viên', role: 'ADMIN' },
      text: REASON,
      withheld: false,
      read: false,
    }
    expect((await notificationList(reader, TUESDAY, 10, 0)).rows).toMatchObject([expected])
    await database.db.user.update({ where: { id: reader.id }, data: { unitId: (await make.unit()).id } })
    const moved = { ...reader, unitId: (await database.db.user.findUniqueOrThrow({ where: { id: reader.id } })).unitId }
    expect((await notificationList(moved, TUESDAY, 10, 0)).rows).toMatchObject([expected])
  })

  test('of a merge into an existing unit, names the units merged away and the successor, whose page it is about', async () => {
    const [north, south, successor] = [await make.unit({ name: 'Xã Bắc Sơn' }), await make.unit({ name: 'Xã Nam Sơn' }), await make.unit({ name: 'Xã Sơn Hà' })]
    const reader = await make.user({ role: 'STAFF', unitId: successor.id })
    const merged = await mergeUnits(await asAdmin(), adminValues({ kind: 'MERGE', intent: 'apply', id: north.id, otherIds: [south.id], successorId: successor.id, effectiveDate: '2026-12-01', reason: REASON }))
    expect(merged).toMatchObject({ kind: 'saved' })
    expect((await notificationList(reader, TUESDAY, 10, 0)).rows).toMatchObject([
      { kind: 'UNIT_CHANGED', task: null, unit: { code: successor.code, name: 'Xã Sơn Hà' }, unitChange: { kind: 'MERGE', effectiveDate: '2026-12-01', fromNames: 'Xã Bắc Sơn, Xã Nam Sơn', toNames: 'Xã Sơn Hà' }, text: REASON },
    ])
  })

  test('of a split into an existing unit and a new one, names the unit split and the parts; it is about the page of the unit split, which links to them', async () => {
    const [whole, part] = [await make.unit({ name: 'Xã Thanh Sơn' }), await make.unit({ name: 'Xã Thanh Hà' })]
    const reader = await make.user({ role: 'STAFF', unitId: part.id })
    const split = await splitUnit(await asAdmin(), adminValues({ kind: 'SPLIT', intent: 'apply', id: whole.id, partIds: [part.id], newName1: 'Xã Thanh Bình', newCode1: `xa-thanh-binh-${randomUUID().slice(0, 8)}`, effectiveDate: '2026-12-01', reason: REASON }))
    expect(split).toMatchObject({ kind: 'saved' })
    expect((await notificationList(reader, TUESDAY, 10, 0)).rows).toMatchObject([
      { kind: 'UNIT_CHANGED', task: null, unit: { code: whole.code, name: 'Xã Thanh Sơn' }, unitChange: { kind: 'SPLIT', effectiveDate: '2026-12-01', fromNames: 'Xã Thanh Sơn', toNames: 'Xã Thanh Bình, Xã Thanh Hà' }, text: REASON },
    ])
  })
})

describe('marking read', () => {
  test('opening a row marks it read, once, and leads to its report in the history or its comment', async () => {
    const reader = await freshStaff()
    const assignment = await newAssignment()
    const updateId = await returned(assignment.id, 'Chưa có biên bản', FRIDAY)
    const [row] = (await notificationList(reader, TUESDAY, 10, 0)).rows
    expect(await openNotification(reader, row!.id, TUESDAY)).toBe(`/units/${unitCode}/tasks/${assignment.taskCode}#update-${updateId}`)
    expect(await unreadNotificationCount(reader, TUESDAY)).toBe(0)
    // Opened again later, it keeps the first time it was read.
    await openNotification(reader, row!.id, later(10_000))
    expect((await database.db.notification.findUniqueOrThrow({ where: { id: row!.id } })).readAt).toEqual(TUESDAY)

    const questionAssignment = await newAssignment()
    await commented(reader, questionAssignment.id, FRIDAY, 'Xin hướng dẫn mẫu báo cáo.')
    const answerId = await commented(confirmer, questionAssignment.id, later(5), 'Theo mẫu số 2.')
    const answer = (await notificationList(reader, TUESDAY, 10, 0)).rows.find((entry) => entry.kind === 'QUESTION_ANSWERED')
    expect(await openNotification(reader, answer!.id, TUESDAY)).toBe(`/units/${unitCode}/tasks/${questionAssignment.taskCode}#comment-${answerId}`)
  })

  test("someone else's row, a missing one and one not yet shown are not found, and nothing changes", async () => {
    const assignment = await newAssignment()
    await commented(staff, assignment.id, FRIDAY, 'Câu hỏi chờ văn phòng.')
    const officeRow = await database.db.notification.findFirstOrThrow({ where: { assignmentId: assignment.id, recipientId: office.id } })
    expect(await openNotification(office, officeRow.id, later(60))).toBeNull()
    expect(await openNotification(staff, officeRow.id, TUESDAY)).toBeNull()
    expect(await openNotification(office, randomUUID(), TUESDAY)).toBeNull()
    expect((await database.db.notification.findUniqueOrThrow({ where: { id: officeRow.id } })).readAt).toBeNull()
    expect(await openNotification(office, officeRow.id, TUESDAY)).toContain(`/units/${unitCode}/tasks/${assignment.taskCode}#comment-`)
  })

  test("'mark all as read' marks the reader's due rows only: not others', not those not yet shown", async () => {
    const assignment = await newAssignment()
    await returned(assignment.id, 'Xem lại tiến độ', FRIDAY)
    await commented(staff, (await newAssignment()).id, FRIDAY, 'Câu hỏi mới.')
    const colleagueBefore = await unreadNotificationCount(colleague, TUESDAY)
    await readAllNotifications(office, later(60))
    expect(await unreadNotificationCount(office, TUESDAY)).toBeGreaterThan(0)
    await readAllNotifications(staff, TUESDAY)
    expect(await unreadNotificationCount(staff, TUESDAY)).toBe(0)
    expect(await unreadNotificationCount(colleague, TUESDAY)).toBe(colleagueBefore)
  })

  test("'mark all as read' leaves unread what arrived after the page was drawn", async () => {
    const seen = await newAssignment()
    await returned(seen.id, 'Bổ sung minh chứng', later(120))
    const unseen = await newAssignment()
    await returned(unseen.id, 'Ghi rõ số liệu', later(180))
    await readAllNotifications(staff, later(150))
    const open = await database.db.notification.findMany({ where: { recipientId: staff.id, readAt: null, assignmentId: { in: [seen.id, unseen.id] } }, select: { assignmentId: true } })
    expect(open).toEqual([{ assignmentId: unseen.id }])
  })
})
