// Units: the district, communes, the township, villages and agencies; and the changes of a unit's
// name or code, dated by the decision behind them (the model: prisma/schema.prisma, UnitChange).
import 'server-only'
import type { Prisma } from '@/lib/db/client'
import { addDays, dateColumnDay, districtDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { communeHref, unitPageHref } from '@/lib/domain/paths'
import { parseAdmin, unitChangeSchema, unitSchema, type AdminValues, type UnitChangeInput, type UnitChangeKind, type UnitInput } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { checkReferences } from './references'
import { unitRowInScopeSql, unitsWhere, type Actor } from '@/lib/auth/permissions'

const unitFields = { code: true, name: true, kind: true, parentId: true, inChargeMemberId: true, sortOrder: true, active: true } as const

export type SavedUnit = { id: string; code: string; created: boolean }

/**
 * Creates a unit (no `id` in the form) or edits one. The name and code of a unit that exists change
 * only by a dated change (changeUnit), so that pages read as of an earlier day keep the old ones: an
 * edit leaves them as they are. A new unit may not take a code any unit ever had (UnitCode).
 */
export function saveUnit(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  return adminWrite<UnitInput, SavedUnit>(context, {
    action: id ? 'unit.update' : 'unit.create',
    entity: 'Unit',
    entityId: id,
    parsed: () => parseAdmin(unitSchema, values),
    unique: { field: 'code', code: 'codeTaken' },
    write: async (tx, input) => {
      const before = id ? await tx.unit.findFirst({ where: { id, ...unitsWhere(context.actor) }, select: { id: true, ...unitFields } }) : null
      if (id && !before) throw new MissingRecord()
      // An administrator below the top of the tree makes units inside their subtree only, and leaves
      // its root as it stands: another kind or parent would move the bounds of their own scope.
      if (context.actor.scopeUnitId !== null && !input.parentId && before?.id !== context.actor.scopeUnitId) throw InvalidInput.of('parentId', 'parentInScope')
      if (before && before.id === context.actor.scopeUnitId && (input.kind !== before.kind || (input.parentId ?? null) !== before.parentId))
        throw InvalidInput.of('kind', 'scopeRootFixed')
      await checkReferences(tx, context.actor, [
        { field: 'parentId', model: 'unit', id: input.parentId ?? null, current: before?.parentId },
        { field: 'inChargeMemberId', model: 'member', id: input.inChargeMemberId ?? null, current: before?.inChargeMemberId },
      ])
      if (before && input.parentId && (await isWithin(tx, input.parentId, before.id))) throw InvalidInput.of('parentId', 'parentCycle')
      if (!before && (await tx.unitCode.findUnique({ where: { code: input.code }, select: { code: true } }))) throw InvalidInput.of('code', 'codeTaken')
      const data = { kind: input.kind, parentId: input.parentId, inChargeMemberId: input.inChargeMemberId, sortOrder: input.sortOrder }
      // A merge or a split dated ahead is applied as decided, on the unit as it was then: it takes no other change meanwhile.
      const edited = before ? (Object.keys(data) as (keyof typeof data)[]).find((field) => (data[field] ?? null) !== before[field]) : undefined
      if (before && edited) await checkNotPending(tx, [before.id], edited)
      const unit = before
        ? await tx.unit.update({ where: { id: before.id }, data, select: { id: true, ...unitFields } })
        : await tx.unit.create({ data: { ...data, name: input.name, code: input.code }, select: { id: true, ...unitFields } })
      await recordAudit(tx, context, {
        action: before ? 'unit.update' : 'unit.create',
        entity: 'Unit',
        entityId: unit.id,
        ...(before ? { before: snapshot(before) } : {}),
        after: snapshot(unit),
      })
      return { id: unit.id, code: unit.code, created: !before }
    },
  })
}

/** Whether `unitId` is `ancestorId` or lies below it in the tree. */
export async function isWithin(tx: Prisma.TransactionClient, unitId: string, ancestorId: string): Promise<boolean> {
  // Unit.ancestorIds holds the unit's ids from the top down to itself (kept by triggers).
  const [row] = await tx.$queryRaw<{ within: boolean }[]>`SELECT ${ancestorId}::uuid = ANY("ancestorIds") AS within FROM "Unit" WHERE id = ${unitId}::uuid`
  return row?.within ?? false
}

/** A merge or a split dated ahead, not yet applied, that one of the units takes part in: its kind and day. */
export type PendingChange = { kind: 'MERGE' | 'SPLIT'; day: CalendarDay }

/** The earliest merge or split dated ahead, not yet applied, that one of the units takes part in (other than `except`); null when none. */
export async function pendingChange(tx: Prisma.TransactionClient, unitIds: string[], except: string | null = null): Promise<PendingChange | null> {
  const change = await tx.unitChange.findFirst({
    where: { kind: { in: ['MERGE', 'SPLIT'] }, appliedAt: null, parts: { some: { unitId: { in: unitIds } } }, ...(except ? { id: { not: except } } : {}) },
    orderBy: { effectiveDate: 'asc' },
    select: { kind: true, effectiveDate: true },
  })
  return change ? { kind: change.kind === 'SPLIT' ? 'SPLIT' : 'MERGE', day: dateColumnDay(change.effectiveDate) } : null
}

/** Refuses a change of units of which one waits for a merge or a split dated ahead: it would be planned on units that change before it. */
export async function checkNotPending(tx: Prisma.TransactionClient, unitIds: string[], field: string, except: string | null = null): Promise<void> {
  const pending = await pendingChange(tx, unitIds, except)
  if (pending) throw InvalidInput.of(field, pending.kind === 'MERGE' ? 'mergeScheduled' : 'splitScheduled', { date: formatDay(pending.day) })
}

/** How far ahead a change may be dated: a decision takes effect within the year it is recorded in. */
export const MAX_DAYS_AHEAD = 365

type Label = { name: string; code: string }

/** What a rename or a re-code would do, shown before it is applied and applied as shown. */
export type UnitChangePlan = {
  unitId: string
  kind: UnitChangeKind
  effectiveDate: CalendarDay
  reason: string
  before: Label
  after: Label
  /** The pages whose address changes, old to new (a re-code); the old ones redirect to the new. */
  addresses: { before: string; after: string }[]
  /** The unit's assignment pages, /units/<code>/tasks/<task>, which move with the unit page. */
  assignmentPages: number
  /** The unit's accounts: their usernames stay as they are (they are what people type to sign in). */
  accounts: number
  /** Dated after today: the new name or code is used from that day on. */
  scheduled: boolean
}

export type UnitChangeResult = { plan: UnitChangePlan; applied: boolean }

/**
 * Renames or re-codes a unit from a day on (`intent` "apply"), or only says what that would do
 * (any other intent: nothing is written). Refused, before anything is written: a day more than a
 * year ahead, on or before the unit's latest change (one change a day; history is added at its
 * end), of a unit to be merged on a later day, a name or code that does not change, a code any unit has or ever had. A rename or a re-code
 * moves no report, so no report limits its day.
 */
export function changeUnit(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  const apply = values.intent === 'apply'
  return adminWrite<UnitChangeInput, UnitChangeResult>(context, {
    action: values.kind === 'RECODE' ? 'unit.recode' : 'unit.rename',
    entity: 'Unit',
    entityId: id,
    parsed: () => parseAdmin(unitChangeSchema, values),
    // Two administrators giving one code at once: the key of UnitCode decides.
    unique: { field: 'newCode', code: 'codeEverUsed' },
    write: async (tx, input) => {
      const plan = await planUnitChange(tx, context.actor, context.now, input)
      if (apply) await applyUnitChange(tx, context, plan)
      return { plan, applied: apply }
    },
  })
}

async function planUnitChange(tx: Prisma.TransactionClient, actor: Actor, now: Date, input: UnitChangeInput): Promise<UnitChangePlan> {
  // Locked: two changes of one unit at once are made one after the other, and the second sees the first.
  // Another district's unit is not found.
  const [unit] = await tx.$queryRaw<{ kind: string }[]>`SELECT kind::text AS kind FROM "Unit" WHERE id = ${input.id}::uuid AND ${unitRowInScopeSql(actor, '"Unit"')} FOR UPDATE`
  const latest = unit ? await tx.unitName.findFirst({ where: { unitId: input.id, validTo: null }, select: { name: true, code: true, validFrom: true } }) : null
  if (!unit || !latest) throw new MissingRecord()
  const today = districtDay(now)
  const day = input.effectiveDate
  const lastDay = addDays(today, MAX_DAYS_AHEAD)
  if (day > lastDay) throw InvalidInput.of('effectiveDate', 'effectiveTooLate', { date: formatDay(lastDay) })
  const latestDay = latest.validFrom ? dateColumnDay(latest.validFrom) : null
  const sameDay = await tx.unitChangePart.count({ where: { unitId: input.id, change: { effectiveDate: new Date(day), cancelledAt: null } } })
  if (sameDay > 0 || latestDay === day) throw InvalidInput.of('effectiveDate', 'sameDayChange', { date: formatDay(day) })
  if (latestDay !== null && day < latestDay) throw InvalidInput.of('effectiveDate', 'beforeLastChange', { date: formatDay(latestDay) })
  // The merge would carry the name and code it was decided with.
  await checkNotPending(tx, [input.id], 'effectiveDate')

  const before = { name: latest.name, code: latest.code }
  const after = input.kind === 'RENAME' ? { name: input.newName ?? latest.name, code: latest.code } : { name: latest.name, code: input.newCode }
  if (input.kind === 'RENAME' && after.name === before.name) throw InvalidInput.of('newName', 'nameUnchanged')
  if (input.kind === 'RECODE' && after.code === before.code) throw InvalidInput.of('newCode', 'codeUnchanged')
  if (input.kind === 'RECODE' && (await tx.unitCode.findUnique({ where: { code: after.code }, select: { code: true } }))) throw InvalidInput.of('newCode', 'codeEverUsed')

  const commune = unit.kind === 'COMMUNE' || unit.kind === 'TOWNSHIP'
  const addresses =
    input.kind === 'RECODE'
      ? [
          { before: unitPageHref(before.code), after: unitPageHref(after.code) },
          ...(commune ? [{ before: communeHref(before.code), after: communeHref(after.code) }] : []),
        ]
      : []
  const [assignmentPages, accounts] = await Promise.all([
    input.kind === 'RECODE' ? tx.assignment.count({ where: { unitId: input.id } }) : 0,
    tx.user.count({ where: { unitId: input.id } }),
  ])
  return { unitId: input.id, kind: input.kind, effectiveDate: day, reason: input.reason, before, after, addresses, assignmentPages, accounts, scheduled: day > today }
}

/**
 * The change, its parts, the end of the unit's current stretch of name and code and the start of
 * the next, the new code kept for good, the notifications to the unit's staff and member in charge,
 * and the audit row; the Unit row takes it now when its day has come (else on that day,
 * unit_changes_due). A change dated ahead is told at once, with its day: people learn of it when it
 * is decided, not when it takes effect.
 */
async function applyUnitChange(tx: Prisma.TransactionClient, context: ActionContext, plan: UnitChangePlan): Promise<void> {
  const effectiveDate = new Date(plan.effectiveDate)
  const change = await tx.unitChange.create({
    data: {
      kind: plan.kind,
      effectiveDate,
      reason: plan.reason,
      createdById: context.actor.id,
      createdAt: context.now,
      parts: {
        create: [
          { unitId: plan.unitId, side: 'BEFORE', ...plan.before },
          { unitId: plan.unitId, side: 'AFTER', ...plan.after },
        ],
      },
    },
    select: { id: true },
  })
  await tx.unitName.updateMany({ where: { unitId: plan.unitId, validTo: null }, data: { validTo: effectiveDate } })
  await tx.unitName.create({ data: { unitId: plan.unitId, ...plan.after, validFrom: effectiveDate, changeId: change.id } })
  if (plan.kind === 'RECODE') await tx.unitCode.create({ data: { code: plan.after.code, unitId: plan.unitId } })
  if (!plan.scheduled) await tx.$queryRaw`SELECT unit_changes_due(${districtDay(context.now)}::date)`
  await tx.$executeRaw(unitChangeNoticeSql(context, change.id))
  await recordAudit(tx, context, {
    action: plan.kind === 'RECODE' ? 'unit.recode' : 'unit.rename',
    entity: 'Unit',
    entityId: plan.unitId,
    before: snapshot(plan.before),
    after: snapshot({ ...plan.after, effectiveDate: plan.effectiveDate, reason: plan.reason, changeId: change.id }),
  })
}
