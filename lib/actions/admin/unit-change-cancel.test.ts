// Cancelling a change of units dated ahead ("Hủy thay đổi"): a merge or a split is deleted with its
// new units (their codes free again) and never applied on its day; a rename or re-code stays marked
// cancelled, its stretch of name gone, and the people told of it are told of the cancellation; an
// applied change, a stranger and bad input are refused with nothing written but the refusal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { addDays, districtDay, endOfDistrictDay } from '@/lib/domain/calendar'
import { pendingUnitChanges, unitChangesDue, unitHistory } from '@/lib/queries/unit-history'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { DAY_COUNTS, writeGuard } from '@/test/helpers/write-guard'
import { adminValues } from './test-form'
import { applyDueUnitChanges } from './unit-changes-due'
import { cancelUnitChange } from './unit-change-cancel'
import { mergeUnits } from './unit-merge'
import { splitUnit } from './unit-split'
import { setActive } from './active'
import { changeUnit, saveUnit } from './units'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const now = new Date()
const today = districtDay(now)
const REASON = 'Nghị quyết số 47/NQ-HĐND'
// Decided three days ago for two days later: its day is yesterday, and has come unless cancelled.
const decidedAt = new Date(endOfDistrictDay(addDays(today, -3)).getTime() - 3600_000)
const aheadDay = addDays(today, -1)
// Cancelled the day after it was decided, before its day.
const cancelledAt = new Date(decidedAt.getTime() + 24 * 3600_000)

let district: { id: string }
let admin: Actor
let otherAdmin: Actor
let staff: Actor

beforeAll(async () => {
  // Two districts of one province: each district's administrators act in their own subtree.
  const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
  district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
  const otherDistrict = await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  otherAdmin = await make.user({ role: 'ADMIN', unitId: otherDistrict.id })
  staff = await make.user({ role: 'STAFF', unitId: district.id })
})

afterAll(() => guard.close())

/** Runs `request` and fails unless it wrote nothing but refusals' audit rows (a read may recount the day's counts). */
const withoutWrites = <R>(request: () => Promise<R>): Promise<R> => guard.checkAfresh(request, { tables: DAY_COUNTS })

const cancel = (actor: Actor, fields: Record<string, string>, at = cancelledAt) => cancelUnitChange({ actor, now: at, ip: '198.51.100.9' }, adminValues(fields))
const commune = (name: string) => make.unit({ name, parentId: district.id })
const pendingOf = (unitId: string) => database.db.unitChange.findFirst({ where: { appliedAt: null, parts: { some: { unitId } } }, select: { id: true, kind: true, cancelledAt: true } })

async function mergeAhead(prefix: string, newCode: string) {
  const a = await commune(`${prefix} A`)
  const b = await commune(`${prefix} B`)
  const saved = await mergeUnits({ actor: admin, now: decidedAt, ip: '198.51.100.9' }, adminValues({ kind: 'MERGE', intent: 'apply', reason: REASON, effectiveDate: aheadDay, id: a.id, otherIds: [b.id], newName: `${prefix} Mới`, newCode }))
  expect(saved).toMatchObject({ kind: 'saved', applied: true, plan: { scheduled: true } })
  const change = await pendingOf(a.id)
  if (!change) throw new Error('the merge is saved')
  return { a, b, change }
}

describe('a merge dated ahead, cancelled', () => {
  test('is gone with its new successor, whose code is free again; the units stay as they are, the pages no longer announce it, its day applies nothing', async () => {
    const { a, b, change } = await mergeAhead('Xã Lâm', 'xa-lam-moi')
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-lam-moi' } })
    const between = districtDay(cancelledAt)
    expect(await unitHistory(a.id, between)).toMatchObject({ mergingInto: { code: 'xa-lam-moi', day: aheadDay } })
    expect((await pendingUnitChanges(a.id)).map((c) => [c.id, c.kind, c.to])).toEqual([[change.id, 'MERGE', 'Xã Lâm Mới']])

    expect(await cancel(admin, { id: a.id, changeId: change.id })).toMatchObject({ kind: 'saved', effectiveDate: aheadDay, removedUnits: [successor.id], unitCode: a.code })
    expect(await database.db.unitChange.findUnique({ where: { id: change.id } })).toBeNull()
    expect(await database.db.unitChangePart.count({ where: { changeId: change.id } })).toBe(0)
    expect(await database.db.unit.findUnique({ where: { id: successor.id } })).toBeNull()
    expect(await database.db.unitCode.findUnique({ where: { code: 'xa-lam-moi' } })).toBeNull()
    expect(await unitHistory(a.id, between)).toMatchObject({ mergingInto: null })
    expect(await pendingUnitChanges(a.id)).toEqual([])

    // The audit row keeps what was cancelled.
    const [event] = await database.db.auditEvent.findMany({ where: { action: 'unit.change_cancel', entityId: a.id } })
    expect(event).toMatchObject({ actorId: admin.id, before: { change: { id: change.id, kind: 'MERGE', effectiveDate: aheadDay, reason: REASON }, parts: expect.arrayContaining([expect.objectContaining({ side: 'AFTER', code: 'xa-lam-moi' })]) }, after: { cancelled: true, removedUnits: [successor.id] } })

    // Its day comes: nothing is applied, both units stand.
    await applyDueUnitChanges(today, now)
    await unitChangesDue(today)
    expect(await database.db.unit.findMany({ where: { id: { in: [a.id, b.id] } }, select: { active: true } })).toEqual([{ active: true }, { active: true }])
    expect(await unitHistory(a.id, today)).toMatchObject({ mergedInto: null, mergingInto: null })

    // The code is free: a new merge may take it.
    const again = await mergeUnits({ actor: admin, now, ip: null }, adminValues({ kind: 'MERGE', intent: 'preview', reason: REASON, effectiveDate: today, id: a.id, otherIds: [b.id], newName: 'Xã Lâm Mới', newCode: 'xa-lam-moi' }))
    expect(again).toMatchObject({ kind: 'saved', applied: false })
  })

  test('a new successor something was attached to meanwhile stays, inactive, with its code', async () => {
    const { a, change } = await mergeAhead('Xã Nam', 'xa-nam-moi')
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-nam-moi' } })
    await make.user({ role: 'STAFF', unitId: successor.id })
    expect(await cancel(admin, { id: a.id, changeId: change.id })).toMatchObject({ kind: 'saved', removedUnits: [] })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: successor.id } })).toMatchObject({ active: false })
    expect(await database.db.unitChange.findUnique({ where: { id: change.id } })).toBeNull()
  })
})

describe('a merge dated ahead, cancelled from the page of its new successor', () => {
  test('takes the successor with it; the answer names no unit page to go back to', async () => {
    const { a, change } = await mergeAhead('Xã Đông Hải', 'xa-dong-hai-moi')
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-dong-hai-moi' } })
    expect(await cancel(admin, { id: successor.id, changeId: change.id })).toMatchObject({ kind: 'saved', removedUnits: [successor.id], unitCode: null })
    expect(await pendingOf(a.id)).toBeNull()
  })
})

describe('a split dated ahead, cancelled', () => {
  test('is gone with its new parts; the unit stays whole on its day', async () => {
    const unit = await commune('Xã Đồn')
    const saved = await splitUnit(
      { actor: admin, now: decidedAt, ip: null },
      adminValues({ kind: 'SPLIT', intent: 'apply', reason: REASON, effectiveDate: aheadDay, id: unit.id, newName1: 'Xã Đồn Một', newCode1: 'xa-don-mot', newName2: 'Xã Đồn Hai', newCode2: 'xa-don-hai' }),
    )
    expect(saved).toMatchObject({ kind: 'saved', applied: true, plan: { scheduled: true } })
    const change = await pendingOf(unit.id)
    if (!change) throw new Error('the split is saved')
    expect(await unitHistory(unit.id, districtDay(cancelledAt))).toMatchObject({ splittingInto: [{ code: 'xa-don-hai' }, { code: 'xa-don-mot' }] })

    const result = await cancel(admin, { id: unit.id, changeId: change.id })
    expect(result).toMatchObject({ kind: 'saved', effectiveDate: aheadDay })
    expect(result.kind === 'saved' ? result.removedUnits : []).toHaveLength(2)
    expect(await database.db.unit.count({ where: { code: { in: ['xa-don-mot', 'xa-don-hai'] } } })).toBe(0)
    expect(await database.db.unitCode.count({ where: { code: { in: ['xa-don-mot', 'xa-don-hai'] } } })).toBe(0)
    expect(await unitHistory(unit.id, districtDay(cancelledAt))).toMatchObject({ splittingInto: [] })

    await applyDueUnitChanges(today, now)
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ active: true })
    expect(await unitHistory(unit.id, today)).toMatchObject({ splitInto: [], splittingInto: [] })
  })
})

describe('a rename or re-code dated ahead, cancelled', () => {
  test('stays on record marked cancelled; the unit keeps its name on the day; those told of it are told of the cancellation', async () => {
    const unit = await commune('Xã Thanh Lâm')
    const unitStaff = await make.user({ role: 'STAFF', unitId: unit.id })
    expect(await changeUnit({ actor: admin, now: decidedAt, ip: null }, adminValues({ kind: 'RENAME', intent: 'apply', reason: REASON, effectiveDate: aheadDay, id: unit.id, newName: 'Xã Thanh Lâm Mới' }))).toMatchObject({ kind: 'saved', applied: true })
    const change = await pendingOf(unit.id)
    if (!change) throw new Error('the rename is saved')
    expect(await database.db.notification.findMany({ where: { unitChangeId: change.id }, select: { recipientId: true, kind: true } })).toEqual([{ recipientId: unitStaff.id, kind: 'UNIT_CHANGED' }])

    expect(await cancel(admin, { id: unit.id, changeId: change.id })).toMatchObject({ kind: 'saved', effectiveDate: aheadDay, removedUnits: [] })
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: null, cancelledAt })
    expect(await database.db.unitName.findMany({ where: { unitId: unit.id }, select: { name: true, validFrom: true, validTo: true } })).toEqual([{ name: 'Xã Thanh Lâm', validFrom: null, validTo: null }])
    expect(await database.db.notification.findMany({ where: { unitChangeId: change.id }, select: { recipientId: true, kind: true }, orderBy: { id: 'asc' } })).toEqual([
      { recipientId: unitStaff.id, kind: 'UNIT_CHANGED' },
      { recipientId: unitStaff.id, kind: 'UNIT_CHANGE_CANCELLED' },
    ])

    await unitChangesDue(today)
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ name: 'Xã Thanh Lâm' })
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: null })
    expect(await unitHistory(unit.id, today)).toMatchObject({ name: 'Xã Thanh Lâm', renamed: null })
    expect(await pendingUnitChanges(unit.id)).toEqual([])
    // A cancelled change is cancelled once.
    expect(await cancel(admin, { id: unit.id, changeId: change.id })).toEqual({ kind: 'invalid', problems: { form: { code: 'changeAlreadyCancelled' } } })
  })

  test('a re-code releases the code kept for it; one followed by a later change waits for that to be cancelled first', async () => {
    const unit = await commune('Xã Minh Cầm')
    const recode = (code: string, day: string) => changeUnit({ actor: admin, now: decidedAt, ip: null }, adminValues({ kind: 'RECODE', intent: 'apply', reason: REASON, effectiveDate: day, id: unit.id, newCode: code }))
    expect(await recode('minh-cam-moi', aheadDay)).toMatchObject({ kind: 'saved' })
    expect(await recode('minh-cam-sau', addDays(today, 5))).toMatchObject({ kind: 'saved' })
    const [first, second] = await database.db.unitChange.findMany({ where: { parts: { some: { unitId: unit.id } } }, orderBy: { effectiveDate: 'asc' }, select: { id: true } })
    if (!first || !second) throw new Error('two re-codes')
    expect(await withoutWrites(() => cancel(admin, { id: unit.id, changeId: first.id }))).toEqual({ kind: 'invalid', problems: { form: { code: 'laterChangeFirst', params: { date: expect.any(String) } } } })
    expect(await cancel(admin, { id: unit.id, changeId: second.id })).toMatchObject({ kind: 'saved' })
    expect(await cancel(admin, { id: unit.id, changeId: first.id })).toMatchObject({ kind: 'saved' })
    expect(await database.db.unitCode.findMany({ where: { unitId: unit.id }, select: { code: true } })).toEqual([{ code: unit.code }])
    await unitChangesDue(today)
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ code: unit.code })
    // The code is free again.
    expect(await changeUnit({ actor: admin, now, ip: null }, adminValues({ kind: 'RECODE', intent: 'preview', reason: REASON, effectiveDate: today, id: unit.id, newCode: 'minh-cam-moi' }))).toMatchObject({ kind: 'saved', applied: false })
  })
})

describe('refused cancellations', () => {
  test('another district’s administrator and a staff member are answered as if it did not exist, with nothing written; the change still waits', async () => {
    const { a, change } = await mergeAhead('Xã Đạp Thanh', 'xa-dap-thanh-moi')
    for (const stranger of [otherAdmin, staff]) expect(await withoutWrites(() => cancel(stranger, { id: a.id, changeId: change.id }))).toEqual({ kind: 'notFound' })
    // Named from a unit that is not one of its own, it is not found either.
    const unrelated = await commune('Xã Khác')
    expect(await withoutWrites(() => cancel(admin, { id: unrelated.id, changeId: change.id }))).toEqual({ kind: 'notFound' })
    expect(await pendingOf(a.id)).toMatchObject({ id: change.id })
  })

  test('an applied change cannot be cancelled, nor can bad input', async () => {
    const { a, change } = await mergeAhead('Xã Hải Lạng', 'xa-hai-lang-moi')
    await applyDueUnitChanges(today, now)
    expect(await database.db.unitChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ appliedAt: now })
    expect(await withoutWrites(() => cancel(admin, { id: a.id, changeId: change.id }, now))).toEqual({ kind: 'invalid', problems: { form: { code: 'changeAlreadyApplied', params: { date: expect.any(String) } } } })
    expect(await withoutWrites(() => cancel(admin, { id: a.id, changeId: 'không-phải-mã' }, now))).toEqual({ kind: 'invalid', problems: { changeId: { code: 'choiceMissing' } } })
  })
})

describe('the own form of a unit a change waits on', () => {
  test('refuses another parent, kind, member in charge or order, and (de)activation, beside the field, with nothing written; after the cancellation it takes them', async () => {
    const { a, b, change } = await mergeAhead('Xã Thanh Sơn', 'xa-thanh-son-moi')
    const successor = await database.db.unit.findUniqueOrThrow({ where: { code: 'xa-thanh-son-moi' } })
    const other = await commune('Xã Bên Cạnh')
    // A member of the district: the administrator's choices are of their subtree.
    const member = await database.db.member.update({ where: { id: (await make.member('Ủy viên phụ trách Thanh Sơn')).id }, data: { unitId: district.id } })
    const form = (fields: Record<string, string>) => ({ id: a.id, code: a.code, name: a.name, kind: 'COMMUNE', parentId: district.id, inChargeMemberId: '', sortOrder: '0', ...fields })
    const edit = (fields: Record<string, string>) => saveUnit({ actor: admin, now: cancelledAt, ip: null }, adminValues(form(fields)))
    const waiting = { code: 'mergeScheduled', params: { date: expect.any(String) } }
    for (const [fields, field] of [
      [{ parentId: other.id }, 'parentId'],
      [{ kind: 'TOWNSHIP' }, 'kind'],
      [{ inChargeMemberId: member.id }, 'inChargeMemberId'],
      [{ sortOrder: '5' }, 'sortOrder'],
    ] as const)
      expect(await withoutWrites(() => edit(fields))).toEqual({ kind: 'invalid', problems: { [field]: waiting } })
    // Deactivating a unit to be merged, or making its new successor stand before the day.
    const toggle = (id: string, active: boolean) => setActive({ actor: admin, now: cancelledAt, ip: null }, adminValues({ entity: 'Unit', id, active: String(active) }))
    expect(await withoutWrites(() => toggle(b.id, false))).toEqual({ kind: 'invalid', problems: { form: waiting } })
    expect(await withoutWrites(() => toggle(successor.id, true))).toEqual({ kind: 'invalid', problems: { form: waiting } })
    // Saved as it is, nothing changes: not refused.
    expect(await edit({})).toMatchObject({ kind: 'saved' })

    expect(await cancel(admin, { id: a.id, changeId: change.id })).toMatchObject({ kind: 'saved' })
    expect(await edit({ inChargeMemberId: member.id, sortOrder: '5' })).toMatchObject({ kind: 'saved' })
    expect(await toggle(b.id, false)).toMatchObject({ kind: 'saved' })
  })
})
