// The office enters a report a unit sent on paper or by phone: it must say how, the report is its
// own (author: the office user) marked as entered for the unit, the unit's staff are told, and
// every list of reports says so. On its own unit's assignments the office reports as itself.
import { randomUUID } from 'node:crypto'
import { createTranslator } from 'next-intl'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { assignmentRecord } from '@/lib/queries/assignment-detail'
import { memberPendingUpdates } from '@/lib/queries/member-progress'
import { pendingReviews } from '@/lib/queries/pending-reviews'
import { progressSource } from '@/lib/queries/progress-source'
import { notesAsOf } from '@/lib/queries/review-report'
import { taskHistory } from '@/lib/queries/task-progress'
import { unitAssignments } from '@/lib/queries/unit-assignments'
import { translatorFor } from '@/lib/reports/exports/table'
import { unitExport } from '@/lib/reports/exports/unit'
import { vi as messages } from '@/messages'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import type { ActionContext } from './context'
import { recordStatusUpdate } from './status-update'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z') // 10:00 in Ba Chẽ
const at = (actor: Actor): ActionContext => ({ actor, now: NOW, ip: '198.51.100.20' })
const validation = createTranslator({ locale: 'vi', messages, namespace: 'validation' })

let office: Actor & { displayName: string }
let inCharge: Actor & { displayName: string }
let memberId: string
let staff: Actor & { displayName: string }
let otherStaff: Actor & { displayName: string }
let retiredStaff: Actor & { displayName: string }
let taskId: string
let groupId: string
let minhCamId: string
let minhCamCode: string
let officeUnitId: string

function report(assignmentId: string, fields: Record<string, string>) {
  return readStatusUpdateForm(formData({ assignmentId, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '40', ...fields })).input
}

async function communeAssignment() {
  const task = await make.task({ groupId })
  return make.assignment({ taskId: task.id, unitId: minhCamId })
}

beforeAll(async () => {
  const member = await make.member('Đồng chí phụ trách Minh Cầm')
  memberId = member.id
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: member.id })
  minhCamId = minhCam.id
  minhCamCode = minhCam.code
  officeUnitId = (await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })).id
  office = await make.user({ role: 'OFFICE', unitId: officeUnitId, name: 'Chuyên viên Văn phòng' })
  inCharge = await make.user({ role: 'LEADER', unitId: district.id, memberId: member.id, name: 'Đồng chí phụ trách Minh Cầm' })
  staff = await make.user({ role: 'STAFF', unitId: minhCam.id, name: 'Cán bộ xã Minh Cầm' })
  otherStaff = await make.user({ role: 'STAFF', unitId: minhCam.id, name: 'Cán bộ thứ hai' })
  retiredStaff = await make.user({ role: 'STAFF', unitId: minhCam.id, name: 'Cán bộ đã nghỉ' })
  await database.db.user.update({ where: { id: retiredStaff.id }, data: { active: false } })
  groupId = (await make.group()).id
  taskId = (await make.task({ groupId })).id
})

describe("the office entering a commune's report", () => {
  test('without saying how the unit sent it, is told so in Vietnamese beside the field, and nothing is written', async () => {
    const a = await communeAssignment()
    const result = await recordStatusUpdate(at(office), report(a.id, { note: 'Xã báo qua điện thoại' }))
    expect(result.kind).toBe('invalid')
    const problem = result.kind === 'invalid' ? result.problems.onBehalfVia : undefined
    expect(problem && validation(problem.code)).toBe('Chọn cách đơn vị đã gửi báo cáo này (văn bản giấy hoặc điện thoại).')
    expect(await database.db.statusUpdate.count({ where: { assignmentId: a.id } })).toBe(0)
    expect(await database.db.auditEvent.count({ where: { entityId: a.id, action: 'statusUpdate.create' } })).toBe(0)
    expect(await database.db.notification.count({ where: { assignmentId: a.id } })).toBe(0)
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ version: 0, status: 'NOT_STARTED' })
  })

  test('a channel that is neither paper nor phone is refused the same way', async () => {
    const a = await communeAssignment()
    const result = await recordStatusUpdate(at(office), report(a.id, { onBehalfVia: 'EMAIL' }))
    expect(result).toMatchObject({ kind: 'invalid', problems: { onBehalfVia: { code: 'onBehalfViaRequired' } } })
    expect(await database.db.statusUpdate.count({ where: { assignmentId: a.id } })).toBe(0)
  })

  test('by phone: saved as the office user, marked, audited; the active staff are told and the confirmer asked', async () => {
    const a = await communeAssignment()
    const result = await recordStatusUpdate(at(office), report(a.id, { onBehalfVia: 'PHONE', note: 'Đồng chí Bí thư xã báo qua điện thoại' }))
    expect(result.kind).toBe('saved')
    const saved = await database.db.statusUpdate.findFirstOrThrow({ where: { assignmentId: a.id } })
    expect(saved).toMatchObject({ authorId: office.id, onBehalfVia: 'PHONE', status: 'IN_PROGRESS', progress: 40, reviewState: 'PENDING' })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ version: 1, lastUpdateById: office.id })
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: 'statusUpdate.create' } })
    expect(audit.actorId).toBe(office.id)
    expect(audit.after).toMatchObject({ statusUpdateId: saved.id, onBehalfVia: 'PHONE' })
    const told = await database.db.notification.findMany({ where: { assignmentId: a.id }, select: { recipientId: true, kind: true, statusUpdateId: true, actorId: true } })
    expect(told.map((n) => [n.kind, n.recipientId]).sort()).toEqual(
      [
        ['REPORT_AWAITING_CONFIRMATION', inCharge.id],
        ['REPORT_ENTERED_ON_BEHALF', staff.id],
        ['REPORT_ENTERED_ON_BEHALF', otherStaff.id],
      ].sort(),
    )
    expect(told.every((n) => n.statusUpdateId === saved.id && n.actorId === office.id)).toBe(true)
  })

  test("a commune clerk saving over it is shown who entered it for the unit, and how the unit sent it", async () => {
    const a = await communeAssignment()
    expect((await recordStatusUpdate(at(office), report(a.id, { onBehalfVia: 'PHONE', note: 'Xã báo qua điện thoại.' }))).kind).toBe('saved')
    const answer = await recordStatusUpdate(at(staff), report(a.id, { progress: '50' }))
    expect(answer.kind).toBe('conflict')
    if (answer.kind === 'conflict')
      expect(answer.current).toMatchObject({ authorName: 'Chuyên viên Văn phòng', onBehalfVia: 'PHONE', unitName: 'Xã Minh Cầm', note: 'Xã báo qua điện thoại.', progress: 40 })
  })

  test('on paper: saved with the paper channel', async () => {
    const a = await communeAssignment()
    expect((await recordStatusUpdate(at(office), report(a.id, { onBehalfVia: 'PAPER' }))).kind).toBe('saved')
    expect(await database.db.statusUpdate.findFirstOrThrow({ where: { assignmentId: a.id } })).toMatchObject({ authorId: office.id, onBehalfVia: 'PAPER' })
  })
})

describe('reporting for its own unit', () => {
  test('the office reports as itself: no channel asked, any given one ignored, nobody told it was entered for them', async () => {
    const own = await make.assignment({ taskId, unitId: officeUnitId })
    expect((await recordStatusUpdate(at(office), report(own.id, { onBehalfVia: 'PAPER' }))).kind).toBe('saved')
    expect(await database.db.statusUpdate.findFirstOrThrow({ where: { assignmentId: own.id } })).toMatchObject({ authorId: office.id, onBehalfVia: null })
    expect(await database.db.notification.count({ where: { assignmentId: own.id, kind: 'REPORT_ENTERED_ON_BEHALF' } })).toBe(0)
  })

  test("the commune's staff report as themselves: no channel is needed", async () => {
    const a = await communeAssignment()
    expect((await recordStatusUpdate(at(staff), report(a.id, {}))).kind).toBe('saved')
    expect(await database.db.statusUpdate.findFirstOrThrow({ where: { assignmentId: a.id } })).toMatchObject({ authorId: staff.id, onBehalfVia: null })
  })
})

describe('every list of reports says who entered it and how the unit sent it', () => {
  let assignmentId: string
  let entered: string
  let own: string

  beforeAll(async () => {
    const a = await make.assignment({ taskId, unitId: minhCamId })
    assignmentId = a.id
    const first = await recordStatusUpdate(at(staff), readStatusUpdateForm(formData({ assignmentId, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '20', note: 'Tự báo cáo' })).input)
    const second = await recordStatusUpdate(
      { ...at(office), now: new Date(NOW.getTime() + 60_000) },
      readStatusUpdateForm(formData({ assignmentId, baseVersion: '1', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '50', onBehalfVia: 'PAPER', note: 'Theo công văn của xã' })).input,
    )
    if (first.kind !== 'saved' || second.kind !== 'saved') throw new Error('the reports were not saved')
    own = first.updateId
    entered = second.updateId
  })

  test("the assignment's history", async () => {
    const record = await assignmentRecord(staff, assignmentId)
    expect(record?.history.map((e) => [e.id, e.author.name, e.onBehalfVia])).toEqual([
      [entered, 'Chuyên viên Văn phòng', 'PAPER'],
      [own, 'Cán bộ xã Minh Cầm', null],
    ])
  })

  test("the task's recent reports", async () => {
    const rows = await taskHistory(progressSource(null, NOW), inCharge, taskId, 10)
    expect(rows.filter((r) => r.id === entered || r.id === own).map((r) => [r.id, r.authorName, r.onBehalfVia])).toEqual([
      [entered, 'Chuyên viên Văn phòng', 'PAPER'],
      [own, 'Cán bộ xã Minh Cầm', null],
    ])
  })

  test("the confirmer's queue and the member page's waiting list", async () => {
    const queue = await pendingReviews(inCharge, 100, 0)
    expect(queue.rows.filter((r) => r.id === entered || r.id === own).map((r) => [r.id, r.authorName, r.onBehalfVia])).toEqual([
      [own, 'Cán bộ xã Minh Cầm', null],
      [entered, 'Chuyên viên Văn phòng', 'PAPER'],
    ])
    const waiting = await memberPendingUpdates(progressSource(null, NOW), memberId, 100)
    expect(waiting.rows.filter((r) => r.id === entered).map((r) => [r.authorName, r.onBehalfVia])).toEqual([['Chuyên viên Văn phòng', 'PAPER']])
  })

  test("the review report's quoted note", async () => {
    const notes = await notesAsOf(inCharge, [assignmentId], new Date(NOW.getTime() + 120_000))
    expect(notes.get(assignmentId)).toEqual({ text: 'Theo công văn của xã', onBehalf: { authorName: 'Chuyên viên Văn phòng', via: 'PAPER' } })
  })

  test("the unit's list and its export, for a reader of the details only", async () => {
    const source = progressSource(null, new Date(NOW.getTime() + 120_000))
    const latest = async (reader: Actor) => (await unitAssignments(source, minhCamCode, reader))?.groups.flatMap((g) => g.assignments).find((a) => a.id === assignmentId)
    expect((await latest(staff))?.latestOnBehalf).toEqual({ authorName: 'Chuyên viên Văn phòng', via: 'PAPER' })
    const stranger = await make.user({ role: 'STAFF', unitId: (await make.unit({ name: 'Xã Nam Sơn' })).id })
    expect((await latest(stranger))?.latestOnBehalf).toBeNull()

    const sheet = (await unitExport(minhCamCode, translatorFor('vi'), new Date(NOW.getTime() + 120_000), new URLSearchParams(), staff))?.sheets[0]
    const cells: unknown[] = []
    for await (const row of sheet?.rows ?? []) cells.push(...row)
    expect(cells).toContain('Chờ xác nhận (Chuyên viên Văn phòng, nhập thay cho Xã Minh Cầm, theo văn bản giấy)')
  })
})
