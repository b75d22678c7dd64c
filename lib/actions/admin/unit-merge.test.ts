// Merges of units: previewed without a write, applied in one transaction with the audit
// row; pages read as of the day before stay as they were, from the day on one successor carries
// the work; accounts move or are deactivated; bad input is refused with nothing written.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findActor, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import { fullReader } from '@/test/helpers/reader'
import { createMailQueue, startMailQueue } from '@/lib/mail/queue'
import { addDays, districtDay, endOfDistrictDay } from '@/lib/domain/calendar'
import { recordReview } from '@/lib/actions/review'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import { assignmentDetail, assignmentRecord } from '@/lib/queries/assignment-detail'
import { registerRows } from '@/lib/queries/assignment-register'
import { communeProgressList } from '@/lib/queries/communes'
import { progressByGroup } from '@/lib/queries/district-overview'
import { inChargeUnitProgress, memberOverdueAssignments, memberPendingUpdates, memberSummaries } from '@/lib/queries/member-progress'
import { pendingReviews } from '@/lib/queries/pending-reviews'
import { fromHistory, fromKeptCounts, type ProgressSource } from '@/lib/queries/progress-source'
import { questionThreads } from '@/lib/queries/questions'
import { reportingRate } from '@/lib/queries/reporting-rate'
import { search } from '@/lib/queries/search'
import { currentCodeFor, unitChangesDue, unitHistory } from '@/lib/queries/unit-history'
import { taskExport } from '@/lib/reports/exports/task'
import { translatorFor, type ExportDocument } from '@/lib/reports/exports/table'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { DAY_COUNTS, writeGuard } from '@/test/helpers/write-guard'
import { adminValues } from './test-form'
import { changeUnit } from './units'
import { applyDueUnitChanges } from './unit-changes-due'
import { applyUnitChangesDue, scheduleUnitChanges, UNIT_CHANGES_QUEUE } from './unit-changes-job'
import { mergeUnits } from './unit-merge'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const now = new Date()
const today = districtDay(now)
const REASON = 'Nghị quyết số 45/NQ-HĐND'
const reportDay = addDays(today, -3)
const mergeDay = addDays(today, -1)

let admin: Actor
let district: { id: string }
let group: { id: string }

beforeAll(async () => {
  district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  group = await make.group()
})

afterAll(() => guard.close())

/** Runs `request` and fails unless it wrote nothing but refusals' audit rows (a read may recount the day's counts). */
const withoutWrites = <R>(request: () => Promise<R>): Promise<R> => guard.checkAfresh(request, { tables: DAY_COUNTS })

const as = (actor: Actor) => ({ actor, now, ip: '198.51.100.7' })
const merge = (fields: Record<string, string | string[]>) => mergeUnits(as(admin), adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: mergeDay, ...fields }))

/** A report on an assignment at noon of `day`, and the assignment as the report leaves it. */
async function report(assignmentId: string, authorId: string, fields: { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress: number; indicatorActual?: string; note?: string }, day = reportDay) {
  const at = new Date(endOfDistrictDay(day).getTime() - 12 * 3600_000)
  await database.db.statusUpdate.create({ data: { assignmentId, authorId, ...fields, createdAt: at } })
  await database.db.assignment.update({ where: { id: assignmentId }, data: { status: fields.status, progress: fields.progress, indicatorActual: fields.indicatorActual ?? null, lastUpdateAt: at, completedAt: fields.status === 'DONE' ? at : null } })
}

/** Two communes with a task each of their own and one in common (with an indicator), each with an account, all reported three days ago. */
async function twoCommunes(prefix: string) {
  const a = await make.unit({ name: `${prefix} A` })
  const b = await make.unit({ name: `${prefix} B` })
  const [shared, onlyA, onlyB] = await Promise.all([make.task({ groupId: group.id, indicatorUnit: 'chi bộ' }), make.task({ groupId: group.id }), make.task({ groupId: group.id })])
  const [staffA, staffB] = await Promise.all([make.user({ role: 'STAFF', unitId: a.id, name: 'Cán bộ A' }), make.user({ role: 'STAFF', unitId: b.id, name: 'Cán bộ B' })])
  const aShared = await make.assignment({ taskId: shared.id, unitId: a.id })
  const aOwn = await make.assignment({ taskId: onlyA.id, unitId: a.id })
  const bShared = await make.assignment({ taskId: shared.id, unitId: b.id })
  await make.assignment({ taskId: onlyB.id, unitId: b.id })
  // Assigned before the days the pages are read as of.
  await database.db.assignment.updateMany({ where: { unitId: { in: [a.id, b.id] } }, data: { createdAt: endOfDistrictDay(addDays(today, -10)) } })
  await report(aShared.id, staffA.id, { status: 'IN_PROGRESS', progress: 40, indicatorActual: '3.50', note: 'A đã kiện toàn 3 chi bộ.' })
  await report(aOwn.id, staffA.id, { status: 'DONE', progress: 100 })
  await report(bShared.id, staffB.id, { status: 'BLOCKED', progress: 20, indicatorActual: '2', note: 'B chờ hướng dẫn của huyện.' })
  return { a, b, shared, onlyA, onlyB, staffA, staffB, aShared, bShared }
}

const communeRow = async (source: ProgressSource, id: string) => (await communeProgressList(source, 'list')).find((c) => c.unitId === id)
const pages = async (day: string) => ({ communes: await communeProgressList(fromHistory(day), 'list'), district: await progressByGroup(fromHistory(day), null) })

describe('a merge of two communes into a new one', () => {
  test('keeps every page as of the day before as it was; from the day on one successor carries the sum of the work', async () => {
    const c = await twoCommunes('Xã Thanh')
    const dayBefore = addDays(mergeDay, -1)
    const before = await pages(dayBefore)
    const todayBefore = await communeProgressList(fromKeptCounts(today, now), 'list')
    const reportsBefore = await database.db.statusUpdate.findMany({ where: { assignment: { unitId: { in: [c.a.id, c.b.id] } } }, orderBy: { id: 'asc' } })

    const preview = await withoutWrites(() => mergeUnits(as(admin), adminValues({ kind: 'MERGE', intent: 'preview', id: c.a.id, otherIds: [c.b.id], newName: 'Xã Thanh Mới', newCode: 'xa-thanh-moi', effectiveDate: mergeDay, reason: REASON })))
    expect(preview).toMatchObject({ kind: 'saved', applied: false, plan: { merged: [{ id: c.a.id }, { id: c.b.id }], successor: { isNew: true, name: 'Xã Thanh Mới', kind: 'COMMUNE' } } })
    const planned = preview.kind === 'saved' ? preview.plan : null
    expect(planned?.assignments.find((x) => x.taskId === c.shared.id)).toMatchObject({ status: 'BLOCKED', progress: 20, indicatorActual: '5.50', existing: null })
    expect(planned?.accounts.map((u) => u.id).sort()).toEqual([c.staffA.id, c.staffB.id].sort())

    const applied = await merge({ id: c.a.id, otherIds: [c.b.id], newName: 'Xã Thanh Mới', newCode: 'xa-thanh-moi', moveUserIds: [c.staffA.id] })
    expect(applied).toMatchObject({ kind: 'saved', applied: true, successorCode: 'xa-thanh-moi' })
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-thanh-moi' } })

    // As of the day before: identical, to the last figure; the successor is not there yet.
    expect(await pages(dayBefore)).toEqual(before)
    expect(before.communes.map((r) => r.unitId)).toEqual(expect.arrayContaining([c.a.id, c.b.id]))

    // From the day on (as of the day, and today): one successor, whose counts are those of the tasks combined.
    for (const source of [fromHistory(mergeDay), fromKeptCounts(today, now)]) {
      const list = await communeProgressList(source, 'list')
      expect(list.map((r) => r.unitId)).not.toContain(c.a.id)
      expect(list.map((r) => r.unitId)).not.toContain(c.b.id)
      expect(list).toHaveLength(todayBefore.length - 1)
      expect(await communeRow(source, successor.id)).toMatchObject({ name: 'Xã Thanh Mới', assigned: 3, doneOnTime: 1, blocked: 1, notStarted: 1, inProgress: 0 })
    }
    // The district's indicator figure is the predecessors' sum, before and after.
    const indicator = async (source: ProgressSource) => (await database.db.$queryRaw<{ sum: string }[]>`
      SELECT sum(a."indicatorActual")::text AS sum FROM ${source.assignments} a JOIN "Unit" u ON u.id = a."unitId" WHERE a."taskId" = ${c.shared.id}::uuid AND ${source.unitCounted()}`)[0]?.sum
    expect(await indicator(fromHistory(dayBefore))).toBe('5.50')
    expect(await indicator(fromKeptCounts(today, now))).toBe('5.50')

    // The reports stay with the units that made them; the predecessors are inactive.
    expect(await database.db.statusUpdate.findMany({ where: { assignment: { unitId: { in: [c.a.id, c.b.id] } } }, orderBy: { id: 'asc' } })).toEqual(reportsBefore)
    expect(await database.db.unit.findMany({ where: { id: { in: [c.a.id, c.b.id] } }, select: { active: true } })).toEqual([{ active: false }, { active: false }])

    // The combined assignment: its first report is the administrator's, confirmed, quoting both notes.
    const combined = await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.shared.id, unitId: successor.id } }, include: { updates: true } })
    expect(combined).toMatchObject({ status: 'BLOCKED', progress: 20, lastUpdateById: admin.id })
    expect(combined.indicatorActual?.toString()).toBe('5.5')
    expect(combined.updates).toHaveLength(1)
    expect(combined.updates[0]).toMatchObject({ authorId: admin.id, status: 'BLOCKED', reviewState: 'CONFIRMED' })
    expect(combined.updates[0]?.note).toContain('A đã kiện toàn 3 chi bộ.')
    expect(combined.updates[0]?.note).toContain('B chờ hướng dẫn của huyện.')
    expect(combined.updates[0]?.note).toContain(REASON)

    // Accounts: the one ticked moved, the other deactivated.
    expect(await database.db.user.findUniqueOrThrow({ where: { id: c.staffA.id } })).toMatchObject({ unitId: successor.id, active: true })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: c.staffB.id } })).toMatchObject({ unitId: c.b.id, active: false })

    // The pages say so both ways, and the old commune address leads to the successor.
    expect(await unitHistory(c.a.id, today)).toMatchObject({ mergedInto: { name: 'Xã Thanh Mới', code: 'xa-thanh-moi', day: mergeDay }, mergedFrom: [] })
    expect(await unitHistory(c.a.id, dayBefore)).toMatchObject({ mergedInto: null })
    expect((await unitHistory(successor.id, today))?.mergedFrom.map((m) => m.code).sort()).toEqual([c.a.code, c.b.code].sort())
    expect(await currentCodeFor(fullReader, c.a.code, today)).toBe('xa-thanh-moi')

    // The audit row, and the change with both sides.
    const [event] = await database.db.auditEvent.findMany({ where: { action: 'unit.merge', entityId: successor.id } })
    expect(event).toMatchObject({ actorId: admin.id, ip: '198.51.100.7', after: { effectiveDate: mergeDay, reason: REASON, movedUsers: [c.staffA.id], deactivatedUsers: [c.staffB.id] } })
    const stored = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'MERGE', parts: { some: { unitId: successor.id } } }, include: { parts: true } })
    expect(stored.parts.map((p) => `${p.side} ${p.unitId}`).sort()).toEqual([`AFTER ${successor.id}`, `BEFORE ${c.a.id}`, `BEFORE ${c.b.id}`].sort())
  })
})

describe('a merge into an existing unit', () => {
  test('one of the communes takes the other: its own assignment of the common task is the combined one, its history kept', async () => {
    const c = await twoCommunes('Xã Đồn')
    const member = await make.member('Ủy viên phụ trách mới')
    expect(await merge({ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, inChargeMemberId: member.id, moveUserIds: [c.staffB.id] })).toMatchObject({ kind: 'saved', successorCode: c.a.code })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.a.id } })).toMatchObject({ active: true, inChargeMemberId: member.id })
    const shared = await database.db.assignment.findUniqueOrThrow({ where: { id: c.aShared.id }, include: { updates: { orderBy: { createdAt: 'asc' } } } })
    expect(shared.updates.map((u) => u.authorId)).toEqual([c.staffA.id, admin.id])
    expect(shared).toMatchObject({ status: 'BLOCKED', progress: 20 })
    expect(await communeRow(fromKeptCounts(today, now), c.a.id)).toMatchObject({ assigned: 3 })
    expect(await communeRow(fromHistory(addDays(mergeDay, -1)), c.a.id)).toMatchObject({ assigned: 2, inProgress: 1, doneOnTime: 1 })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: c.staffB.id } })).toMatchObject({ unitId: c.a.id, active: true })
  })
})

describe('the reads of a merged unit', () => {
  /** Two communes in the charge of one member, merged into a new one in the member's charge; the reports made before wait for the member. */
  async function mergedInCharge(prefix: string, code: string) {
    const c = await twoCommunes(prefix)
    const member = await make.member(`Ủy viên phụ trách ${prefix}`)
    await database.db.unit.updateMany({ where: { id: { in: [c.a.id, c.b.id] } }, data: { inChargeMemberId: member.id } })
    const leader = await make.user({ role: 'LEADER', unitId: district.id, memberId: member.id, name: member.name })
    const mergeIt = async () => {
      expect(await merge({ id: c.a.id, otherIds: [c.b.id], newName: `${prefix} Mới`, newCode: code, inChargeMemberId: member.id })).toMatchObject({ kind: 'saved', applied: true })
      return database.db.unit.findUniqueOrThrow({ where: { code } })
    }
    return { ...c, member, leader, mergeIt }
  }

  test('as of the day before, the member page, the register and the reporting rate count the merged units as they were; from the day on, the successor', async () => {
    const c = await mergedInCharge('Xã Hà', 'xa-ha-moi')
    const dayBefore = addDays(mergeDay, -1)
    const memberPage = async (source: ProgressSource) => ({
      summary: await memberSummaries(source, c.member.id),
      units: await inChargeUnitProgress(source, c.member.id, null),
      pending: await memberPendingUpdates(source, c.member.id, 10),
      overdue: await memberOverdueAssignments(source, c.member.id, 10),
    })
    const register = async (source: ProgressSource) => {
      const names: string[] = []
      for await (const batch of registerRows(source, 100)) names.push(...batch.map((row) => row.unitName).filter((name) => name.startsWith('Xã Hà')))
      return names.sort()
    }
    // The period from the reports to today, over the units of the day it is read as of.
    const rate = (day: string) => reportingRate(reportDay, today, day, 1000, Prisma.sql`true`)
    const before = { page: await memberPage(fromHistory(dayBefore)), register: await register(fromHistory(dayBefore)), rate: await rate(dayBefore) }
    const rateToday = await rate(today)
    expect(before.page.units.map((u) => u.unitId).sort()).toEqual([c.a.id, c.b.id].sort())
    expect(before.page.summary).toMatchObject([{ assigned: 4, pending: 3 }])
    expect(before.register).toEqual(['Xã Hà A', 'Xã Hà A', 'Xã Hà B', 'Xã Hà B'])

    const successor = await c.mergeIt()

    // As of the day before: as it was, to the last figure.
    expect(await memberPage(fromHistory(dayBefore))).toEqual(before.page)
    expect(await register(fromHistory(dayBefore))).toEqual(before.register)
    expect(await rate(dayBefore)).toEqual(before.rate)
    // From the day on: the successor's work; the reports the merged units made still wait for the member.
    for (const source of [fromHistory(mergeDay), fromKeptCounts(today, now)]) {
      const page = await memberPage(source)
      expect(page.units.map((u) => [u.unitId, u.name, u.assigned])).toEqual([[successor.id, 'Xã Hà Mới', 3]])
      expect(page.summary).toMatchObject([{ assigned: 3, pending: 3 }])
      expect(page.pending.rows.map((r) => r.unitName).sort()).toEqual(['Xã Hà A', 'Xã Hà A', 'Xã Hà B'])
      expect(await register(source)).toEqual(['Xã Hà Mới', 'Xã Hà Mới', 'Xã Hà Mới'])
    }
    // Two communes that reported become one that reported (the merge's own report carries their work on).
    expect(await rate(today)).toMatchObject({ expected: rateToday.expected - 1, reported: rateToday.reported - 1 })
  })

  test("the merged unit's task page opens read-only with its history; its waiting report is still confirmed; a new report on it is refused as missing", async () => {
    const c = await mergedInCharge('Xã Vân', 'xa-van-moi')
    const office = await make.user({ role: 'OFFICE', unitId: district.id })
    await c.mergeIt()

    // The page the merged unit's links lead to, and the successor's, which takes the reports now.
    expect(await assignmentDetail(fullReader, c.a.code, c.shared.code)).toMatchObject({ id: c.aShared.id, open: false, unit: { code: c.a.code, name: 'Xã Vân A' } })
    const carried = await assignmentDetail(fullReader, 'xa-van-moi', c.shared.code)
    expect(carried).toMatchObject({ open: true, status: 'BLOCKED' })
    const history = (await assignmentRecord(c.leader, c.aShared.id))?.history
    expect(history?.map((h) => [h.note, h.review.state, h.review.confirmerName])).toEqual([['A đã kiện toàn 3 chi bộ.', 'PENDING', c.member.name]])

    // Made before the merge, its reports still wait in the member's queue and are confirmed there.
    const queue = await pendingReviews(c.leader, 50, 0)
    expect(queue.rows.map((r) => r.unit.code).sort()).toEqual([c.a.code, c.a.code, c.b.code].sort())
    const waiting = queue.rows.find((r) => r.unit.code === c.a.code && r.task.code === c.shared.code)
    const confirmed = await recordReview(as(c.leader), readReviewForm(formData({ updateId: waiting?.id ?? '', decision: 'CONFIRM' })).input)
    expect(confirmed).toMatchObject({ kind: 'saved', path: { unitCode: c.a.code, taskCode: c.shared.code } })
    expect((await pendingReviews(c.leader, 50, 0)).total).toBe(2)

    // Nobody reports on it any more: the office entering a phoned report is answered as for a missing record, and nothing is written.
    const phoned = (assignmentId: string, baseVersion: number) =>
      recordStatusUpdate(
        as(office),
        readStatusUpdateForm(formData({ assignmentId, baseVersion: String(baseVersion), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '50', onBehalfVia: 'PHONE', note: 'Xã báo qua điện thoại' })).input,
      )
    const version = (await database.db.assignment.findUniqueOrThrow({ where: { id: c.aShared.id } })).version
    expect(await phoned(c.aShared.id, version)).toEqual({ kind: 'notFound' })
    expect(await database.db.statusUpdate.count({ where: { assignmentId: c.aShared.id } })).toBe(1)
    expect(await database.db.auditEvent.count({ where: { action: 'statusUpdate.create.refused', entityId: c.aShared.id, actorId: office.id } })).toBe(1)
    expect(await phoned(carried?.id ?? '', carried?.version ?? 0)).toMatchObject({ kind: 'saved', path: { unitCode: 'xa-van-moi' } })

    // A question put to it before the merge stays listed, and its page opens.
    await database.db.comment.create({ data: { assignmentId: c.aShared.id, authorId: c.staffA.id, body: 'Xin hướng dẫn biểu mẫu?', createdAt: endOfDistrictDay(addDays(mergeDay, -1)) } })
    const threads = await questionThreads(c.leader, { state: 'waiting', unit: c.a.code, group: null }, now, 10, 0)
    expect(threads.rows.map((t) => [t.unit.code, t.task.code])).toEqual([[c.a.code, c.shared.code]])

    // Search finds it by its name, marked merged; the successor is not.
    expect((await search(fullReader, 'Xã Vân')).filter((h) => h.kind === 'unit').map((h) => [h.code, h.merged]).sort()).toEqual(
      [
        [c.a.code, true],
        [c.b.code, true],
        ['xa-van-moi', false],
      ].sort(),
    )
  })
})

describe('a merge dated ahead', () => {
  // Decided three days ago (the district's day then was reportDay), for two days later: its day is yesterday, and has come.
  const decidedAt = new Date(endOfDistrictDay(reportDay).getTime() - 3600_000)
  const aheadDay = addDays(reportDay, 2)
  const decide = (fields: Record<string, string | string[]>) =>
    mergeUnits({ actor: admin, now: decidedAt, ip: '198.51.100.7' }, adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: aheadDay, ...fields }))

  test('is saved with its choices, shows the units as they are until its day, then is applied once, with the work as it stands then', async () => {
    const c = await twoCommunes('Xã Kỳ')
    const member = await make.member('Ủy viên phụ trách Xã Kỳ')
    const between = addDays(reportDay, 1)
    const pagesOf = async (day: string) => ({ communes: (await communeProgressList(fromHistory(day), 'list')).filter((r) => r.name.startsWith('Xã Kỳ')), district: await progressByGroup(fromHistory(day), null) })
    const before = await pagesOf(reportDay)

    const preview = await withoutWrites(() => mergeUnits({ actor: admin, now: decidedAt, ip: null }, adminValues({ kind: 'MERGE', intent: 'preview', id: c.a.id, otherIds: [c.b.id], newName: 'Xã Kỳ Mới', newCode: 'xa-ky-moi', effectiveDate: aheadDay, reason: REASON })))
    expect(preview).toMatchObject({ kind: 'saved', applied: false, plan: { scheduled: true, changeId: null } })
    const saved = await decide({ id: c.a.id, otherIds: [c.b.id], newName: 'Xã Kỳ Mới', newCode: 'xa-ky-moi', inChargeMemberId: member.id, moveUserIds: [c.staffA.id] })
    expect(saved).toMatchObject({ kind: 'saved', applied: true, successorCode: 'xa-ky-moi', plan: { scheduled: true } })

    // Saved: the change waits, the new commune is made (its code kept) but does not stand, nothing moved, nobody told yet.
    const change = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'MERGE', parts: { some: { unitId: c.a.id } } }, include: { parts: true } })
    expect(change).toMatchObject({ appliedAt: null, plan: { id: c.a.id, otherIds: [c.b.id], successorId: null, inChargeMemberId: member.id, moveUserIds: [c.staffA.id] } })
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-ky-moi' } })
    expect(successor).toMatchObject({ active: false, inChargeMemberId: null })
    expect(change.parts.map((p) => `${p.side} ${p.unitId}`).sort()).toEqual([`AFTER ${successor.id}`, `BEFORE ${c.a.id}`, `BEFORE ${c.b.id}`].sort())
    expect(await database.db.unit.findMany({ where: { id: { in: [c.a.id, c.b.id] } }, select: { active: true } })).toEqual([{ active: true }, { active: true }])
    expect(await database.db.user.findMany({ where: { id: { in: [c.staffA.id, c.staffB.id] } }, select: { unitId: true, active: true }, orderBy: { displayName: 'asc' } })).toEqual([
      { unitId: c.a.id, active: true },
      { unitId: c.b.id, active: true },
    ])
    expect(await database.db.notification.count({ where: { unitChangeId: change.id } })).toBe(0)
    expect(await pagesOf(reportDay)).toEqual(before)
    expect(await unitHistory(c.a.id, between)).toMatchObject({ mergedInto: null, mergingInto: { name: 'Xã Kỳ Mới', code: 'xa-ky-moi', day: aheadDay, standing: false } })
    expect(await currentCodeFor(fullReader, c.a.code, between)).toBeNull()

    // Until its day B goes on reporting, and an account is made for A: the merge takes them as they stand on the day.
    await report(c.bShared.id, c.staffB.id, { status: 'IN_PROGRESS', progress: 60, indicatorActual: '4', note: 'B đã có hướng dẫn.' }, between)
    const newcomer = await make.user({ role: 'STAFF', unitId: c.a.id, name: 'Cán bộ A mới' })

    // Two requests on the day: one applies it, the other finds it applied.
    const applied = await Promise.all([applyDueUnitChanges(today, now), applyDueUnitChanges(today, now)])
    expect(applied.sort()).toEqual([0, 1])
    await unitChangesDue(today)
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: now })

    // Applied as decided, by the administrator who decided it.
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: successor.id } })).toMatchObject({ active: true, inChargeMemberId: member.id })
    expect(await database.db.unit.findMany({ where: { id: { in: [c.a.id, c.b.id] } }, select: { active: true } })).toEqual([{ active: false }, { active: false }])
    const combined = await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.shared.id, unitId: successor.id } }, include: { updates: true } })
    expect(combined).toMatchObject({ status: 'IN_PROGRESS', progress: 40, lastUpdateById: admin.id })
    expect(combined.indicatorActual?.toString()).toBe('7.5')
    expect(combined.updates).toHaveLength(1)
    expect(combined.updates[0]?.note).toContain('B đã có hướng dẫn.')
    expect(combined.updates[0]?.createdAt).toEqual(new Date(endOfDistrictDay(addDays(aheadDay, -1)).getTime() + 1))
    expect(await database.db.user.findMany({ where: { id: { in: [c.staffA.id, c.staffB.id, newcomer.id] } }, select: { displayName: true, unitId: true, active: true }, orderBy: { displayName: 'asc' } })).toEqual([
      { displayName: 'Cán bộ A', unitId: successor.id, active: true },
      { displayName: 'Cán bộ A mới', unitId: successor.id, active: true },
      { displayName: 'Cán bộ B', unitId: c.b.id, active: false },
    ])
    const events = await database.db.auditEvent.findMany({ where: { action: 'unit.merge', entityId: successor.id }, orderBy: { id: 'asc' } })
    expect(events.map((e) => [e.actorId, (e.after as { scheduled?: boolean }).scheduled ?? false])).toEqual([
      [admin.id, true],
      [admin.id, false],
    ])
    expect(events[1]).toMatchObject({ ip: null, after: { changeId: change.id, movedUsers: expect.arrayContaining([c.staffA.id, newcomer.id]), deactivatedUsers: [c.staffB.id] } })
    expect((events[1]?.after as { movedUsers: string[] }).movedUsers).toHaveLength(2)
    const told = await database.db.notification.findMany({ where: { unitChangeId: change.id }, select: { recipientId: true } })
    expect(told.map((n) => n.recipientId).sort()).toEqual([c.staffA.id, newcomer.id].sort())

    // The pages: as of the day before, the units as they were (B's later report in); from the day on, the successor.
    expect((await pagesOf(between)).communes.map((r) => r.unitId).sort()).toEqual([c.a.id, c.b.id].sort())
    expect((await pagesOf(aheadDay)).communes.map((r) => [r.unitId, r.assigned])).toEqual([[successor.id, 3]])
    expect(await unitHistory(c.a.id, today)).toMatchObject({ mergedInto: { code: 'xa-ky-moi', day: aheadDay }, mergingInto: null })
    expect(await currentCodeFor(fullReader, c.a.code, today)).toBe('xa-ky-moi')
  })

  test('is applied by the queue’s midnight job (district time) without a request; the day’s first request then finds nothing to do', async () => {
    const c = await twoCommunes('Xã Đêm')
    expect(await decide({ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id })).toMatchObject({ kind: 'saved', plan: { scheduled: true } })
    const boss = createMailQueue(database.url)
    await startMailQueue(boss)
    try {
      await scheduleUnitChanges(boss)
      expect((await boss.getSchedules()).find((s) => s.name === UNIT_CHANGES_QUEUE)).toMatchObject({ cron: '0 0 * * *', timezone: 'Asia/Ho_Chi_Minh' })
      // The worker's turn, by hand: the job as the schedule sends it, fetched, run, completed.
      await boss.send(UNIT_CHANGES_QUEUE, {})
      const [job] = await boss.fetch(UNIT_CHANGES_QUEUE)
      await applyUnitChangesDue(now)
      await boss.complete(UNIT_CHANGES_QUEUE, job!.id)
    } finally {
      await boss.stop({ graceful: false, wait: true })
    }
    const change = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'MERGE', parts: { some: { unitId: c.b.id } } } })
    expect(change.appliedAt).not.toBeNull()
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.b.id }, select: { active: true } })).toEqual({ active: false })
    expect(await applyDueUnitChanges(today, new Date())).toBe(0)
  })

  test('into an existing unit: the unit stays as it is until the day, then takes the work', async () => {
    const c = await twoCommunes('Xã Lạc')
    expect(await decide({ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, moveUserIds: [c.staffB.id] })).toMatchObject({ kind: 'saved', plan: { scheduled: true } })
    expect(await unitHistory(c.b.id, reportDay)).toMatchObject({ mergingInto: { code: c.a.code, day: aheadDay, standing: true } })
    expect(await unitHistory(c.a.id, reportDay)).toMatchObject({ mergingInto: null })
    expect(await applyDueUnitChanges(today, now)).toBe(1)
    const shared = await database.db.assignment.findUniqueOrThrow({ where: { id: c.aShared.id }, include: { updates: { orderBy: { createdAt: 'asc' } } } })
    expect(shared.updates.map((u) => u.authorId)).toEqual([c.staffA.id, admin.id])
    expect(await database.db.user.findUniqueOrThrow({ where: { id: c.staffB.id } })).toMatchObject({ unitId: c.a.id, active: true })
    expect(await communeRow(fromHistory(aheadDay), c.a.id)).toMatchObject({ assigned: 3 })
  })

  test('refused: a second change of a unit that is to be merged, and another change of one of its units on its day', async () => {
    const c = await twoCommunes('Xã Bình')
    const d = await make.unit({ name: 'Xã Bình D' })
    const later = addDays(today, 30)
    const scheduled = await mergeUnits(as(admin), adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: later, id: c.a.id, otherIds: [c.b.id], successorId: c.a.id }))
    expect(scheduled).toMatchObject({ kind: 'saved', plan: { scheduled: true } })
    const refusals: [() => Promise<unknown>, string, string][] = [
      [() => mergeUnits(as(admin), adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: later, id: d.id, otherIds: [c.b.id], successorId: d.id })), 'effectiveDate', 'sameDayChange'],
      [() => mergeUnits(as(admin), adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: addDays(later, 1), id: d.id, otherIds: [c.a.id], successorId: d.id })), 'otherIds', 'mergeScheduled'],
      [() => changeUnit(as(admin), adminValues({ intent: 'apply', id: c.b.id, kind: 'RENAME', newName: 'Xã Bình B Mới', effectiveDate: addDays(later, 2), reason: REASON })), 'effectiveDate', 'mergeScheduled'],
      [() => changeUnit(as(admin), adminValues({ intent: 'apply', id: c.a.id, kind: 'RECODE', newCode: 'xa-binh-a-moi', effectiveDate: addDays(today, 2), reason: REASON })), 'effectiveDate', 'mergeScheduled'],
    ]
    for (const [request, field, code] of refusals) expect(await withoutWrites(request), code).toMatchObject({ kind: 'invalid', problems: { [field]: { code } } })
    // Not due yet: nothing is applied.
    expect(await applyDueUnitChanges(today, now)).toBe(0)
  })

  test('left as it was when its day finds a choice gone (the member in charge no longer active), and not tried again that day', async () => {
    const c = await twoCommunes('Xã Tiến')
    const member = await make.member('Ủy viên phụ trách Xã Tiến')
    expect(await decide({ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, inChargeMemberId: member.id })).toMatchObject({ kind: 'saved', plan: { scheduled: true } })
    await database.db.member.update({ where: { id: member.id }, data: { active: false } })
    const change = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'MERGE', parts: { some: { unitId: c.b.id } } } })
    const untouched = () => guard.checkAfresh(() => applyDueUnitChanges(today, now), { tables: DAY_COUNTS })
    expect(await untouched()).toBe(0)
    expect(await untouched()).toBe(0)
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: null })
    expect(await database.db.unit.findMany({ where: { id: { in: [c.a.id, c.b.id] } }, select: { active: true } })).toEqual([{ active: true }, { active: true }])
  })
})

describe('bad input is refused with nothing written', () => {
  test('into itself, fewer than two units, into a unit below, before a report, more than a year ahead, two changes on one day', async () => {
    const c = await twoCommunes('Xã Nam')
    const village = await make.unit({ kind: 'VILLAGE', name: 'Thôn 1' })
    await database.db.unit.update({ where: { id: village.id }, data: { parentId: c.b.id } })
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ id: c.a.id, successorId: c.a.id }, 'successorId', 'mergeIntoItself'],
      [{ id: c.a.id, newName: 'Xã Mới', newCode: 'xa-moi-1' }, 'otherIds', 'mergeTooFew'],
      [{ id: c.a.id, otherIds: [c.b.id], successorId: village.id }, 'successorId', 'mergeIntoDescendant'],
      [{ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, effectiveDate: addDays(today, -4) }, 'effectiveDate', 'mergeBeforeReport'],
      [{ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, effectiveDate: addDays(today, 400) }, 'effectiveDate', 'effectiveTooLate'],
      [{ id: c.a.id, otherIds: [c.b.id], newName: 'Xã Mới', newCode: '' }, 'newCode', 'codeRequired'],
      [{ id: c.a.id, otherIds: [c.b.id], newName: 'Xã Mới', newCode: c.b.code }, 'newCode', 'codeEverUsed'],
    ]
    for (const [fields, field, code] of cases) {
      const answer = await withoutWrites(() => merge(fields))
      expect(answer, code).toMatchObject({ kind: 'invalid', problems: { [field]: { code } } })
    }
    // A unit changes once a day: a rename of B dated two days ago leaves no room for a merge that day, nor before it.
    await changeUnit(as(admin), adminValues({ intent: 'apply', id: c.b.id, kind: 'RENAME', newName: 'Xã Nam B Mới', effectiveDate: addDays(today, -2), reason: REASON }))
    expect(await withoutWrites(() => merge({ id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, effectiveDate: addDays(today, -2) }))).toMatchObject({ problems: { effectiveDate: { code: 'sameDayChange' } } })
  })

  test('a non-administrator is refused, and only the refusal is recorded', async () => {
    const c = await twoCommunes('Xã Lương')
    const staff = await make.user({ role: 'STAFF', unitId: c.a.id })
    const answer = await withoutWrites(() => mergeUnits(as(staff), adminValues({ kind: 'MERGE', intent: 'apply', id: c.a.id, otherIds: [c.b.id], successorId: c.a.id, effectiveDate: mergeDay, reason: REASON })))
    expect(answer).toEqual({ kind: 'notFound' })
    expect(await database.db.auditEvent.count({ where: { action: 'unit.merge.refused', actorId: staff.id } })).toBe(1)
  })
})

describe('work done on time before a merge dated after its deadline', () => {
  test('stays done on time: the counts of the day before and the day after, today, the commune page and the export agree', async () => {
    const ownGroup = await make.group()
    const due = addDays(today, -5)
    const [onlyA, onlyB, shared] = await Promise.all([0, 1, 2].map(() => make.task({ groupId: ownGroup.id, dueDate: new Date(due) })))
    if (!onlyA || !onlyB || !shared) throw new Error('three tasks')
    const a = await make.unit({ name: 'Xã Lương A' })
    const b = await make.unit({ name: 'Xã Lương B' })
    const [staffA, staffB] = await Promise.all([make.user({ role: 'STAFF', unitId: a.id }), make.user({ role: 'STAFF', unitId: b.id })])
    const assigned = {
      onlyA: await make.assignment({ taskId: onlyA.id, unitId: a.id }),
      aShared: await make.assignment({ taskId: shared.id, unitId: a.id }),
      onlyB: await make.assignment({ taskId: onlyB.id, unitId: b.id }),
      bShared: await make.assignment({ taskId: shared.id, unitId: b.id }),
    }
    await database.db.assignment.updateMany({ where: { unitId: { in: [a.id, b.id] } }, data: { createdAt: endOfDistrictDay(addDays(today, -10)) } })
    // All done before the deadline: B's share of the common task a day after A's.
    await report(assigned.onlyA.id, staffA.id, { status: 'DONE', progress: 100 }, addDays(due, -2))
    await report(assigned.aShared.id, staffA.id, { status: 'DONE', progress: 100 }, addDays(due, -2))
    await report(assigned.onlyB.id, staffB.id, { status: 'DONE', progress: 100 }, addDays(due, -1))
    await report(assigned.bShared.id, staffB.id, { status: 'DONE', progress: 100 }, addDays(due, -1))
    const bDone = (await database.db.assignment.findUniqueOrThrow({ where: { id: assigned.bShared.id } })).completedAt

    const groupCounts = async (source: ProgressSource) => {
      const row = (await progressByGroup(source, null)).groups.find((g) => g.groupId === ownGroup.id)
      return { assigned: row?.assigned, doneOnTime: row?.doneOnTime, doneLate: row?.doneLate }
    }
    const dayBefore = addDays(mergeDay, -1)
    const historyBefore = await groupCounts(fromHistory(dayBefore))
    expect(historyBefore).toEqual({ assigned: 4, doneOnTime: 4, doneLate: 0 })
    expect(await groupCounts(fromKeptCounts(today, now))).toEqual(historyBefore)

    expect(await merge({ id: a.id, otherIds: [b.id], newName: 'Xã Lương Mới', newCode: 'xa-luong-moi', moveUserIds: [staffA.id] })).toMatchObject({ kind: 'saved', applied: true })
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-luong-moi' } })

    // The day before reads as it did; from the day on, the common task is one assignment, done on time as each was.
    expect(await groupCounts(fromHistory(dayBefore))).toEqual(historyBefore)
    for (const source of [fromHistory(mergeDay), fromKeptCounts(today, now)]) {
      expect(await groupCounts(source)).toEqual({ assigned: 3, doneOnTime: 3, doneLate: 0 })
      expect(await communeRow(source, successor.id)).toMatchObject({ assigned: 3, doneOnTime: 3, doneLate: 0 })
    }
    // Done since the later of the two completions, as the carrying report says.
    const combinedShared = await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: shared.id, unitId: successor.id } }, include: { updates: true } })
    expect(combinedShared.completedAt).toEqual(bDone)
    expect(combinedShared.updates).toMatchObject([{ status: 'DONE', doneSince: bDone }])

    // A report reopening it, returned: the work is done again since the same time, still on time.
    // A's staff, moved to the successor, as their session reads them now.
    const movedStaff = await findActor(staffA.id)
    if (!movedStaff) throw new Error('the account moved')
    const reopened = await recordStatusUpdate(
      as(movedStaff),
      readStatusUpdateForm(formData({ assignmentId: combinedShared.id, baseVersion: String(combinedShared.version), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '80', note: 'Rà soát lại' })).input,
    )
    expect(reopened).toMatchObject({ kind: 'saved' })
    expect(await groupCounts(fromKeptCounts(today, now))).toEqual({ assigned: 3, doneOnTime: 2, doneLate: 0 })
    const reopening = await database.db.statusUpdate.findFirstOrThrow({ where: { assignmentId: combinedShared.id, authorId: staffA.id } })
    expect(await recordReview(as(admin), readReviewForm(formData({ updateId: reopening.id, decision: 'RETURN', reason: 'Đã hoàn thành từ trước' })).input)).toMatchObject({ kind: 'saved' })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: combinedShared.id } })).toMatchObject({ status: 'DONE', completedAt: bDone })
    expect(await groupCounts(fromKeptCounts(today, now))).toEqual({ assigned: 3, doneOnTime: 3, doneLate: 0 })

    // The task's export, today and as of the day, labels the successor's row done on time.
    const rowsOf = async (doc: ExportDocument | null) => {
      const rows = []
      for await (const row of doc?.sheets[0]?.rows ?? []) rows.push(row)
      return rows
    }
    for (const search of ['', `asOf=${mergeDay}`]) {
      const rows = await rowsOf(await taskExport(shared.code, translatorFor('vi'), now, new URLSearchParams(search), admin))
      expect(rows.map((row) => row.slice(0, 2))).toEqual([['Xã Lương Mới', { labels: ['doneOnTime'] }]])
    }
  })
})
