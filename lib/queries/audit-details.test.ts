// The audit trail reads an assignment's details under READ_RULES 'assignment.readDetails', like the
// assignment's page: an event on an assignment outside the reader's scope is listed, but its
// reviewer's reason, evidence file names and published thread are withheld. The events are written
// by the app's own actions.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { recordComment } from '@/lib/actions/comment'
import { publishQuestion } from '@/lib/actions/question-publish'
import { recordReview } from '@/lib/actions/review'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import type { AuditFilter } from '@/lib/audit/events'
import { readCommentForm } from '@/lib/validation/comment'
import { readQuestionPublishForm } from '@/lib/validation/question-publish'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData, pdfFile } from '@/test/helpers/factories'
import { auditEventPage, type AuditEventRow } from './audit-events'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const LATER = new Date('2026-11-29T03:00:00Z')

/** Each assignment's report (with one evidence file) and the reason it was returned. */
type Reported = { assignmentId: string; updateId: string; fileName: string; reason: string }

let readers!: { inChargeOfA: Actor; inChargeOfB: Actor; groupLead: Actor; office: Actor; admin: Actor }
/** Commune A's and commune B's assignments of a task of no one's group, and of a task of the led group. */
let plain!: { a: Reported; b: Reported }
let led!: { a: Reported; b: Reported }
let thread!: { questionId: string; answerId: string; publishedId: string }

const at = (actor: Actor, now = NOW) => ({ actor, now, ip: '203.0.113.9' })

async function reportAndReturn(unit: { id: string; code: string; staff: Actor }, taskId: string, confirmer: Actor): Promise<Reported> {
  const assignment = await make.assignment({ taskId, unitId: unit.id })
  const fileName = `Biên bản họp ${unit.code}.pdf`
  const form = formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '40', files: [pdfFile(fileName)] })
  const saved = await recordStatusUpdate(at(unit.staff), readStatusUpdateForm(form).input)
  if (saved.kind !== 'saved') throw new Error(`report not saved: ${saved.kind}`)
  const reason = `Biên bản của ${unit.code} thiếu chữ ký của chủ trì cuộc họp.`
  const returned = await recordReview(at(confirmer, LATER), readReviewForm(formData({ updateId: saved.updateId, decision: 'RETURN', reason })).input)
  if (returned.kind !== 'saved') throw new Error(`report not returned: ${returned.kind}`)
  return { assignmentId: assignment.id, updateId: saved.updateId, fileName, reason }
}

beforeAll(async () => {
  const [memberA, memberB, memberG] = await Promise.all([make.member('Phụ trách xã A'), make.member('Phụ trách xã B'), make.member('Trưởng nhóm')])
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const [unitA, unitB] = await Promise.all([make.unit({ name: 'Xã A', inChargeMemberId: memberA.id }), make.unit({ name: 'Xã B', inChargeMemberId: memberB.id })])
  const leader = (memberId: string) => make.user({ role: 'LEADER', unitId: district.id, memberId })
  readers = {
    inChargeOfA: await leader(memberA.id),
    inChargeOfB: await leader(memberB.id),
    groupLead: await leader(memberG.id),
    office: await make.user({ role: 'OFFICE', unitId: district.id }),
    admin: await make.user({ role: 'ADMIN', unitId: district.id }),
  }
  const a = { ...unitA, staff: await make.user({ role: 'STAFF', unitId: unitA.id }) }
  const b = { ...unitB, staff: await make.user({ role: 'STAFF', unitId: unitB.id }) }
  const plainTask = await make.task({ groupId: (await make.group()).id })
  const ledTask = await make.task({ groupId: (await make.group(memberG.id)).id })
  // The member in charge of each commune confirms its reports, the led group's too.
  plain = { a: await reportAndReturn(a, plainTask.id, readers.inChargeOfA), b: await reportAndReturn(b, plainTask.id, readers.inChargeOfB) }
  led = { a: await reportAndReturn(a, ledTask.id, readers.inChargeOfA), b: await reportAndReturn(b, ledTask.id, readers.inChargeOfB) }

  // Commune B asks, the office answers and publishes the thread without naming the commune.
  const asked = await recordComment(at(b.staff), readCommentForm(formData({ assignmentId: plain.b.assignmentId, body: 'Xin hướng dẫn lấy phiếu tín nhiệm?' })).input)
  const answered = await recordComment(at(readers.office, LATER), readCommentForm(formData({ assignmentId: plain.b.assignmentId, body: 'Thực hiện theo Hướng dẫn số 05.' })).input)
  if (asked.kind !== 'saved' || answered.kind !== 'saved') throw new Error('thread not saved')
  const published = await publishQuestion(at(readers.office, LATER), readQuestionPublishForm(formData({ questionId: asked.commentId, answerId: answered.commentId })).input)
  if (published.kind !== 'published') throw new Error(`not published: ${published.kind}`)
  thread = { questionId: asked.commentId, answerId: answered.commentId, publishedId: published.publishedId }
})

/** The events the reader's audit page lists for this filter, by the id of the record each names. */
async function eventsBy(reader: Actor, filter: AuditFilter): Promise<Map<string | null, AuditEventRow>> {
  const page = await auditEventPage(reader, filter, 1)
  return new Map(page.events.map((e) => [e.entityId, e]))
}

const returns = (reader: Actor) => eventsBy(reader, { action: 'statusUpdate.review' })
const reports = (reader: Actor) => eventsBy(reader, { action: 'statusUpdate.create' })

/** A return as its reader reads it: the reason, or that it was withheld. */
function readReturn(event: AuditEventRow | undefined) {
  return { after: event?.after, withheld: event?.withheld }
}
const returnRead = (r: Reported) => ({ after: { reviewState: 'RETURNED', reviewNote: r.reason, assignmentRevertedTo: expect.anything() }, withheld: [] })
const returnWithheld = { after: { reviewState: 'RETURNED', assignmentRevertedTo: expect.anything() }, withheld: ['reviewNote'] }

describe("a return's reason in the audit trail", () => {
  test('the leader in charge of commune A reads the reason of a return on A; on B the return is listed, by whom and on which assignment, without its reason', async () => {
    const events = await returns(readers.inChargeOfA)
    expect(events.size).toBe(4)
    expect(readReturn(events.get(plain.a.updateId))).toEqual(returnRead(plain.a))
    const other = events.get(plain.b.updateId)
    expect(readReturn(other)).toEqual(returnWithheld)
    expect(other).toMatchObject({ actor: { displayName: 'Người dùng LEADER' }, before: { reviewState: 'PENDING' }, assignment: { updateId: plain.b.updateId } })
    expect(JSON.stringify(other)).not.toContain(plain.b.reason)
  })

  test('the office and an administrator read every reason', async () => {
    for (const reader of [readers.office, readers.admin]) {
      const events = await returns(reader)
      for (const r of [plain.a, plain.b, led.a, led.b]) expect(readReturn(events.get(r.updateId))).toEqual(returnRead(r))
    }
  })

  test("the lead of a task group reads the reasons of that group's returns in every commune, and no other", async () => {
    const events = await returns(readers.groupLead)
    expect(readReturn(events.get(led.a.updateId))).toEqual(returnRead(led.a))
    expect(readReturn(events.get(led.b.updateId))).toEqual(returnRead(led.b))
    expect(readReturn(events.get(plain.a.updateId))).toEqual(returnWithheld)
    expect(readReturn(events.get(plain.b.updateId))).toEqual(returnWithheld)
  })

  test('the paging and the filters count the withheld events like any other', async () => {
    for (const reader of Object.values(readers)) {
      const page = await auditEventPage(reader, { action: 'statusUpdate.review' }, 1)
      expect({ total: page.total, listed: page.events.length }).toEqual({ total: 4, listed: 4 })
    }
  })
})

describe("a report's evidence file names in the audit trail", () => {
  const fileNames = (event: AuditEventRow | undefined) => {
    const after = event?.after
    return typeof after === 'object' && after !== null && 'attachments' in after ? after.attachments : 'withheld'
  }

  test('the leader in charge of commune A reads the names of the files A sent; of B, the report with its status and progress only', async () => {
    const events = await reports(readers.inChargeOfA)
    expect(fileNames(events.get(plain.a.assignmentId))).toEqual([{ fileName: plain.a.fileName, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    const other = events.get(plain.b.assignmentId)
    expect(fileNames(other)).toBe('withheld')
    expect(other?.withheld).toEqual(['attachments'])
    expect(other?.after).toMatchObject({ status: 'IN_PROGRESS', progress: 40, statusUpdateId: plain.b.updateId })
    expect(JSON.stringify(other)).not.toContain(plain.b.fileName)
  })

  test('the office and an administrator read them all; the lead of the group, those of its tasks in every commune', async () => {
    for (const reader of [readers.office, readers.admin]) {
      const events = await reports(reader)
      for (const r of [plain.a, plain.b, led.a, led.b]) expect(fileNames(events.get(r.assignmentId))).toEqual([expect.objectContaining({ fileName: r.fileName })])
    }
    const events = await reports(readers.groupLead)
    for (const r of [led.a, led.b]) expect(fileNames(events.get(r.assignmentId))).toEqual([expect.objectContaining({ fileName: r.fileName })])
    for (const r of [plain.a, plain.b]) expect(fileNames(events.get(r.assignmentId))).toBe('withheld')
  })
})

describe('a published question in the audit trail', () => {
  test('who reads the thread sees what was published and where it was asked; anyone else sees that a question was published, not which', async () => {
    const published = { questionId: thread.questionId, answerId: thread.answerId, showUnit: false }
    for (const reader of [readers.inChargeOfB, readers.office, readers.admin]) {
      const event = (await eventsBy(reader, { action: 'question.publish' })).get(thread.publishedId)
      expect(event).toMatchObject({ after: published, withheld: [], assignment: { updateId: null } })
    }
    const event = (await eventsBy(readers.inChargeOfA, { action: 'question.publish' })).get(thread.publishedId)
    // The public list does not name the commune, so neither does this row.
    expect(event).toMatchObject({ entity: 'PublishedQuestion', after: {}, withheld: ['answerId', 'questionId', 'showUnit'], assignment: null })
  })
})

describe('events the rules do not name', () => {
  test('an action the list does not know, or a record not found, keeps its fields for those who read every assignment', async () => {
    const d = database.db
    const at = new Date('2025-01-01T00:00:00Z')
    await d.auditEvent.createMany({
      data: [
        { createdAt: at, action: 'assignment.archive', entity: 'Assignment', entityId: plain.b.assignmentId, after: { note: 'Ghi chú nội bộ' } },
        { createdAt: at, action: 'statusUpdate.review', entity: 'StatusUpdate', entityId: randomUUID(), after: { reviewState: 'RETURNED', reviewNote: 'Lý do' } },
      ],
    })
    const leader = await auditEventPage(readers.inChargeOfA, { to: '2025-01-01' }, 1)
    expect(leader.events.map((e) => [e.action, e.after, e.withheld])).toEqual([
      ['statusUpdate.review', { reviewState: 'RETURNED' }, ['reviewNote']],
      ['assignment.archive', null, ['note']],
    ])
    const office = await auditEventPage(readers.office, { to: '2025-01-01' }, 1)
    expect(office.events.map((e) => e.withheld)).toEqual([[], []])
  })
})
