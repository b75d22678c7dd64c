// The member in charge confirms or returns reported results; and questions on an assignment.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { assignmentRecord } from '@/lib/queries/assignment-detail'
import { recordComment } from './comment'
import { recordReview } from './review'
import { recordStatusUpdate } from './status-update'
import { readCommentForm } from '@/lib/validation/comment'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const LATER = new Date('2026-11-29T03:00:00Z')

let staff: Actor
let member: Actor
let groupId: string
let unitId: string

beforeAll(async () => {
  const inCharge = await make.member('Nguyễn Văn Phụ Trách')
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  unitId = (await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inCharge.id })).id
  groupId = (await make.group()).id
  staff = await make.user({ role: 'STAFF', unitId })
  member = await make.user({ role: 'LEADER', unitId: district.id, memberId: inCharge.id, name: 'Nguyễn Văn Phụ Trách' })
})

/** An assignment with the given reports made by the unit's staff, one version after another. */
async function reported(...reports: Record<string, string>[]) {
  const task = await make.task({ groupId })
  const assignment = await make.assignment({ taskId: task.id, unitId })
  const ids: string[] = []
  for (const [version, fields] of reports.entries()) {
    const r = await recordStatusUpdate({ actor: staff, now: new Date(NOW.getTime() + version * 60_000), ip: null }, readStatusUpdateForm(formData({ assignmentId: assignment.id, baseVersion: String(version), submissionKey: randomUUID(), ...fields })).input)
    if (r.kind !== 'saved') throw new Error(`report not saved: ${r.kind}`)
    ids.push(r.updateId)
  }
  return { assignmentId: assignment.id, updateIds: ids }
}

const review = (actor: Actor, fields: Record<string, string>, now = LATER) => recordReview({ actor, now, ip: '198.51.100.4' }, readReviewForm(formData(fields)).input)

describe('confirming a reported result', () => {
  test('marks the report confirmed by the member, when, and audits it', async () => {
    const { updateIds } = await reported({ status: 'DONE', progress: '100' })
    const result = await review(member, { updateId: updateIds[0]!, decision: 'CONFIRM' })
    expect(result.kind).toBe('saved')
    expect(await database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateIds[0] } })).toMatchObject({ reviewState: 'CONFIRMED', reviewedById: member.id, reviewedAt: LATER, reviewNote: null })
    expect(await database.db.auditEvent.count({ where: { action: 'statusUpdate.review', entityId: updateIds[0], actorId: member.id, ip: '198.51.100.4' } })).toBe(1)
  })

  test("a comment given with the confirmation is kept as the report's review note, and the unit's staff read it in the history", async () => {
    const { assignmentId, updateIds } = await reported({ status: 'IN_PROGRESS', progress: '40' })
    const comment = 'Tốt. Đề nghị gửi kèm biên bản họp ở lần báo cáo sau.'
    expect((await review(member, { updateId: updateIds[0]!, decision: 'CONFIRM', reason: `  ${comment}\n` })).kind).toBe('saved')
    expect(await database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateIds[0] } })).toMatchObject({ reviewState: 'CONFIRMED', reviewNote: comment })
    const history = (await assignmentRecord(staff, assignmentId))?.history
    expect(history?.map((entry) => entry.review)).toEqual([{ state: 'CONFIRMED', reviewerName: 'Nguyễn Văn Phụ Trách', reviewedAt: LATER, note: comment, confirmerName: null }])
  })

  test('a report already reviewed cannot be reviewed again', async () => {
    const { updateIds } = await reported({ status: 'IN_PROGRESS', progress: '30' })
    await review(member, { updateId: updateIds[0]!, decision: 'CONFIRM' })
    expect((await review(member, { updateId: updateIds[0]!, decision: 'RETURN', reason: 'Xem lại' })).kind).toBe('alreadyReviewed')
    expect((await database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateIds[0] } })).reviewState).toBe('CONFIRMED')
  })

  test('nobody confirms their own report: the member who reported DONE on the commune is refused like a missing report, and nothing changes', async () => {
    const task = await make.task({ groupId })
    const assignment = await make.assignment({ taskId: task.id, unitId })
    const own = await recordStatusUpdate({ actor: member, now: NOW, ip: null }, readStatusUpdateForm(formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'DONE', progress: '100' })).input)
    if (own.kind !== 'saved') throw new Error(`report not saved: ${own.kind}`)
    expect(await review(member, { updateId: own.updateId, decision: 'CONFIRM' })).toEqual({ kind: 'notFound' })
    expect(await database.db.statusUpdate.findUniqueOrThrow({ where: { id: own.updateId } })).toMatchObject({ reviewState: 'PENDING', reviewedById: null })
    expect(await database.db.auditEvent.count({ where: { action: 'statusUpdate.review.refused', entityId: own.updateId, actorId: member.id } })).toBe(1)
    // The twin: the unit's report, by its staff, the same member confirms.
    const { updateIds } = await reported({ status: 'DONE', progress: '100' })
    expect((await review(member, { updateId: updateIds[0]!, decision: 'CONFIRM' })).kind).toBe('saved')
  })

  test('a decision must be chosen', async () => {
    const { updateIds } = await reported({ status: 'IN_PROGRESS', progress: '30' })
    expect(await review(member, { updateId: updateIds[0]!, decision: 'MAYBE' })).toMatchObject({ kind: 'invalid', problems: { decision: { code: 'decisionRequired' } } })
  })
})

describe('one person confirms each report', () => {
  /** A member leading a new task group, an assignment of that group's to the unit, and the unit staff's report on it. */
  async function reportInLedGroup(unit: string, reporter: Actor) {
    const lead = await make.user({ role: 'LEADER', unitId: member.unitId, memberId: (await make.member('Vũ Mạnh Cường')).id })
    const assignment = await make.assignment({ taskId: (await make.task({ groupId: (await make.group(lead.memberId)).id })).id, unitId: unit })
    const report = await recordStatusUpdate({ actor: reporter, now: NOW, ip: null }, readStatusUpdateForm(formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'DONE', progress: '100' })).input)
    if (report.kind !== 'saved') throw new Error(`report not saved: ${report.kind}`)
    return { lead, updateId: report.updateId }
  }
  const stateOf = (updateId: string) => database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateId }, select: { reviewState: true, reviewedById: true } })

  test('on a commune with a member in charge, the lead of the task group is refused like a missing report (audited) and the member in charge confirms', async () => {
    const { lead, updateId } = await reportInLedGroup(unitId, staff)
    expect(await review(lead, { updateId, decision: 'CONFIRM' })).toEqual({ kind: 'notFound' })
    expect(await stateOf(updateId)).toEqual({ reviewState: 'PENDING', reviewedById: null })
    expect(await database.db.auditEvent.count({ where: { action: 'statusUpdate.review.refused', entityId: updateId, actorId: lead.id } })).toBe(1)
    expect((await review(member, { updateId, decision: 'CONFIRM' })).kind).toBe('saved')
    expect(await stateOf(updateId)).toEqual({ reviewState: 'CONFIRMED', reviewedById: member.id })
  })

  test('on a commune with no member in charge, the lead of the task group confirms', async () => {
    const uncharged = await make.unit({ name: 'Xã Lương Mông' })
    const { lead, updateId } = await reportInLedGroup(uncharged.id, await make.user({ role: 'STAFF', unitId: uncharged.id }))
    expect((await review(lead, { updateId, decision: 'CONFIRM' })).kind).toBe('saved')
    expect(await stateOf(updateId)).toEqual({ reviewState: 'CONFIRMED', reviewedById: lead.id })
  })
})

describe('returning a report', () => {
  test('needs a reason, and writes nothing without one', async () => {
    const { updateIds } = await reported({ status: 'DONE', progress: '100' })
    expect(await review(member, { updateId: updateIds[0]!, decision: 'RETURN', reason: '  ' })).toMatchObject({ kind: 'invalid', problems: { reason: { code: 'reasonRequired' } } })
    expect((await database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateIds[0] } })).reviewState).toBe('PENDING')
  })

  test('sends it back with the reason, and the assignment goes back to the last report that stands', async () => {
    const { assignmentId, updateIds } = await reported({ status: 'IN_PROGRESS', progress: '60' }, { status: 'DONE', progress: '100' })
    const result = await review(member, { updateId: updateIds[1]!, decision: 'RETURN', reason: 'Chưa có biên bản kiểm tra' })
    expect(result.kind).toBe('saved')
    expect(await database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateIds[1] } })).toMatchObject({ reviewState: 'RETURNED', reviewNote: 'Chưa có biên bản kiểm tra' })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ status: 'IN_PROGRESS', progress: 60, completedAt: null, version: 3 })
  })

  test('returning the only report puts the assignment back to not started', async () => {
    const { assignmentId, updateIds } = await reported({ status: 'DONE', progress: '100' })
    await review(member, { updateId: updateIds[0]!, decision: 'RETURN', reason: 'Số liệu chưa khớp' })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ status: 'NOT_STARTED', progress: 0, completedAt: null })
  })

  test('returning the newer report and then the older one leaves the assignment as before both', async () => {
    const { assignmentId, updateIds } = await reported({ status: 'IN_PROGRESS', progress: '20' }, { status: 'IN_PROGRESS', progress: '50' }, { status: 'DONE', progress: '100' })
    await review(member, { updateId: updateIds[2]!, decision: 'RETURN', reason: 'Chưa đủ hồ sơ' })
    await review(member, { updateId: updateIds[1]!, decision: 'RETURN', reason: 'Số liệu chưa đúng' })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ status: 'IN_PROGRESS', progress: 20, completedAt: null })
  })

  test('returning an older report leaves the newer state alone', async () => {
    const { assignmentId, updateIds } = await reported({ status: 'IN_PROGRESS', progress: '40' }, { status: 'IN_PROGRESS', progress: '70' })
    await review(member, { updateId: updateIds[0]!, decision: 'RETURN', reason: 'Ghi chú chưa rõ' })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ progress: 70, version: 2 })
  })
})

describe('locked reporting periods', () => {
  test('a report made in a locked period can no longer be confirmed or returned', async () => {
    const { updateIds } = await reported({ status: 'IN_PROGRESS', progress: '30' })
    const period = await database.db.reportingPeriod.create({
      data: { code: 'so-ket-khoa', name: 'Sơ kết tháng 11', kind: 'INTERIM', startDate: new Date('2026-11-01'), endDate: new Date('2026-11-28'), lockedAt: LATER },
    })
    try {
      expect(await review(member, { updateId: updateIds[0]!, decision: 'CONFIRM' })).toEqual({ kind: 'locked', period: 'Sơ kết tháng 11' })
      expect((await database.db.statusUpdate.findUniqueOrThrow({ where: { id: updateIds[0] } })).reviewState).toBe('PENDING')
    } finally {
      // Other tests of this file report on the same day.
      await database.db.reportingPeriod.update({ where: { id: period.id }, data: { lockedAt: null } })
    }
  })
})

describe('questions and answers', () => {
  test('staff ask and the member in charge answers; the thread keeps both, oldest first, audited', async () => {
    const { assignmentId } = await reported({ status: 'BLOCKED', progress: '10', note: 'Chưa rõ quy trình' })
    expect((await recordComment({ actor: staff, now: NOW, ip: null }, readCommentForm(formData({ assignmentId, body: 'Xin hướng dẫn quy trình sáp nhập thôn?' })).input)).kind).toBe('saved')
    expect((await recordComment({ actor: member, now: LATER, ip: null }, readCommentForm(formData({ assignmentId, body: 'Thực hiện theo Hướng dẫn số 05.\nLiên hệ Ban Tổ chức.' })).input)).kind).toBe('saved')
    const thread = await database.db.comment.findMany({ where: { assignmentId }, orderBy: { createdAt: 'asc' } })
    expect(thread.map((c) => [c.authorId, c.body])).toEqual([
      [staff.id, 'Xin hướng dẫn quy trình sáp nhập thôn?'],
      [member.id, 'Thực hiện theo Hướng dẫn số 05.\nLiên hệ Ban Tổ chức.'],
    ])
    expect(await database.db.auditEvent.count({ where: { action: 'comment.create', entityId: { in: thread.map((c) => c.id) } } })).toBe(2)
  })

  test('an empty or overlong message is refused beside the field, and nothing is posted', async () => {
    const { assignmentId } = await reported({ status: 'IN_PROGRESS', progress: '10' })
    expect(await recordComment({ actor: staff, now: NOW, ip: null }, readCommentForm(formData({ assignmentId, body: ' \n ' })).input)).toMatchObject({ kind: 'invalid', problems: { body: { code: 'commentRequired' } } })
    expect(await recordComment({ actor: staff, now: NOW, ip: null }, readCommentForm(formData({ assignmentId, body: 'x'.repeat(2001) })).input)).toMatchObject({ kind: 'invalid', problems: { body: { code: 'commentTooLong' } } })
    expect(await database.db.comment.count({ where: { assignmentId } })).toBe(0)
  })
})
