// Every event that tells someone writes its notification rows with it (lib/actions/notify.ts): who
// is told, who is not, and which waiting rows the next act settles. A refused or conflicting save
// tells nobody.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { addWorkingDays } from '@/lib/domain/calendar'
import { readCommentForm } from '@/lib/validation/comment'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { recordComment } from './comment'
import { recordReview } from './review'
import { recordStatusUpdate } from './status-update'

const database = testDatabase()
const make = factories(() => database.db)
/** A Friday morning in the district: two working days later is the next Tuesday. */
const FRIDAY = new Date('2026-11-27T02:00:00Z')
const minutesLater = (minutes: number) => new Date(FRIDAY.getTime() + minutes * 60_000)

let confirmer: Actor
let groupLead: Actor
let staff: Actor
let colleague: Actor
let inactive: Actor
let otherStaff: Actor
let office: Actor
let admin: Actor
let unitId: string
let groupId: string

beforeAll(async () => {
  const inCharge = await make.member('Nguyễn Văn Phụ Trách')
  const leadMember = await make.member('Vũ Mạnh Cường')
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  unitId = (await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inCharge.id })).id
  groupId = (await make.group(leadMember.id)).id
  confirmer = await make.user({ role: 'LEADER', unitId: district.id, memberId: inCharge.id })
  groupLead = await make.user({ role: 'LEADER', unitId: district.id, memberId: leadMember.id })
  staff = await make.user({ role: 'STAFF', unitId })
  colleague = await make.user({ role: 'STAFF', unitId })
  inactive = await make.user({ role: 'STAFF', unitId })
  await database.db.user.update({ where: { id: inactive.id }, data: { active: false } })
  otherStaff = await make.user({ role: 'STAFF', unitId: (await make.unit({ name: 'Xã Nam Sơn' })).id })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  office = await make.user({ role: 'OFFICE', unitId: (await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })).id })
})

const at = (actor: Actor, now: Date) => ({ actor, now, ip: null })

async function newAssignment(unit = unitId) {
  return make.assignment({ taskId: (await make.task({ groupId })).id, unitId: unit })
}

/** A report on the assignment from the given version; the result as the action gives it. */
function report(actor: Actor, assignmentId: string, baseVersion: number, now: Date, fields: Record<string, string> = {}) {
  return recordStatusUpdate(
    at(actor, now),
    readStatusUpdateForm(formData({ assignmentId, baseVersion: String(baseVersion), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '50', ...fields })).input,
  )
}

async function reported(actor: Actor, assignmentId: string, baseVersion: number, now: Date, fields: Record<string, string> = {}): Promise<string> {
  const result = await report(actor, assignmentId, baseVersion, now, fields)
  if (result.kind !== 'saved') throw new Error(`report not saved: ${result.kind}`)
  return result.updateId
}

const review = (actor: Actor, updateId: string, now: Date, decision: 'CONFIRM' | 'RETURN', reason?: string) =>
  recordReview(at(actor, now), readReviewForm(formData({ updateId, decision, reason })).input)

const comment = (actor: Actor, assignmentId: string, now: Date, body: string) => recordComment(at(actor, now), readCommentForm(formData({ assignmentId, body })).input)

/** The assignment's notification rows, as who was told what, shown from when, read when. */
async function notices(assignmentId: string) {
  const rows = await database.db.notification.findMany({
    where: { assignmentId },
    select: { recipientId: true, kind: true, showFrom: true, readAt: true, actorId: true, statusUpdateId: true, commentId: true },
  })
  return rows.sort((a, b) => `${a.kind}${a.recipientId}`.localeCompare(`${b.kind}${b.recipientId}`))
}

const told = (rows: Awaited<ReturnType<typeof notices>>, kind: string) =>
  rows
    .filter((row) => row.kind === kind)
    .map((row) => row.recipientId)
    .sort()

const ids = (...actors: Actor[]) => actors.map((actor) => actor.id).sort()

describe('a status report', () => {
  test("by the unit's staff tells the member in charge of the unit, once, and not its author", async () => {
    const assignment = await newAssignment()
    const updateId = await reported(staff, assignment.id, 0, FRIDAY)
    expect(await notices(assignment.id)).toEqual([
      { recipientId: confirmer.id, kind: 'REPORT_AWAITING_CONFIRMATION', showFrom: FRIDAY, readAt: null, actorId: staff.id, statusUpdateId: updateId, commentId: null },
    ])
  })

  test('on a unit with no member in charge tells the lead of the task group', async () => {
    const uncharged = (await make.unit({ name: 'Xã Lương Mông' })).id
    const assignment = await newAssignment(uncharged)
    await reported(await make.user({ role: 'STAFF', unitId: uncharged }), assignment.id, 0, FRIDAY)
    expect(told(await notices(assignment.id), 'REPORT_AWAITING_CONFIRMATION')).toEqual(ids(groupLead))
  })

  test('by the member in charge tells the lead of the task group, who confirms it, and not its author', async () => {
    const assignment = await newAssignment()
    const updateId = await reported(confirmer, assignment.id, 0, FRIDAY)
    expect(await notices(assignment.id)).toEqual([
      { recipientId: groupLead.id, kind: 'REPORT_AWAITING_CONFIRMATION', showFrom: FRIDAY, readAt: null, actorId: confirmer.id, statusUpdateId: updateId, commentId: null },
    ])
  })

  test('by a member who is both in charge and the group lead tells no member but the administrators, who confirm it', async () => {
    const assignment = await make.assignment({ taskId: (await make.task({ groupId: (await make.group(confirmer.memberId)).id })).id, unitId })
    await reported(confirmer, assignment.id, 0, FRIDAY)
    expect(told(await notices(assignment.id), 'REPORT_AWAITING_CONFIRMATION')).toEqual(ids(admin))
  })

  test("entered by the office on the unit's behalf tells the confirmer and every active staff account of the unit", async () => {
    const assignment = await newAssignment()
    const updateId = await reported(office, assignment.id, 0, FRIDAY, { onBehalfVia: 'PHONE' })
    const rows = await notices(assignment.id)
    expect(told(rows, 'REPORT_AWAITING_CONFIRMATION')).toEqual(ids(confirmer))
    expect(told(rows, 'REPORT_ENTERED_ON_BEHALF')).toEqual(ids(staff, colleague))
    expect(rows.every((row) => row.actorId === office.id && row.statusUpdateId === updateId)).toBe(true)
  })

  test("a new report settles the unit's rows of an earlier return, for every one of its staff", async () => {
    const assignment = await newAssignment()
    const first = await reported(staff, assignment.id, 0, FRIDAY)
    await review(confirmer, first, minutesLater(10), 'RETURN', 'Chưa có biên bản')
    // The return put the assignment back a version.
    await reported(colleague, assignment.id, 2, minutesLater(20))
    const returned = (await notices(assignment.id)).filter((row) => row.kind === 'REPORT_RETURNED')
    expect(returned.map((row) => row.readAt)).toEqual([minutesLater(20), minutesLater(20)])
  })
})

describe('a review', () => {
  test("a return tells each active staff account of the unit (not an inactive one, not another unit's) and settles the confirmer's waiting row", async () => {
    const assignment = await newAssignment()
    const updateId = await reported(staff, assignment.id, 0, FRIDAY)
    expect((await review(confirmer, updateId, minutesLater(30), 'RETURN', 'Số liệu chưa khớp với biên bản')).kind).toBe('saved')
    const rows = await notices(assignment.id)
    expect(told(rows, 'REPORT_RETURNED')).toEqual(ids(staff, colleague))
    expect(rows.filter((row) => row.kind === 'REPORT_RETURNED').every((row) => row.readAt === null && row.actorId === confirmer.id && row.statusUpdateId === updateId)).toBe(true)
    expect(rows.find((row) => row.kind === 'REPORT_AWAITING_CONFIRMATION')).toMatchObject({ recipientId: confirmer.id, readAt: minutesLater(30) })
    expect(rows.map((row) => row.recipientId)).not.toContain(inactive.id)
    expect(rows.map((row) => row.recipientId)).not.toContain(otherStaff.id)
  })

  test("a confirmation with a comment tells the unit's staff; without one, nobody, and either settles the waiting row", async () => {
    const commented = await newAssignment()
    await review(confirmer, await reported(staff, commented.id, 0, FRIDAY), minutesLater(5), 'CONFIRM', 'Tốt, gửi kèm biên bản lần sau.')
    const rows = await notices(commented.id)
    expect(told(rows, 'REPORT_CONFIRMED_WITH_COMMENT')).toEqual(ids(staff, colleague))
    expect(rows.find((row) => row.kind === 'REPORT_AWAITING_CONFIRMATION')?.readAt).toEqual(minutesLater(5))

    const plain = await newAssignment()
    await review(confirmer, await reported(staff, plain.id, 0, FRIDAY), minutesLater(5), 'CONFIRM')
    expect((await notices(plain.id)).map((row) => [row.kind, row.readAt])).toEqual([['REPORT_AWAITING_CONFIRMATION', minutesLater(5)]])
  })

  test('settles only the reviewed report: an earlier report still waiting keeps its row', async () => {
    const assignment = await newAssignment()
    const first = await reported(staff, assignment.id, 0, FRIDAY)
    const second = await reported(staff, assignment.id, 1, minutesLater(1))
    await review(confirmer, second, minutesLater(2), 'CONFIRM')
    const waiting = (await notices(assignment.id)).filter((row) => row.kind === 'REPORT_AWAITING_CONFIRMATION')
    expect(Object.fromEntries(waiting.map((row) => [row.statusUpdateId, row.readAt]))).toEqual({ [first]: null, [second]: minutesLater(2) })
  })
})

describe('questions and answers', () => {
  test('a question tells the confirmer at once and the office two working days later (over the weekend)', async () => {
    const assignment = await newAssignment()
    const asked = await comment(staff, assignment.id, FRIDAY, 'Trưởng thôn mới có phải học lớp bồi dưỡng không?')
    if (asked.kind !== 'saved') throw new Error(asked.kind)
    const rows = await notices(assignment.id)
    const tuesday = new Date('2026-12-01T02:00:00Z')
    expect(addWorkingDays(FRIDAY, 2)).toEqual(tuesday)
    expect(rows.map((row) => [row.kind, row.recipientId, row.showFrom, row.readAt, row.commentId])).toEqual(
      [
        ['QUESTION_AWAITING_ANSWER', confirmer.id, FRIDAY, null, asked.commentId],
        ['QUESTION_AWAITING_ANSWER', office.id, tuesday, null, asked.commentId],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    )
  })

  test('a follow-up before any answer tells nobody again; the answer tells the unit’s staff and settles the waiting rows, the office’s not yet shown included', async () => {
    const assignment = await newAssignment()
    await comment(staff, assignment.id, FRIDAY, 'Trưởng thôn mới có phải học lớp bồi dưỡng không?')
    await comment(colleague, assignment.id, minutesLater(5), 'Bổ sung: thôn Khe Tâm vừa bầu lại.')
    expect(await notices(assignment.id)).toHaveLength(2)

    const answered = await comment(office, assignment.id, minutesLater(60), 'Có, học trong 3 tháng đầu.')
    if (answered.kind !== 'saved') throw new Error(answered.kind)
    const rows = await notices(assignment.id)
    expect(told(rows, 'QUESTION_ANSWERED')).toEqual(ids(staff, colleague))
    expect(rows.filter((row) => row.kind === 'QUESTION_ANSWERED').every((row) => row.commentId === answered.commentId && row.actorId === office.id)).toBe(true)
    expect(rows.filter((row) => row.kind === 'QUESTION_AWAITING_ANSWER').map((row) => row.readAt)).toEqual([minutesLater(60), minutesLater(60)])

    // A second answer tells nobody; a new question opens a thread again.
    await comment(confirmer, assignment.id, minutesLater(70), 'Văn phòng đã trả lời đúng.')
    expect(await notices(assignment.id)).toHaveLength(4)
    await comment(staff, assignment.id, minutesLater(80), 'Học ở đâu ạ?')
    expect((await notices(assignment.id)).filter((row) => row.kind === 'QUESTION_AWAITING_ANSWER' && row.readAt === null)).toHaveLength(2)
  })

  test('the confirmer answering tells the staff, never the confirmer themself', async () => {
    const assignment = await newAssignment()
    await comment(staff, assignment.id, FRIDAY, 'Hồ sơ nộp ở đâu?')
    await comment(confirmer, assignment.id, minutesLater(3), 'Nộp tại Văn phòng Huyện ủy.')
    const rows = await notices(assignment.id)
    expect(told(rows, 'QUESTION_ANSWERED')).toEqual(ids(staff, colleague))
    expect(rows.filter((row) => row.kind === 'QUESTION_AWAITING_ANSWER').every((row) => row.readAt?.getTime() === minutesLater(3).getTime())).toBe(true)
  })
})

describe('nothing is told of what was not saved', () => {
  test("another unit's staff reporting, a form made on an older version, an invalid form, a refused review and a refused question write no row", async () => {
    const assignment = await newAssignment()
    expect((await report(otherStaff, assignment.id, 0, FRIDAY)).kind).toBe('notFound')
    expect((await report(staff, assignment.id, 0, FRIDAY, { status: 'NOT_STARTED', progress: '30' })).kind).toBe('invalid')
    const updateId = await reported(staff, assignment.id, 0, FRIDAY)
    const before = await notices(assignment.id)
    expect(before).toHaveLength(1)

    expect((await report(colleague, assignment.id, 0, minutesLater(1))).kind).toBe('conflict')
    expect((await review(groupLead, updateId, minutesLater(2), 'RETURN', 'Xem lại')).kind).toBe('notFound')
    expect((await comment(otherStaff, assignment.id, minutesLater(3), 'Câu hỏi nhầm đơn vị')).kind).toBe('notFound')
    expect((await review(confirmer, updateId, minutesLater(4), 'RETURN', '  ')).kind).toBe('invalid')
    expect(await notices(assignment.id)).toEqual(before)
  })

  test('a report or a review in a locked period tells nobody', async () => {
    const assignment = await newAssignment()
    const updateId = await reported(staff, assignment.id, 0, FRIDAY)
    await database.db.reportingPeriod.create({
      data: { code: `khoa-${randomUUID().slice(0, 8)}`, name: 'Sơ kết đã khóa', kind: 'INTERIM', startDate: new Date('2026-11-01'), endDate: new Date('2026-11-30'), lockedAt: FRIDAY },
    })
    try {
      const before = await notices(assignment.id)
      expect((await report(staff, assignment.id, 1, minutesLater(1))).kind).toBe('locked')
      expect((await review(confirmer, updateId, minutesLater(2), 'RETURN', 'Xem lại')).kind).toBe('locked')
      expect(await notices(assignment.id)).toEqual(before)
    } finally {
      await database.db.reportingPeriod.deleteMany({ where: { name: 'Sơ kết đã khóa' } })
    }
  })
})

describe('two districts under one province', () => {
  test("a report of a Tiên Yên commune with no member in charge is not told to Ba Chẽ's lead of its shared task group, but to Tiên Yên's administrators", async () => {
    const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
    const baChe = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
    const tienYen = await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
    const lead = await make.member('Trưởng nhóm Ba Chẽ')
    const baCheLead = await make.user({ role: 'LEADER', unitId: baChe.id, memberId: lead.id })
    const baCheAdmin = await make.user({ role: 'ADMIN', unitId: baChe.id })
    const tienYenAdmin = await make.user({ role: 'ADMIN', unitId: tienYen.id })
    const dongNgu = await make.unit({ name: 'Xã Đông Ngũ', parentId: tienYen.id })
    const tienYenStaff = await make.user({ role: 'STAFF', unitId: dongNgu.id })
    const assignment = await make.assignment({ taskId: (await make.task({ groupId: (await make.group(lead.id)).id })).id, unitId: dongNgu.id })
    await reported(tienYenStaff, assignment.id, 0, minutesLater(5))
    const told = (await notices(assignment.id)).map((n) => n.recipientId)
    expect(told).toContain(tienYenAdmin.id)
    expect(told).not.toContain(baCheLead.id)
    expect(told).not.toContain(baCheAdmin.id)
  })
})
