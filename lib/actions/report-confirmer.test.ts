// One person confirms each report (lib/auth/rules.ts reportConfirmerOf): the member in charge of
// the unit, else the group's lead; when the member in charge wrote it, the group's lead; when no
// member is left, an administrator. Through the real actions and read models on a real PostgreSQL:
// the review action, the queue and its count, the followed list, the member page, the notification
// and the assignment's history all name the same person, and the rule's TypeScript and SQL forms agree.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { Prisma } from '@/lib/db/client'
import { districtDay } from '@/lib/domain/calendar'
import { canReview, reportConfirmerSql, reportsReviewSql, type Actor } from '@/lib/auth/permissions'
import { reportConfirmerOf, type ReportConfirmerFacts } from '@/lib/auth/rules'
import { assignmentRecord } from '@/lib/queries/assignment-detail'
import { memberPendingUpdates, memberSummaries } from '@/lib/queries/member-progress'
import { followedReviews, pendingReviewCount, pendingReviews } from '@/lib/queries/pending-reviews'
import { fromHistory, fromKeptCounts } from '@/lib/queries/progress-source'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { recordReview } from './review'
import { recordStatusUpdate } from './status-update'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const LATER = new Date('2026-11-28T05:00:00Z')

type Name = 'staff' | 'inCharge' | 'groupLead' | 'third' | 'both' | 'admin' | 'office'
let actors: Record<Name, Actor>
/** The waiting reports: by the member in charge, by a member in charge who also leads the group, by the unit's staff, by the group's lead. */
let reports: Record<'byInCharge' | 'byBoth' | 'byStaff' | 'byLead', { assignmentId: string; updateId: string }>
const memberIds: Partial<Record<Name, string>> = {}

beforeAll(async () => {
  const member = async (name: Name, fullName: string) => (memberIds[name] = (await make.member(fullName)).id)
  await member('inCharge', 'Nguyễn Đình Khải')
  await member('groupLead', 'Vũ Mạnh Cường')
  await member('third', 'Hoàng Thị Lan')
  await member('both', 'Lê Văn Sơn')
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: memberIds.inCharge })
  await make.unit({ name: 'Xã Đạp Thanh', inChargeMemberId: memberIds.third })
  const namSon = await make.unit({ name: 'Xã Nam Sơn', inChargeMemberId: memberIds.both })
  const office = await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })
  const group = await make.group(memberIds.groupLead)
  const ownGroup = await make.group(memberIds.both)
  const leader = (name: Name) => make.user({ role: 'LEADER', unitId: district.id, memberId: memberIds[name], name: `Đồng chí ${name}` })
  actors = {
    staff: await make.user({ role: 'STAFF', unitId: minhCam.id }),
    inCharge: await leader('inCharge'),
    groupLead: await leader('groupLead'),
    third: await leader('third'),
    both: await leader('both'),
    admin: await make.user({ role: 'ADMIN', unitId: district.id }),
    office: await make.user({ role: 'OFFICE', unitId: office.id }),
  }
  const reported = async (author: Actor, groupId: string, unitId: string) => {
    const assignment = await make.assignment({ taskId: (await make.task({ groupId })).id, unitId })
    const form = formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '30' })
    const result = await recordStatusUpdate({ actor: author, now: NOW, ip: null }, readStatusUpdateForm(form).input)
    if (result.kind !== 'saved') throw new Error(`report not saved: ${result.kind}`)
    return { assignmentId: assignment.id, updateId: result.updateId }
  }
  reports = {
    byInCharge: await reported(actors.inCharge, group.id, minhCam.id),
    byBoth: await reported(actors.both, ownGroup.id, namSon.id),
    byStaff: await reported(actors.staff, group.id, minhCam.id),
    byLead: await reported(actors.groupLead, group.id, minhCam.id),
  }
})

const review = (actor: Actor, updateId: string) => recordReview({ actor, now: LATER, ip: null }, readReviewForm(formData({ updateId, decision: 'CONFIRM' })).input)
const queue = async (actor: Actor) => (await pendingReviews(actor, 100, 0)).rows.map((row) => row.id).sort()
const followed = async (actor: Actor) => (await followedReviews(actor, 100, 0)).rows.map((row) => row.id).sort()
const ids = (...keys: (keyof typeof reports)[]) => keys.map((key) => reports[key].updateId).sort()
const toldOf = async (key: keyof typeof reports) =>
  (await database.db.notification.findMany({ where: { statusUpdateId: reports[key].updateId, kind: 'REPORT_AWAITING_CONFIRMATION' }, select: { recipientId: true } })).map((row) => row.recipientId)
const stateOf = async (key: keyof typeof reports) => (await database.db.statusUpdate.findUniqueOrThrow({ where: { id: reports[key].updateId } })).reviewState

describe('the pure rule and its SQL form', () => {
  const [x, lead, author] = [randomUUID(), randomUUID(), randomUUID()]
  const CASES: [string, ReportConfirmerFacts, string | null][] = [
    ['staff report: the member in charge', { unitInChargeMemberId: x, groupLeadMemberId: lead, authorMemberId: null }, x],
    ['staff report, no member in charge: the lead', { unitInChargeMemberId: null, groupLeadMemberId: lead, authorMemberId: null }, lead],
    ['staff report, no member at all: an administrator', { unitInChargeMemberId: null, groupLeadMemberId: null, authorMemberId: null }, null],
    ["the member in charge's report: the lead", { unitInChargeMemberId: x, groupLeadMemberId: lead, authorMemberId: x }, lead],
    ["the member in charge's report, no lead: an administrator", { unitInChargeMemberId: x, groupLeadMemberId: null, authorMemberId: x }, null],
    ['the report of a member in charge who leads the group: an administrator', { unitInChargeMemberId: x, groupLeadMemberId: x, authorMemberId: x }, null],
    ["the lead's report: the member in charge", { unitInChargeMemberId: x, groupLeadMemberId: lead, authorMemberId: lead }, x],
    ["the lead's report, no member in charge: an administrator", { unitInChargeMemberId: null, groupLeadMemberId: lead, authorMemberId: lead }, null],
    ["another member's report: the member in charge", { unitInChargeMemberId: x, groupLeadMemberId: lead, authorMemberId: author }, x],
  ]

  test.each(CASES)('%s', async (_, facts, expected) => {
    expect(reportConfirmerOf(facts)).toBe(expected)
    const uuid = (id: string | null) => Prisma.sql`${id}::uuid`
    const sql = reportConfirmerSql({ unitInCharge: uuid(facts.unitInChargeMemberId), groupLead: uuid(facts.groupLeadMemberId), authorMember: uuid(facts.authorMemberId) })
    const [row] = await database.db.$queryRaw<{ confirmer: string | null }[]>`SELECT (${sql})::text AS "confirmer"`
    expect(row!.confirmer).toBe(expected)
  })
})

describe("the member in charge's own report", () => {
  test('tells the lead of the task group, and nobody else', async () => {
    expect(await toldOf('byInCharge')).toEqual([actors.groupLead.id])
  })

  test("is in the lead's queue and count; the member in charge follows it; a third member sees nothing", async () => {
    expect(await queue(actors.groupLead)).toEqual(ids('byInCharge'))
    expect(await pendingReviewCount(actors.groupLead)).toBe(1)
    // The member in charge confirms the staff's and the lead's reports, and follows their own.
    expect(await queue(actors.inCharge)).toEqual(ids('byStaff', 'byLead'))
    expect(await pendingReviewCount(actors.inCharge)).toBe(2)
    expect(await followed(actors.inCharge)).toEqual(ids('byInCharge'))
    expect(await followed(actors.groupLead)).toEqual(ids('byStaff', 'byLead'))
    expect(await queue(actors.third)).toEqual([])
    expect(await followed(actors.third)).toEqual([])
  })

  test("is on the lead's member page, not the member in charge's, from the kept counts and from the history", async () => {
    // The rows are made today; the reports are dated NOW, before it.
    const today = districtDay(new Date())
    for (const source of [fromKeptCounts(today), fromHistory(today)]) {
      const pendingOf = async (name: Name) => (await memberPendingUpdates(source, memberIds[name]!, 100)).rows.map((row) => row.id).sort()
      expect(await pendingOf('groupLead')).toEqual(ids('byInCharge'))
      expect(await pendingOf('inCharge')).toEqual(ids('byStaff', 'byLead'))
      expect(await pendingOf('both')).toEqual([])
      const pending = new Map((await memberSummaries(source, null)).map((s) => [s.id, s.pending]))
      expect([pending.get(memberIds.groupLead!), pending.get(memberIds.inCharge!), pending.get(memberIds.both!)]).toEqual([1, 2, 0])
      expect((await memberSummaries(source, memberIds.groupLead!)).map((s) => s.pending)).toEqual([1])
    }
  })

  test("names the lead in the assignment's history", async () => {
    const [entry] = (await assignmentRecord(actors.staff, reports.byInCharge.assignmentId))!.history
    expect(entry!.review.confirmerName).toBe('Vũ Mạnh Cường')
    const [staffs] = (await assignmentRecord(actors.staff, reports.byStaff.assignmentId))!.history
    expect(staffs!.review.confirmerName).toBe('Nguyễn Đình Khải')
  })
})

describe('a report by a member who is both in charge of the unit and the lead of the group', () => {
  test('tells no member but the administrator, waits in the administrator\'s queue alone, and is followed by its author', async () => {
    expect(await toldOf('byBoth')).toEqual([actors.admin.id])
    for (const name of ['inCharge', 'groupLead', 'third', 'both'] as const) expect(await queue(actors[name])).not.toContain(reports.byBoth.updateId)
    expect(await queue(actors.admin)).toContain(reports.byBoth.updateId)
    expect(await followed(actors.both)).toEqual(ids('byBoth'))
    const [entry] = (await assignmentRecord(actors.both, reports.byBoth.assignmentId))!.history
    expect(entry!.review.confirmerName).toBeNull()
  })
})

describe('staff reports are unchanged', () => {
  test('the member in charge is told, and confirms it', async () => {
    expect(await toldOf('byStaff')).toEqual([actors.inCharge.id])
    expect(await toldOf('byLead')).toEqual([actors.inCharge.id])
  })
})

// canReview (the assignment page's buttons, the review action) and reportsReviewSql (the queue and
// its count) answer the same for every account and every waiting report.
describe('the check on one report and its SQL form agree', () => {
  test.each(['staff', 'inCharge', 'groupLead', 'third', 'both', 'admin', 'office'] as const)('%s', async (name) => {
    const actor = actors[name]
    const rows = await database.db.$queryRaw<{ id: string; unitId: string; ancestors: string[]; inCharge: string | null; lead: string | null; authorId: string; authorMember: string | null }[]>`
      SELECT p."statusUpdateId"::text AS id, p."unitId"::text AS "unitId", u."ancestorIds"::text[] AS "ancestors", u."inChargeMemberId"::text AS "inCharge", g."leadMemberId"::text AS "lead",
             p."authorId"::text AS "authorId", au."memberId"::text AS "authorMember"
        FROM "PendingReview" p JOIN "Unit" u ON u.id = p."unitId" JOIN "Task" t ON t.id = p."taskId"
        JOIN "TaskGroup" g ON g.id = t."groupId" JOIN "User" au ON au.id = p."authorId"`
    const scope = reportsReviewSql(actor, 'p') ?? Prisma.sql`false`
    const inSql = (await database.db.$queryRaw<{ id: string }[]>`SELECT p."statusUpdateId"::text AS id FROM "PendingReview" p WHERE ${scope}`).map((row) => row.id).sort()
    const byFacts = rows
      .filter((r) => canReview(actor, { unitId: r.unitId, unitAncestorIds: r.ancestors, unitInChargeMemberId: r.inCharge, groupLeadMemberId: r.lead, authorId: r.authorId, authorMemberId: r.authorMember }))
      .map((row) => row.id)
      .sort()
    expect(inSql).toEqual(byFacts)
  })
})

// Last: the decisions change what waits.
describe('the review action', () => {
  test("refuses the member in charge's own report to its author and to a third member, audited, and the lead confirms it", async () => {
    for (const actor of [actors.inCharge, actors.third, actors.office, actors.staff]) {
      expect((await review(actor, reports.byInCharge.updateId)).kind).toBe('notFound')
      expect(await database.db.auditEvent.count({ where: { actorId: actor.id, action: 'statusUpdate.review.refused', entityId: reports.byInCharge.updateId } })).toBe(1)
    }
    expect(await stateOf('byInCharge')).toBe('PENDING')
    expect((await review(actors.groupLead, reports.byInCharge.updateId)).kind).toBe('saved')
    expect(await stateOf('byInCharge')).toBe('CONFIRMED')
    expect(await pendingReviewCount(actors.groupLead)).toBe(0)
  })

  test('refuses the report of a member both in charge and lead to every member, and an administrator confirms it', async () => {
    for (const actor of [actors.both, actors.inCharge, actors.groupLead]) expect((await review(actor, reports.byBoth.updateId)).kind).toBe('notFound')
    expect((await review(actors.admin, reports.byBoth.updateId)).kind).toBe('saved')
    expect(await stateOf('byBoth')).toBe('CONFIRMED')
  })

  test("leaves the staff's report to the member in charge, not the lead", async () => {
    expect((await review(actors.groupLead, reports.byStaff.updateId)).kind).toBe('notFound')
    expect((await review(actors.inCharge, reports.byStaff.updateId)).kind).toBe('saved')
  })
})
