// Splits of units: previewed without a write, applied in one transaction with the audit row;
// pages read as of the day before stay as they were, from the day on the parts carry the split
// unit's work, counted as it was; its reports stay its own; accounts move or are deactivated; the
// people concerned are told; bad input is refused with nothing written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { addDays, districtDay, endOfDistrictDay } from '@/lib/domain/calendar'
import { communeByCode } from '@/lib/queries/commune-detail'
import { communeProgressList } from '@/lib/queries/communes'
import { progressByGroup } from '@/lib/queries/district-overview'
import { inChargeUnitProgress, memberSummaries } from '@/lib/queries/member-progress'
import { fromHistory, fromKeptCounts, type ProgressSource } from '@/lib/queries/progress-source'
import { search } from '@/lib/queries/search'
import { currentCodeFor, unitChangesDue, unitHistory } from '@/lib/queries/unit-history'
import { taskExport } from '@/lib/reports/exports/task'
import { translatorFor } from '@/lib/reports/exports/table'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { DAY_COUNTS, writeGuard } from '@/test/helpers/write-guard'
import { adminValues } from './test-form'
import { changeUnit } from './units'
import { applyDueUnitChanges } from './unit-changes-due'
import { mergeUnits } from './unit-merge'
import { splitUnit } from './unit-split'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const now = new Date()
const today = districtDay(now)
const REASON = 'Nghị quyết số 46/NQ-HĐND'
const reportDay = addDays(today, -3)
const splitDay = addDays(today, -1)

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

const as = (actor: Actor) => ({ actor, now, ip: '198.51.100.8' })
const split = (fields: Record<string, string | string[]>, intent = 'apply') => splitUnit(as(admin), adminValues({ kind: 'SPLIT', intent, reason: REASON, effectiveDate: splitDay, ...fields }))

/** A report on an assignment at noon of `day`, and the assignment as the report leaves it. */
async function report(assignmentId: string, authorId: string, fields: { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress: number; indicatorActual?: string; note?: string }, day = reportDay) {
  const at = new Date(endOfDistrictDay(day).getTime() - 12 * 3600_000)
  await database.db.statusUpdate.create({ data: { assignmentId, authorId, ...fields, createdAt: at } })
  await database.db.assignment.update({ where: { id: assignmentId }, data: { status: fields.status, progress: fields.progress, indicatorActual: fields.indicatorActual ?? null, lastUpdateAt: at, completedAt: fields.status === 'DONE' ? at : null } })
}

/**
 * A commune in a member's charge, with three open assignments (one with an indicator) and a done
 * one, all reported three days ago, two accounts, a leader account for the member, a village below
 * it, and a neighbouring commune (an existing part) with a task of its own.
 */
async function commune(prefix: string) {
  const member = await make.member(`Ủy viên phụ trách ${prefix}`)
  const unit = await make.unit({ name: prefix, inChargeMemberId: member.id })
  const neighbour = await make.unit({ name: `${prefix} Bên` })
  const village = await database.db.unit.update({ where: { id: (await make.unit({ kind: 'VILLAGE', name: `Thôn ${prefix}` })).id }, data: { parentId: unit.id } })
  const [withFigure, blocked, notStarted, finished, neighbours] = await Promise.all([
    make.task({ groupId: group.id, indicatorUnit: 'hộ' }),
    make.task({ groupId: group.id }),
    make.task({ groupId: group.id }),
    make.task({ groupId: group.id }),
    make.task({ groupId: group.id }),
  ])
  const [staff1, staff2, leader] = await Promise.all([
    make.user({ role: 'STAFF', unitId: unit.id, name: 'Cán bộ 1' }),
    make.user({ role: 'STAFF', unitId: unit.id, name: 'Cán bộ 2' }),
    make.user({ role: 'LEADER', unitId: district.id, memberId: member.id, name: member.name }),
  ])
  const a = {
    withFigure: await make.assignment({ taskId: withFigure.id, unitId: unit.id }),
    blocked: await make.assignment({ taskId: blocked.id, unitId: unit.id }),
    notStarted: await make.assignment({ taskId: notStarted.id, unitId: unit.id }),
    finished: await make.assignment({ taskId: finished.id, unitId: unit.id }),
    neighbours: await make.assignment({ taskId: neighbours.id, unitId: neighbour.id }),
  }
  // Assigned before the days the pages are read as of.
  await database.db.assignment.updateMany({ where: { unitId: { in: [unit.id, neighbour.id] } }, data: { createdAt: endOfDistrictDay(addDays(today, -10)) } })
  await report(a.withFigure.id, staff1.id, { status: 'IN_PROGRESS', progress: 40, indicatorActual: '12.50', note: 'Đã vận động 12 hộ.' })
  await report(a.blocked.id, staff1.id, { status: 'BLOCKED', progress: 10, note: 'Chờ kinh phí.' })
  await report(a.finished.id, staff2.id, { status: 'DONE', progress: 100 })
  return { member, unit, neighbour, village, staff1, staff2, leader, a, tasks: { withFigure, blocked, notStarted, finished, neighbours } }
}

/** The commune split into its neighbour and a new commune: the figure and the not-started task to the new one, the blocked one and the done one to the neighbour, the village to the new one. */
const intoNewAndNeighbour = (c: Awaited<ReturnType<typeof commune>>, newName: string, newCode: string) => ({
  id: c.unit.id,
  partIds: [c.neighbour.id],
  newName1: newName,
  newCode1: newCode,
  [`take.${c.a.withFigure.id}`]: 'new1',
  [`take.${c.a.blocked.id}`]: c.neighbour.id,
  [`take.${c.a.notStarted.id}`]: 'new1',
  [`child.${c.village.id}`]: 'new1',
})

const communeRow = async (source: ProgressSource, id: string) => (await communeProgressList(source, 'list')).find((c) => c.unitId === id)
const pages = async (day: string) => ({ communes: await communeProgressList(fromHistory(day), 'list'), district: await progressByGroup(fromHistory(day), null) })
const counted = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted', 'overdue'] as const

describe('a split of a commune into a new one and an existing one', () => {
  test('previewed with nothing written; applied, the parts carry each open assignment as chosen, the reports stay, the pages as of the day before are as they were', async () => {
    const c = await commune('Xã Thanh Lâm')
    const dayBefore = addDays(splitDay, -1)
    const before = await pages(dayBefore)
    const original = await communeRow(fromKeptCounts(today, now), c.unit.id)
    const reportsBefore = await database.db.statusUpdate.findMany({ where: { assignment: { unitId: c.unit.id } }, orderBy: { id: 'asc' } })
    const other = await make.member('Ủy viên phụ trách phần mới')
    const fields = {
      ...intoNewAndNeighbour(c, 'Xã Thanh Lâm Mới', 'xa-thanh-lam-moi'),
      [`account.${c.staff1.id}`]: c.neighbour.id,
      [`account.${c.staff2.id}`]: 'off',
      'inCharge.new1': other.id,
    }

    // The preview: what moves where, and nothing written.
    const preview = await withoutWrites(() => split(fields, 'preview'))
    expect(preview).toMatchObject({ kind: 'saved', applied: false, plan: { unit: { id: c.unit.id }, parts: [{ key: c.neighbour.id, isNew: false }, { key: 'new1', isNew: true, name: 'Xã Thanh Lâm Mới', inChargeName: other.name }] } })
    const planned = preview.kind === 'saved' ? preview.plan : null
    expect(planned?.assignments.map((a) => [a.source.assignmentId, a.partKey, a.status, a.progress, a.indicatorActual]).sort()).toEqual(
      [
        [c.a.withFigure.id, 'new1', 'IN_PROGRESS', 40, '12.50'],
        [c.a.blocked.id, c.neighbour.id, 'BLOCKED', 10, null],
        [c.a.notStarted.id, 'new1', 'NOT_STARTED', 0, null],
        // Done work goes to the first part, unless chosen otherwise.
        [c.a.finished.id, c.neighbour.id, 'DONE', 100, null],
      ].sort(),
    )
    expect(planned?.accounts.map((a) => [a.id, a.partKey])).toEqual(expect.arrayContaining([[c.staff1.id, c.neighbour.id], [c.staff2.id, null]]))

    expect(await split(fields)).toMatchObject({ kind: 'saved', applied: true })
    const made = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-thanh-lam-moi' } })
    expect(made).toMatchObject({ name: 'Xã Thanh Lâm Mới', kind: 'COMMUNE', active: true, inChargeMemberId: other.id })

    // As of the day before: identical, to the last figure; the new part is not there yet.
    expect(await pages(dayBefore)).toEqual(before)
    expect(before.communes.map((r) => r.unitId)).toContain(c.unit.id)
    expect(before.communes.map((r) => r.unitId)).not.toContain(made.id)

    // From the day on (as of the day, and today): the split unit is gone; its open work is the parts', counted once.
    for (const source of [fromHistory(splitDay), fromKeptCounts(today, now)]) {
      const list = await communeProgressList(source, 'list')
      expect(list.map((r) => r.unitId)).not.toContain(c.unit.id)
      const newPart = await communeRow(source, made.id)
      expect(newPart).toMatchObject({ name: 'Xã Thanh Lâm Mới', assigned: 2, inProgress: 1, notStarted: 1, blocked: 0 })
      const neighbour = await communeRow(source, c.neighbour.id)
      expect(neighbour).toMatchObject({ assigned: 3, blocked: 1, notStarted: 1, doneOnTime: 1 })
      // The parts' counts: the original's, plus the neighbour's own task.
      for (const key of counted) {
        const neighbourOwn = key === 'assigned' || key === 'notStarted' ? 1 : 0
        expect((newPart?.[key] ?? 0) + (neighbour?.[key] ?? 0), key).toBe((original?.[key] ?? 0) + neighbourOwn)
      }
    }
    // The indicator figure goes with the work, as it was.
    const indicator = async (source: ProgressSource) => (await database.db.$queryRaw<{ sum: string }[]>`
      SELECT sum(a."indicatorActual")::text AS sum FROM ${source.assignments} a JOIN "Unit" u ON u.id = a."unitId" WHERE a."taskId" = ${c.tasks.withFigure.id}::uuid AND ${source.unitCounted()}`)[0]?.sum
    expect(await indicator(fromHistory(dayBefore))).toBe('12.50')
    expect(await indicator(fromKeptCounts(today, now))).toBe('12.50')

    // The reports stay with the split unit, which is inactive; its done assignment too, carried on by the first part.
    expect(await database.db.statusUpdate.findMany({ where: { assignment: { unitId: c.unit.id } }, orderBy: { id: 'asc' } })).toEqual(reportsBefore)
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: c.a.finished.id } })).toMatchObject({ unitId: c.unit.id, status: 'DONE' })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.unit.id } })).toMatchObject({ active: false })

    // Each carried assignment: its first report is the administrator's, confirmed, quoting the split unit.
    const carried = await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.tasks.withFigure.id, unitId: made.id } }, include: { updates: true } })
    expect(carried).toMatchObject({ status: 'IN_PROGRESS', progress: 40, lastUpdateById: admin.id })
    expect(carried.indicatorActual?.toString()).toBe('12.5')
    expect(carried.updates).toHaveLength(1)
    expect(carried.updates[0]).toMatchObject({ authorId: admin.id, status: 'IN_PROGRESS', reviewState: 'CONFIRMED' })
    expect(carried.updates[0]?.note).toContain('Đã vận động 12 hộ.')
    expect(carried.updates[0]?.note).toContain(REASON)
    expect(await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.tasks.blocked.id, unitId: c.neighbour.id } } })).toMatchObject({ status: 'BLOCKED', progress: 10 })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.tasks.finished.id, unitId: c.neighbour.id } } })).toMatchObject({ status: 'DONE', progress: 100 })

    // Accounts: one moved to the existing part, the other deactivated; the village under the new part.
    expect(await database.db.user.findUniqueOrThrow({ where: { id: c.staff1.id } })).toMatchObject({ unitId: c.neighbour.id, active: true })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: c.staff2.id } })).toMatchObject({ unitId: c.unit.id, active: false })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.village.id } })).toMatchObject({ parentId: made.id, active: true })

    // The pages say so both ways; with two successors the old address does not redirect.
    expect((await unitHistory(c.unit.id, today))?.splitInto.map((p) => [p.code, p.day]).sort()).toEqual(
      [
        [c.neighbour.code, splitDay],
        ['xa-thanh-lam-moi', splitDay],
      ].sort(),
    )
    expect(await unitHistory(c.unit.id, dayBefore)).toMatchObject({ splitInto: [] })
    expect(await unitHistory(made.id, today)).toMatchObject({ splitFrom: { code: c.unit.code, name: 'Xã Thanh Lâm', day: splitDay }, mergedFrom: [] })
    expect(await unitHistory(c.neighbour.id, today)).toMatchObject({ splitFrom: { code: c.unit.code }, splitInto: [], mergedInto: null })
    expect(await currentCodeFor(fullReader, c.unit.code, today)).toBeNull()
    // Its commune page stays (read-only): the address of a unit with two successors leads to neither.
    expect(await communeByCode(fullReader, c.unit.code)).toMatchObject({ id: c.unit.id, name: 'Xã Thanh Lâm' })
    // Search finds it by its name, marked split; the new part is not.
    expect((await search(fullReader, 'Xã Thanh Lâm')).filter((h) => h.kind === 'unit' && h.unitKind === 'COMMUNE').map((h) => [h.code, h.split, h.merged]).sort()).toEqual(
      [
        [c.unit.code, true, false],
        [c.neighbour.code, false, false],
        ['xa-thanh-lam-moi', false, false],
      ].sort(),
    )

    // Told: the account moved, the member in charge before and the ones after; not the account deactivated, nor the administrator.
    const told = await database.db.notification.findMany({ where: { kind: 'UNIT_CHANGED', unitChange: { kind: 'SPLIT' } }, select: { recipientId: true } })
    const otherLeader = await database.db.user.findMany({ where: { memberId: other.id }, select: { id: true } })
    expect(told.map((n) => n.recipientId)).toEqual(expect.arrayContaining([c.staff1.id, c.leader.id, ...otherLeader.map((u) => u.id)]))
    expect(told.map((n) => n.recipientId)).not.toContain(c.staff2.id)
    expect(told.map((n) => n.recipientId)).not.toContain(admin.id)

    // The audit row, and the change with both sides.
    const [event] = await database.db.auditEvent.findMany({ where: { action: 'unit.split', entityId: c.unit.id } })
    expect(event).toMatchObject({ actorId: admin.id, ip: '198.51.100.8', after: { effectiveDate: splitDay, reason: REASON, deactivatedUsers: [c.staff2.id] } })
    const stored = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'SPLIT', parts: { some: { unitId: c.unit.id } } }, include: { parts: true } })
    expect(stored.parts.map((p) => `${p.side} ${p.unitId}`).sort()).toEqual([`AFTER ${made.id}`, `AFTER ${c.neighbour.id}`, `BEFORE ${c.neighbour.id}`, `BEFORE ${c.unit.id}`].sort())
  })

  test("a part that already has the task takes it combined with its own, as a merge combines them", async () => {
    const c = await commune('Xã Đồn Đạc')
    const own = await make.assignment({ taskId: c.tasks.withFigure.id, unitId: c.neighbour.id })
    await database.db.assignment.update({ where: { id: own.id }, data: { createdAt: endOfDistrictDay(addDays(today, -10)) } })
    await report(own.id, c.staff1.id, { status: 'NOT_STARTED', progress: 0, indicatorActual: '2' })
    const answer = await split({
      id: c.unit.id,
      partIds: [c.neighbour.id],
      newName1: 'Xã Đồn Đạc Mới',
      newCode1: 'xa-don-dac-moi',
      [`take.${c.a.withFigure.id}`]: c.neighbour.id,
      [`take.${c.a.blocked.id}`]: 'new1',
      [`take.${c.a.notStarted.id}`]: 'new1',
      [`child.${c.village.id}`]: c.neighbour.id,
    })
    expect(answer).toMatchObject({ kind: 'saved', applied: true })
    const combined = await database.db.assignment.findUniqueOrThrow({ where: { id: own.id }, include: { updates: { orderBy: { createdAt: 'asc' } } } })
    expect(combined).toMatchObject({ status: 'NOT_STARTED', progress: 0 })
    expect(combined.indicatorActual?.toString()).toBe('14.5')
    expect(combined.updates.map((u) => u.authorId)).toEqual([c.staff1.id, admin.id])
    // Accounts not chosen for are deactivated; nobody keeps signing in for a unit that has ended.
    expect(await database.db.user.count({ where: { id: { in: [c.staff1.id, c.staff2.id] }, active: true } })).toBe(0)
  })
})

describe("the member in charge's page", () => {
  test('as of the day before, it counts the split unit as it was; from the day on, the parts in their charge', async () => {
    const c = await commune('Xã Minh Cầm')
    const dayBefore = addDays(splitDay, -1)
    const memberPage = async (source: ProgressSource) => ({ summary: await memberSummaries(source, c.member.id), units: await inChargeUnitProgress(source, c.member.id, null) })
    const before = await memberPage(fromHistory(dayBefore))
    expect(before.units.map((u) => [u.unitId, u.assigned])).toEqual([[c.unit.id, 4]])

    // The new part keeps the split unit's member in charge (not chosen otherwise); the existing one keeps its own (none).
    const answer = await split(intoNewAndNeighbour(c, 'Xã Minh Cầm Mới', 'xa-minh-cam-moi'))
    expect(answer).toMatchObject({ kind: 'saved', applied: true })
    const made = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-minh-cam-moi' } })

    expect(await memberPage(fromHistory(dayBefore))).toEqual(before)
    for (const source of [fromHistory(splitDay), fromKeptCounts(today, now)]) {
      const page = await memberPage(source)
      expect(page.units.map((u) => [u.unitId, u.name, u.assigned, u.inProgress, u.notStarted])).toEqual([[made.id, 'Xã Minh Cầm Mới', 2, 1, 1]])
    }
  })
})

describe('a split dated ahead', () => {
  // Decided three days ago (the district's day then was reportDay), for two days later: its day is yesterday, and has come.
  const decidedAt = new Date(endOfDistrictDay(reportDay).getTime() - 3600_000)
  const aheadDay = addDays(reportDay, 2)
  const between = addDays(reportDay, 1)
  const codes = (links: { code: string }[] | undefined) => links?.map((l) => l.code).sort()

  test('is saved with its choices, shows the unit as it is until its day, then is applied once, with the work as it stands then', async () => {
    const c = await commune('Xã Hà Lâu')
    const other = await make.member('Ủy viên phụ trách Xã Hà Lâu Mới')
    const before = { reportDay: await pages(reportDay), between: await pages(between) }
    const fields = {
      ...intoNewAndNeighbour(c, 'Xã Hà Lâu Mới', 'xa-ha-lau-moi'),
      [`account.${c.staff1.id}`]: c.neighbour.id,
      [`account.${c.staff2.id}`]: 'off',
      'inCharge.new1': other.id,
    }
    const saved = await splitUnit({ actor: admin, now: decidedAt, ip: '198.51.100.7' }, adminValues({ kind: 'SPLIT', intent: 'apply', reason: REASON, effectiveDate: aheadDay, ...fields }))
    expect(saved).toMatchObject({ kind: 'saved', applied: true, plan: { scheduled: true, changeId: null } })

    // Saved: the change waits with every choice, the new commune is made (its code kept) but does not stand, nothing moved, nobody told yet.
    const change = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'SPLIT', parts: { some: { unitId: c.unit.id } } }, include: { parts: true } })
    const made = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-ha-lau-moi' } })
    expect(made).toMatchObject({ active: false, inChargeMemberId: null })
    expect(change).toMatchObject({
      appliedAt: null,
      plan: {
        id: c.unit.id,
        partIds: [c.neighbour.id],
        newParts: [{ key: 'new1', name: 'Xã Hà Lâu Mới', code: 'xa-ha-lau-moi', unitId: made.id }],
        take: { [c.a.withFigure.id]: 'new1', [c.a.blocked.id]: c.neighbour.id, [c.a.notStarted.id]: 'new1', [c.a.finished.id]: c.neighbour.id },
        child: { [c.village.id]: 'new1' },
        account: { [c.staff1.id]: c.neighbour.id, [c.staff2.id]: 'off' },
        inCharge: { new1: other.id, [c.neighbour.id]: '' },
      },
    })
    expect(change.parts.map((p) => `${p.side} ${p.unitId}`).sort()).toEqual([`AFTER ${made.id}`, `AFTER ${c.neighbour.id}`, `BEFORE ${c.neighbour.id}`, `BEFORE ${c.unit.id}`].sort())
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.unit.id } })).toMatchObject({ active: true })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.village.id } })).toMatchObject({ parentId: c.unit.id })
    expect(await database.db.user.findMany({ where: { id: { in: [c.staff1.id, c.staff2.id] } }, select: { unitId: true, active: true } })).toEqual([
      { unitId: c.unit.id, active: true },
      { unitId: c.unit.id, active: true },
    ])
    expect(await database.db.assignment.count({ where: { unitId: { in: [made.id, c.neighbour.id] } } })).toBe(1)
    expect(await database.db.notification.count({ where: { unitChangeId: change.id } })).toBe(0)
    expect({ reportDay: await pages(reportDay), between: await pages(between) }).toEqual(before)
    const waiting = await unitHistory(c.unit.id, between)
    expect(waiting).toMatchObject({ splitInto: [] })
    expect(codes(waiting?.splittingInto)).toEqual([c.neighbour.code, 'xa-ha-lau-moi'].sort())
    expect(waiting?.splittingInto.map((p) => [p.code, p.day, p.standing]).sort()).toEqual(
      [
        [c.neighbour.code, aheadDay, true],
        ['xa-ha-lau-moi', aheadDay, false],
      ].sort(),
    )
    // An existing part is not the unit split: its page says nothing of it yet.
    expect(await unitHistory(c.neighbour.id, between)).toMatchObject({ splittingInto: [], splitFrom: null })

    // Until its day the unit goes on reporting, and is given a new task and a new account: on the day they go to the first part.
    await report(c.a.blocked.id, c.staff1.id, { status: 'IN_PROGRESS', progress: 30, note: 'Đã có kinh phí.' }, between)
    const extra = await make.task({ groupId: group.id })
    await make.assignment({ taskId: extra.id, unitId: c.unit.id })
    const newcomer = await make.user({ role: 'STAFF', unitId: c.unit.id, name: 'Cán bộ mới' })

    // Two requests on the day: one applies it, the other finds it applied.
    const applied = await Promise.all([applyDueUnitChanges(today, now), applyDueUnitChanges(today, now)])
    expect(applied.sort()).toEqual([0, 1])
    await unitChangesDue(today)
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: now })
    expect(await database.db.unitChange.count({ where: { kind: 'SPLIT', parts: { some: { unitId: c.unit.id } } } })).toBe(1)

    // Applied as decided, by the administrator who decided it, with the work as it stood on the day.
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ active: true, inChargeMemberId: other.id })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.unit.id } })).toMatchObject({ active: false })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c.village.id } })).toMatchObject({ parentId: made.id })
    const carried = await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.tasks.blocked.id, unitId: c.neighbour.id } }, include: { updates: true } })
    expect(carried).toMatchObject({ status: 'IN_PROGRESS', progress: 30, lastUpdateById: admin.id })
    expect(carried.updates).toHaveLength(1)
    expect(carried.updates[0]?.note).toContain('Đã có kinh phí.')
    expect(carried.updates[0]?.createdAt).toEqual(new Date(endOfDistrictDay(addDays(aheadDay, -1)).getTime() + 1))
    expect(await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: c.tasks.withFigure.id, unitId: made.id } } })).toMatchObject({ status: 'IN_PROGRESS', progress: 40 })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: extra.id, unitId: c.neighbour.id } } })).toMatchObject({ status: 'NOT_STARTED' })
    expect(await database.db.user.findMany({ where: { id: { in: [c.staff1.id, c.staff2.id, newcomer.id] } }, select: { displayName: true, unitId: true, active: true }, orderBy: { displayName: 'asc' } })).toEqual([
      { displayName: 'Cán bộ 1', unitId: c.neighbour.id, active: true },
      { displayName: 'Cán bộ 2', unitId: c.unit.id, active: false },
      { displayName: 'Cán bộ mới', unitId: c.neighbour.id, active: true },
    ])
    const events = await database.db.auditEvent.findMany({ where: { action: 'unit.split', entityId: c.unit.id }, orderBy: { id: 'asc' } })
    expect(events.map((e) => [e.actorId, e.ip, (e.after as { scheduled?: boolean }).scheduled ?? false])).toEqual([
      [admin.id, '198.51.100.7', true],
      [admin.id, null, false],
    ])
    expect(events[1]).toMatchObject({ after: { changeId: change.id, deactivatedUsers: [c.staff2.id] } })
    const told = await database.db.notification.findMany({ where: { unitChangeId: change.id }, select: { recipientId: true } })
    expect(told.map((n) => n.recipientId)).toEqual(expect.arrayContaining([c.staff1.id, newcomer.id, c.leader.id]))
    expect(told.map((n) => n.recipientId)).not.toContain(c.staff2.id)

    // The pages: as of the day before, the unit as it was; from the day on, the parts.
    expect((await pages(between)).communes.map((r) => r.unitId)).toContain(c.unit.id)
    expect((await pages(between)).communes.map((r) => r.unitId)).not.toContain(made.id)
    const onTheDay = (await pages(aheadDay)).communes.map((r) => r.unitId)
    expect(onTheDay).toContain(made.id)
    expect(onTheDay).not.toContain(c.unit.id)
    const after = await unitHistory(c.unit.id, today)
    expect(after).toMatchObject({ splittingInto: [] })
    expect(codes(after?.splitInto)).toEqual([c.neighbour.code, 'xa-ha-lau-moi'].sort())
  })

  test('left as it was when its day finds a choice gone (the member in charge no longer active), and not tried again that day', async () => {
    const c = await commune('Xã Đạp Thanh')
    const member = await make.member('Ủy viên phụ trách Xã Đạp Thanh Mới')
    const fields = { id: c.unit.id, newName1: 'Xã Đạp Thanh Mới', newCode1: 'xa-dap-thanh-moi', newName2: 'Xã Đạp Thanh Hai', newCode2: 'xa-dap-thanh-hai', 'inCharge.new1': member.id }
    const choices = { [`take.${c.a.withFigure.id}`]: 'new1', [`take.${c.a.blocked.id}`]: 'new2', [`take.${c.a.notStarted.id}`]: 'new2', [`child.${c.village.id}`]: 'new1' }
    const saved = await splitUnit({ actor: admin, now: decidedAt, ip: null }, adminValues({ kind: 'SPLIT', intent: 'apply', reason: REASON, effectiveDate: aheadDay, ...fields, ...choices }))
    expect(saved).toMatchObject({ kind: 'saved', applied: true, plan: { scheduled: true } })
    await database.db.member.update({ where: { id: member.id }, data: { active: false } })
    const change = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'SPLIT', parts: { some: { unitId: c.unit.id } } } })
    const untouched = () => guard.checkAfresh(() => applyDueUnitChanges(today, now), { tables: DAY_COUNTS })
    expect(await untouched()).toBe(0)
    expect(await untouched()).toBe(0)
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: null })
    expect(await database.db.unit.findMany({ where: { code: { in: [c.unit.code, 'xa-dap-thanh-moi', 'xa-dap-thanh-hai'] } }, select: { code: true, active: true }, orderBy: { code: 'asc' } })).toEqual([
      { code: c.unit.code, active: true },
      { code: 'xa-dap-thanh-hai', active: false },
      { code: 'xa-dap-thanh-moi', active: false },
    ])
  })

  test('a unit waiting to be split, and its parts, take no other change; the new part keeps its code', async () => {
    const c = await commune('Xã Quảng Lâm')
    const d = await make.unit({ name: 'Xã Quảng Lâm D' })
    const later = addDays(today, 30)
    const good = { id: c.unit.id, partIds: [c.neighbour.id], newName1: 'Xã Quảng Lâm Mới', newCode1: 'xa-quang-lam-moi', [`take.${c.a.withFigure.id}`]: 'new1', [`take.${c.a.blocked.id}`]: 'new1', [`take.${c.a.notStarted.id}`]: c.neighbour.id, [`child.${c.village.id}`]: 'new1' }
    expect(await split({ ...good, effectiveDate: later })).toMatchObject({ kind: 'saved', applied: true, plan: { scheduled: true } })
    const refusals: [() => Promise<unknown>, string, string][] = [
      [() => split({ ...good, newCode1: 'xa-quang-lam-2', effectiveDate: addDays(later, 1) }), 'form', 'splitScheduled'],
      [() => split({ ...good, id: d.id, newCode1: 'xa-quang-lam-2', effectiveDate: today }), 'form', 'splitScheduled'],
      [() => split({ id: d.id, newName1: 'Xã Khác', newCode1: 'xa-quang-lam-moi', newName2: 'Xã Khác 2', newCode2: 'xa-khac-2', effectiveDate: today }), 'newCode1', 'codeEverUsed'],
      [() => mergeUnits(as(admin), adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: addDays(later, 1), id: d.id, otherIds: [c.unit.id], successorId: d.id })), 'otherIds', 'splitScheduled'],
      [() => changeUnit(as(admin), adminValues({ intent: 'apply', id: c.unit.id, kind: 'RENAME', newName: 'Xã Quảng Lâm Khác', effectiveDate: addDays(today, 2), reason: REASON })), 'effectiveDate', 'splitScheduled'],
      [() => changeUnit(as(admin), adminValues({ intent: 'apply', id: c.neighbour.id, kind: 'RECODE', newCode: 'xa-quang-lam-ben-moi', effectiveDate: addDays(later, 2), reason: REASON })), 'effectiveDate', 'splitScheduled'],
    ]
    for (const [request, field, code] of refusals) expect(await withoutWrites(request), code).toMatchObject({ kind: 'invalid', problems: { [field]: { code } } })
    // Not due yet: nothing is applied.
    expect(await applyDueUnitChanges(today, now)).toBe(0)
  })
})

describe('bad input is refused with nothing written', () => {
  test('too few parts, the unit itself, a unit below or above, an open assignment or a child without a part, before a report, too far ahead, a code once used, two changes on one day', async () => {
    const c = await commune('Xã Nam Sơn')
    const above = await make.unit({ kind: 'DISTRICT', name: 'Huyện trên' })
    await database.db.unit.update({ where: { id: c.unit.id }, data: { parentId: above.id } })
    const choices = { [`take.${c.a.withFigure.id}`]: 'new1', [`take.${c.a.blocked.id}`]: 'new1', [`take.${c.a.notStarted.id}`]: c.neighbour.id, [`child.${c.village.id}`]: 'new1' }
    const good = { id: c.unit.id, partIds: [c.neighbour.id], newName1: 'Xã Nam Sơn Mới', newCode1: 'xa-nam-son-moi', ...choices }
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ ...good, partIds: [] }, 'partIds', 'splitTooFew'],
      [{ ...good, partIds: [c.unit.id] }, 'partIds', 'splitIntoItself'],
      [{ ...good, partIds: [c.village.id] }, 'partIds', 'splitIntoDescendant'],
      [{ ...good, partIds: [above.id] }, 'partIds', 'splitIntoAncestor'],
      [{ ...good, [`take.${c.a.blocked.id}`]: '' }, `take.${c.a.blocked.id}`, 'splitUnassigned'],
      [{ ...good, [`take.${c.a.blocked.id}`]: 'new2' }, `take.${c.a.blocked.id}`, 'splitUnassigned'],
      [{ ...good, [`child.${c.village.id}`]: '' }, `child.${c.village.id}`, 'splitChildUnplaced'],
      [{ ...good, effectiveDate: addDays(today, -4) }, 'effectiveDate', 'splitBeforeReport'],
      [{ ...good, effectiveDate: addDays(today, 400) }, 'effectiveDate', 'effectiveTooLate'],
      [{ ...good, newCode1: c.neighbour.code }, 'newCode1', 'codeEverUsed'],
      [{ ...good, newName2: 'Xã Hai', newCode2: 'xa-nam-son-moi' }, 'newCode2', 'splitCodeTwice'],
      [{ ...good, newCode1: '' }, 'newCode1', 'codeRequired'],
      [{ ...good, 'inCharge.new1': c.village.id }, 'inCharge.new1', 'choiceMissing'],
    ]
    for (const [fields, field, code] of cases) {
      const answer = await withoutWrites(() => split(fields))
      expect(answer, code).toMatchObject({ kind: 'invalid', problems: { [field]: { code } } })
    }
    // The preview does not ask for the choices yet: it is where they are made.
    expect(await withoutWrites(() => split({ ...good, [`take.${c.a.blocked.id}`]: '' }, 'preview'))).toMatchObject({ kind: 'saved', applied: false })
    // A unit changes once a day: a rename of the neighbour two days ago leaves no room for a split that day, nor before it.
    await changeUnit(as(admin), adminValues({ intent: 'apply', id: c.neighbour.id, kind: 'RENAME', newName: 'Xã Nam Sơn Bên Mới', effectiveDate: addDays(today, -2), reason: REASON }))
    expect(await withoutWrites(() => split({ ...good, effectiveDate: addDays(today, -2) }))).toMatchObject({ problems: { effectiveDate: { code: 'sameDayChange' } } })
    // A split unit is split no more.
    expect(await split(good)).toMatchObject({ kind: 'saved', applied: true })
    expect(await withoutWrites(() => split({ ...good, newCode1: 'xa-nam-son-2', effectiveDate: today }))).toMatchObject({ problems: { form: { code: 'splitUnitInactive' } } })
  })

  test('a non-administrator is refused, and only the refusal is recorded', async () => {
    const c = await commune('Xã Lương Mông')
    const staff = await make.user({ role: 'STAFF', unitId: c.unit.id })
    const answer = await withoutWrites(() => splitUnit(as(staff), adminValues({ kind: 'SPLIT', intent: 'apply', id: c.unit.id, partIds: [c.neighbour.id], newName1: 'Xã Mới', newCode1: 'xa-luong-moi', effectiveDate: splitDay, reason: REASON })))
    expect(answer).toEqual({ kind: 'notFound' })
    expect(await database.db.auditEvent.count({ where: { action: 'unit.split.refused', actorId: staff.id } })).toBe(1)
  })
})

describe('work done on time before a split dated after its deadline', () => {
  test('stays done on time in the part that takes it: the counts of the day before and the day after, today, the commune page and the export agree', async () => {
    const ownGroup = await make.group()
    const due = addDays(today, -5)
    const [finished, open] = await Promise.all([make.task({ groupId: ownGroup.id, dueDate: new Date(due) }), make.task({ groupId: ownGroup.id })])
    const unit = await make.unit({ name: 'Xã Thanh Sơn' })
    const staff = await make.user({ role: 'STAFF', unitId: unit.id })
    const done = await make.assignment({ taskId: finished.id, unitId: unit.id })
    const started = await make.assignment({ taskId: open.id, unitId: unit.id })
    await database.db.assignment.updateMany({ where: { unitId: unit.id }, data: { createdAt: endOfDistrictDay(addDays(today, -10)) } })
    await report(done.id, staff.id, { status: 'DONE', progress: 100 }, addDays(due, -1))
    await report(started.id, staff.id, { status: 'IN_PROGRESS', progress: 30 })
    const doneAt = (await database.db.assignment.findUniqueOrThrow({ where: { id: done.id } })).completedAt

    const groupCounts = async (source: ProgressSource) => {
      const row = (await progressByGroup(source, null)).groups.find((g) => g.groupId === ownGroup.id)
      return { assigned: row?.assigned, doneOnTime: row?.doneOnTime, doneLate: row?.doneLate, inProgress: row?.inProgress }
    }
    const dayBefore = addDays(splitDay, -1)
    const before = await groupCounts(fromHistory(dayBefore))
    expect(before).toEqual({ assigned: 2, doneOnTime: 1, doneLate: 0, inProgress: 1 })
    expect(await groupCounts(fromKeptCounts(today, now))).toEqual(before)

    const fields = { id: unit.id, newName1: 'Xã Thanh Sơn Một', newCode1: 'xa-thanh-son-mot', newName2: 'Xã Thanh Sơn Hai', newCode2: 'xa-thanh-son-hai', [`take.${started.id}`]: 'new2' }
    expect(await split(fields)).toMatchObject({ kind: 'saved', applied: true })
    const first = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-thanh-son-mot' } })

    expect(await groupCounts(fromHistory(dayBefore))).toEqual(before)
    for (const source of [fromHistory(splitDay), fromKeptCounts(today, now)]) {
      expect(await groupCounts(source)).toEqual(before)
      expect(await communeRow(source, first.id)).toMatchObject({ assigned: 1, doneOnTime: 1, doneLate: 0 })
    }
    const carried = await database.db.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId: finished.id, unitId: first.id } }, include: { updates: true } })
    expect(carried.completedAt).toEqual(doneAt)
    expect(carried.updates).toMatchObject([{ status: 'DONE', doneSince: doneAt }])

    for (const search of ['', `asOf=${splitDay}`]) {
      const doc = await taskExport(finished.code, translatorFor('vi'), now, new URLSearchParams(search), admin)
      const rows = []
      for await (const row of doc?.sheets[0]?.rows ?? []) rows.push(row.slice(0, 2))
      expect(rows).toEqual([['Xã Thanh Sơn Một', { labels: ['doneOnTime'] }]])
    }
  })
})
