// Splits of units: one unit ends and several parts, existing units or new ones, carry its work on,
// from a dated decision: the reverse of a merge (./unit-merge.ts). The split unit keeps its history:
// every report stays its own, and it stands (for pages read as of a day) until the split's day, when
// its stretches of name end and it becomes inactive. Each assignment goes to the part the
// administrator chose (a done one, to the first part unless chosen: the district's done work does
// not shrink because a unit split), which carries it on by a first report of
// the administrator quoting the split unit's state (combined with the part's own assignment of the
// task, when it has one, as a merge combines them). Its page, /units/<old> and /communes/<old>,
// stays and links to the parts: with several successors no address redirects.
// A split dated ahead is saved with its choices (scheduleSplit) and applied on its day by the same
// code (applyScheduledSplit, from the first request of the day), with the work as it stands then.
import 'server-only'
import { z } from 'zod'
import { membersWhere, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { UnitKind } from '@/lib/db/generated/enums'
import { dateColumnDay, districtDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { adminProblem, parseAdmin, SPLIT_CHOICES, SPLIT_DEACTIVATE, unitSplitSchema, type AdminProblems, type AdminValues, type UnitSplitInput } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { carryNote, carryOverMany, carrySource, carryTime, checkChangeDay, checkNotBeforeReports, combined, deciderOf, sourceRows, unitChangeData, type Carried, type CarrySource } from './unit-carry'
import { checkNotPending, isWithin } from './units'

type Label = { id: string; name: string; code: string }

/** A unit after the split: an existing one (its id is its key) or a new one (key `new<n>`, id empty until made, or the unit a split dated ahead made, not standing until its day). */
export type SplitPart = Label & { key: string; isNew: boolean; inChargeMemberId: string | null; inChargeName: string | null }

/** An assignment of the split unit, the part chosen to take it (null: not chosen yet), and what that part carries on. */
export type SplitAssignment = Carried & {
  taskId: string
  taskCode: string
  title: string
  source: CarrySource
  responsibleMemberId: string | null
  partKey: string | null
  /** The chosen part's own assignment of the task, combined with the source. */
  existing: CarrySource | null
}

/** What a split would do, shown before it is applied and applied as shown. */
export type UnitSplitPlan = {
  kind: 'SPLIT'
  /** The split dated ahead this plan applies on its day; null for a split decided now. */
  changeId: string | null
  /** Dated after today: saved now (the change, its parts, the new parts not yet standing, the choices) and applied on its day. */
  scheduled: boolean
  effectiveDate: CalendarDay
  reason: string
  /** The unit split: inactive from the day; new parts take its kind and place in the tree. */
  unit: Label & { kind: UnitKind; parentId: string | null; sortOrder: number; inChargeMemberId: string | null }
  parts: SplitPart[]
  assignments: SplitAssignment[]
  /** Its active accounts, each to a part (its key) or deactivated (null). */
  accounts: { id: string; username: string; displayName: string; partKey: string | null }[]
  /** Its active units below, each placed under a part (null: not chosen yet). */
  children: { id: string; name: string; partKey: string | null }[]
  /** The members who may be put in charge of a part. */
  members: { id: string; name: string }[]
}

export type UnitSplitResult = { plan: UnitSplitPlan; applied: boolean }

/**
 * Splits a unit (`intent` "apply"; dated after today: saved, and applied on its day), or only says
 * what that would do (nothing written; the choices the preview asks for may still be missing).
 * Refused before anything is written: fewer than two parts; a part that is the unit itself, a unit
 * below or above it, or inactive; an inactive unit; a unit already to be merged or split; a day more
 * than a year ahead, before a report on the work that moves, or on which one of the units already
 * changes; a new code any unit ever had; and when applied, an open assignment or a child unit left
 * without a part.
 */
export function splitUnit(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  const apply = values.intent === 'apply'
  return adminWrite<UnitSplitInput, UnitSplitResult>(context, {
    action: 'unit.split',
    entity: 'Unit',
    entityId: id,
    parsed: () => parseAdmin(unitSplitSchema, values),
    // Two administrators giving one code at once: the key of UnitCode decides.
    unique: { field: 'form', code: 'codeEverUsed' },
    write: async (tx, input) => {
      const plan = await planSplit(tx, context.actor, context.now, input)
      if (apply) {
        checkChosen(plan)
        await (plan.scheduled ? scheduleSplit(tx, context, plan) : applySplit(tx, context, plan))
      }
      return { plan, applied: apply }
    },
  })
}

/** Every open assignment and every child unit has its part: the parts account for all the work that moves. */
function checkChosen(plan: UnitSplitPlan): void {
  const problems: AdminProblems = {}
  for (const a of plan.assignments) if (a.partKey === null) problems[`${SPLIT_CHOICES.take}${a.source.assignmentId}`] = adminProblem('splitUnassigned')
  for (const c of plan.children) if (c.partKey === null) problems[`${SPLIT_CHOICES.child}${c.id}`] = adminProblem('splitChildUnplaced')
  if (Object.keys(problems).length > 0) throw new InvalidInput(problems)
}

/** A split dated ahead being applied on its day: its change and the new parts it made (by key). */
type Scheduled = { changeId: string; newPartIds: Map<string, string> }

async function planSplit(tx: Prisma.TransactionClient, actor: Actor, now: Date, input: UnitSplitInput, scheduled: Scheduled | null = null): Promise<UnitSplitPlan> {
  const all = [...new Set([input.id, ...input.partIds])]
  // Locked: a change of one of these units at the same time waits, and then sees this one.
  const units = await tx.$queryRaw<{ id: string; name: string; code: string; kind: UnitKind; parentId: string | null; sortOrder: number; active: boolean; inChargeMemberId: string | null }[]>`
    SELECT id::text AS id, name, code, kind::text AS kind, "parentId"::text AS "parentId", "sortOrder", active, "inChargeMemberId"::text AS "inChargeMemberId"
      FROM "Unit" WHERE id = ANY(${all}::uuid[]) AND ${unitRowInScopeSql(actor, '"Unit"')} ORDER BY id FOR UPDATE`
  const byId = new Map(units.map((u) => [u.id, u]))
  const unit = byId.get(input.id)
  if (!unit) throw new MissingRecord()
  if (!unit.active) throw InvalidInput.of('form', 'splitUnitInactive')
  // The root of the administrator's own scope is not split: its parts could stand outside it.
  if (actor.scopeUnitId === unit.id) throw InvalidInput.of('form', 'scopeRootFixed')
  if (input.partIds.includes(unit.id)) throw InvalidInput.of('partIds', 'splitIntoItself')
  if (input.partIds.length + input.newParts.length < 2) throw InvalidInput.of('partIds', 'splitTooFew')
  const existing = input.partIds.map((p) => byId.get(p))
  if (existing.some((p) => !p?.active)) throw InvalidInput.of('partIds', 'splitPartInactive')
  for (const p of input.partIds) {
    // A unit below ends with the split unit's end; a unit above would take its own unit's work.
    if (await isWithin(tx, p, unit.id)) throw InvalidInput.of('partIds', 'splitIntoDescendant')
    if (await isWithin(tx, unit.id, p)) throw InvalidInput.of('partIds', 'splitIntoAncestor')
  }

  const day = input.effectiveDate
  // The split being applied on its day is not another change of its units; its new parts were made with their codes then.
  await checkChangeDay(tx, now, day, all, scheduled?.changeId ?? null)
  await checkNotPending(tx, all, 'form', scheduled?.changeId ?? null)
  if (!scheduled) for (const p of input.newParts) if (await tx.unitCode.findUnique({ where: { code: p.code }, select: { code: true } })) throw InvalidInput.of(`newCode${p.n}`, 'codeEverUsed')

  const [rows, accounts, children, members] = await Promise.all([
    sourceRows(tx, Prisma.sql`a."unitId" = ${unit.id}::uuid`),
    tx.user.findMany({ where: { unitId: unit.id, active: true }, orderBy: { username: 'asc' }, select: { id: true, username: true, displayName: true } }),
    tx.unit.findMany({ where: { parentId: unit.id, active: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    tx.member.findMany({ where: { active: true, ...membersWhere(actor) }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
  ])
  const memberName = new Map(members.map((m) => [m.id, m.name]))
  const inCharge = (key: string, current: string | null): string | null => {
    const chosen = input.inCharge.get(key)
    if (chosen === undefined) return current
    if (chosen === '') return null
    if (!memberName.has(chosen)) throw InvalidInput.of(`${SPLIT_CHOICES.inCharge}${key}`, 'choiceMissing')
    return chosen
  }
  const parts: SplitPart[] = [
    ...existing.flatMap((p) => (p ? [{ key: p.id, id: p.id, name: p.name, code: p.code, isNew: false, inChargeMemberId: inCharge(p.id, p.inChargeMemberId) }] : [])),
    ...input.newParts.map((p) => ({ key: p.key, id: scheduled?.newPartIds.get(p.key) ?? '', name: p.name, code: p.code, isNew: true, inChargeMemberId: inCharge(p.key, unit.inChargeMemberId) })),
  ].map((p) => ({ ...p, inChargeName: p.inChargeMemberId ? (memberName.get(p.inChargeMemberId) ?? null) : null }))
  if (parts.some((p) => p.inChargeMemberId && !p.inChargeName)) {
    // A member in charge kept from before: named too.
    const kept = await tx.member.findMany({ where: { id: { in: parts.flatMap((p) => (p.inChargeMemberId ? [p.inChargeMemberId] : [])) } }, select: { id: true, name: true } })
    for (const p of parts) p.inChargeName ??= kept.find((m) => m.id === p.inChargeMemberId)?.name ?? null
  }
  const partKeys = new Set(parts.map((p) => p.key))
  // On a split's day, what was made since it was decided (no choice saved for it: work, a unit below, an account) goes to the first part.
  const unchosen = scheduled ? (parts[0]?.key ?? null) : null
  const partOf = (choice: string | undefined): string | null => (choice !== undefined && partKeys.has(choice) ? choice : null)
  // Open work waits for the administrator's choice; done work goes to the first part unless chosen.
  const takenBy = (r: { id: string; status: string }): string | null => partOf(input.take.get(r.id)) ?? (r.status === 'DONE' ? (parts[0]?.key ?? null) : unchosen)

  // The existing parts' own assignments of the tasks they take: combined with the source.
  const taken = rows.flatMap((r) => {
    const key = takenBy(r)
    return key && byId.has(key) ? [{ unitId: key, taskId: r.taskId }] : []
  })
  const own =
    taken.length > 0
      ? await sourceRows(tx, Prisma.sql`(a."unitId", a."taskId") IN (SELECT * FROM unnest(${taken.map((t) => t.unitId)}::uuid[], ${taken.map((t) => t.taskId)}::uuid[]))`)
      : []
  const label = (u: { id: string; name: string; code: string }): Label => ({ id: u.id, name: u.name, code: u.code })
  const assignments = rows.map((r): SplitAssignment => {
    const partKey = takenBy(r)
    const source = carrySource(r, label(unit))
    const mine = own.find((o) => o.unitId === partKey && o.taskId === r.taskId)
    const part = byId.get(mine?.unitId ?? '')
    const existingSource = mine && part ? carrySource(mine, label(part)) : null
    return { taskId: r.taskId, taskCode: r.taskCode, title: r.title, source, responsibleMemberId: r.responsibleMemberId, partKey, existing: existingSource, ...combined([...(existingSource ? [existingSource] : []), source]) }
  })
  // The work that moves, and the parts' assignments it is combined with: the split may not be dated before their latest report.
  await checkNotBeforeReports(tx, day, touchedBy(assignments), 'splitBeforeReport')

  return {
    kind: 'SPLIT',
    changeId: scheduled?.changeId ?? null,
    scheduled: day > districtDay(now),
    effectiveDate: day,
    reason: input.reason,
    unit: { ...label(unit), kind: unit.kind, parentId: unit.parentId, sortOrder: unit.sortOrder, inChargeMemberId: unit.inChargeMemberId },
    parts,
    assignments,
    accounts: accounts.map((a) => {
      const choice = input.account.get(a.id)
      return { ...a, partKey: choice === SPLIT_DEACTIVATE ? null : (partOf(choice) ?? (choice === undefined ? unchosen : null)) }
    }),
    children: children.map((c) => ({ ...c, partKey: partOf(input.child.get(c.id)) ?? unchosen })),
    members,
  }
}

const touchedBy = (assignments: SplitAssignment[]): string[] => assignments.flatMap((a) => [a.source.assignmentId, ...(a.existing ? [a.existing.assignmentId] : [])])

/** The report that carries the split unit's work over to a part: the decision, then its state and latest note. */
function splitNote(plan: UnitSplitPlan, a: SplitAssignment): string {
  const names = plan.parts.map((p) => p.name).join(', ')
  return carryNote(`Chia tách ${plan.unit.name} thành ${names} từ ngày ${formatDay(plan.effectiveDate)} (${plan.reason}). Tình hình trước chia tách:`, [a.source])
}

/** A new part, made at once (applied now) or from the split's day (dated ahead: inactive, its code kept for it). Pages of earlier days do not show it. */
async function newPart(tx: Prisma.TransactionClient, plan: UnitSplitPlan, p: SplitPart, standing: boolean): Promise<Label> {
  const unit = await tx.unit.create({
    data: { name: p.name, code: p.code, kind: plan.unit.kind, parentId: plan.unit.parentId, sortOrder: plan.unit.sortOrder, inChargeMemberId: standing ? p.inChargeMemberId : null, active: standing },
    select: { id: true, name: true, code: true },
  })
  await tx.unitName.updateMany({ where: { unitId: unit.id }, data: { validFrom: new Date(plan.effectiveDate) } })
  return unit
}

/** The change and its parts: the split unit (and the existing parts) before, every part after. */
// An existing part is on both sides, as a merge's existing successor is.
const splitChange = (context: ActionContext, plan: UnitSplitPlan, parts: Label[]) => unitChangeData(context, 'SPLIT', plan, [plan.unit, ...plan.parts.filter((p) => !p.isNew)], parts)

/** What a split dated ahead keeps until its day: the form's units, the new parts (made then) and every choice made in the preview, by part key. */
const scheduledChoices = z.object({
  id: z.uuid(),
  partIds: z.array(z.uuid()),
  newParts: z.array(z.object({ key: z.string(), name: z.string(), code: z.string(), unitId: z.uuid() })),
  take: z.record(z.string(), z.string()),
  child: z.record(z.string(), z.string()),
  account: z.record(z.string(), z.string()),
  inCharge: z.record(z.string(), z.string()),
})
type ScheduledChoices = z.infer<typeof scheduledChoices>

/**
 * A split dated ahead, saved: its change (not applied) and parts, the new parts made but not
 * standing until the day (their codes kept for them), the choices, and the audit row. Nothing moves
 * and nobody is told until the day (applyScheduledSplit).
 */
async function scheduleSplit(tx: Prisma.TransactionClient, context: ActionContext, plan: UnitSplitPlan): Promise<void> {
  const made = new Map<string, Label>()
  for (const p of plan.parts) made.set(p.key, p.isNew ? await newPart(tx, plan, p, false) : { id: p.id, name: p.name, code: p.code })
  const chosen = (key: string | null): string => key ?? SPLIT_DEACTIVATE
  const choices: ScheduledChoices = {
    id: plan.unit.id,
    partIds: plan.parts.filter((p) => !p.isNew).map((p) => p.id),
    newParts: plan.parts.flatMap((p) => (p.isNew ? [{ key: p.key, name: p.name, code: p.code, unitId: made.get(p.key)?.id ?? '' }] : [])),
    take: Object.fromEntries(plan.assignments.map((a) => [a.source.assignmentId, chosen(a.partKey)])),
    child: Object.fromEntries(plan.children.map((c) => [c.id, chosen(c.partKey)])),
    account: Object.fromEntries(plan.accounts.map((a) => [a.id, chosen(a.partKey)])),
    inCharge: Object.fromEntries(plan.parts.map((p) => [p.key, p.inChargeMemberId ?? ''])),
  }
  const change = await tx.unitChange.create({ data: { ...splitChange(context, plan, [...made.values()]), plan: choices }, select: { id: true } })
  await recordAudit(tx, context, {
    action: 'unit.split',
    entity: 'Unit',
    entityId: plan.unit.id,
    before: snapshot({ unit: { id: plan.unit.id, name: plan.unit.name, code: plan.unit.code, inChargeMemberId: plan.unit.inChargeMemberId } }),
    after: snapshot({ scheduled: true, parts: plan.parts.map((p) => ({ ...(made.get(p.key) ?? p), created: p.isNew })), effectiveDate: plan.effectiveDate, reason: plan.reason, changeId: change.id, ...choices }),
  })
}

/**
 * The split dated ahead `changeId`, on its day: planned afresh through the same code as a split
 * applied at once (the work, the reports and the accounts as they stand today; what was made since
 * goes to the first part) and applied as the administrator who decided it. Its row is locked: a
 * second request on the day waits, then finds it applied (false).
 */
export async function applyScheduledSplit(tx: Prisma.TransactionClient, changeId: string, now: Date): Promise<boolean> {
  const [change] = await tx.$queryRaw<{ effectiveDate: Date; reason: string; plan: unknown; createdById: string }[]>`
    SELECT "effectiveDate", reason, plan, "createdById"::text AS "createdById"
      FROM "UnitChange" WHERE id = ${changeId}::uuid AND "appliedAt" IS NULL FOR UPDATE`
  if (!change) return false
  const choices = scheduledChoices.parse(change.plan)
  const actor = await deciderOf(tx, change.createdById)
  const input: UnitSplitInput = {
    id: choices.id,
    partIds: choices.partIds,
    newParts: choices.newParts.map(({ key, name, code }, i) => ({ n: i + 1, key, name, code })),
    effectiveDate: dateColumnDay(change.effectiveDate),
    reason: change.reason,
    take: new Map(Object.entries(choices.take)),
    child: new Map(Object.entries(choices.child)),
    account: new Map(Object.entries(choices.account)),
    inCharge: new Map(Object.entries(choices.inCharge)),
  }
  const plan = await planSplit(tx, actor, now, input, { changeId, newPartIds: new Map(choices.newParts.map((p) => [p.key, p.unitId])) })
  await applySplit(tx, { actor, now, ip: null }, plan)
  return true
}

/**
 * The split as planned (its choices all made): the new parts made and every part given its member
 * in charge, the change and its parts, the split unit's stretch of name ended on the day and the
 * unit deactivated, its units below placed under their parts, each assignment carried on by
 * its part, the accounts moved or deactivated, the notifications (to the active staff of every unit
 * on either side, and to the members in charge of them before and after), and the audit row. Written
 * as one step of the caller's transaction: a split dated ahead is applied on its day by it too.
 */
async function applySplit(tx: Prisma.TransactionClient, context: ActionContext, plan: UnitSplitPlan): Promise<void> {
  const day = new Date(plan.effectiveDate)
  const formerInCharge = new Set<string>()
  const made = new Map<string, Label>()
  for (const p of plan.parts) {
    if (p.isNew) {
      // Made now, or (a split dated ahead) made then and standing from now on, where the split unit stands today.
      const unit = p.id
        ? await tx.unit.update({
            where: { id: p.id },
            data: { inChargeMemberId: p.inChargeMemberId, active: true, parentId: plan.unit.parentId, sortOrder: plan.unit.sortOrder },
            select: { id: true, name: true, code: true },
          })
        : await newPart(tx, plan, p, true)
      made.set(p.key, unit)
    } else {
      const before = await tx.unit.findUniqueOrThrow({ where: { id: p.id }, select: { inChargeMemberId: true } })
      if (before.inChargeMemberId && before.inChargeMemberId !== p.inChargeMemberId) formerInCharge.add(before.inChargeMemberId)
      await tx.unit.update({ where: { id: p.id }, data: { inChargeMemberId: p.inChargeMemberId } })
      made.set(p.key, { id: p.id, name: p.name, code: p.code })
    }
  }
  const partId = (key: string | null): string => {
    const part = key === null ? undefined : made.get(key)
    if (!part) throw new Error('a split applied with a choice not made')
    return part.id
  }
  // The split unit's member in charge is told too: it had the unit until now.
  if (plan.unit.inChargeMemberId) formerInCharge.add(plan.unit.inChargeMemberId)

  const parts = [...made.values()]
  const change = plan.changeId
    ? await tx.unitChange.update({ where: { id: plan.changeId }, data: { appliedAt: context.now }, select: { id: true } })
    : await tx.unitChange.create({ data: { ...splitChange(context, plan, parts), appliedAt: context.now }, select: { id: true } })
  await tx.unitName.updateMany({ where: { unitId: plan.unit.id, validTo: null }, data: { validTo: day } })
  await tx.unit.update({ where: { id: plan.unit.id }, data: { active: false } })
  for (const c of plan.children) await tx.unit.update({ where: { id: c.id }, data: { parentId: partId(c.partKey) } })

  const at = await carryTime(tx, context, plan.effectiveDate, touchedBy(plan.assignments))
  const ids = await carryOverMany(
    tx,
    context,
    at,
    plan.assignments.map((a) => ({
      target: a.existing ? { assignmentId: a.existing.assignmentId } : { taskId: a.taskId, unitId: partId(a.partKey), responsibleMemberId: a.responsibleMemberId },
      figures: { status: a.status, progress: a.progress, indicatorActual: a.indicatorActual, doneSince: a.doneSince },
      note: splitNote(plan, a),
    })),
  )
  const carried = plan.assignments.map((a, i) => ({ taskCode: a.taskCode, from: a.source.assignmentId, assignmentId: ids[i] }))

  const moved = plan.accounts.filter((a) => a.partKey !== null)
  const deactivated = plan.accounts.filter((a) => a.partKey === null).map((a) => a.id)
  for (const a of moved) await tx.user.update({ where: { id: a.id }, data: { unitId: partId(a.partKey) } })
  if (deactivated.length > 0) await tx.user.updateMany({ where: { id: { in: deactivated } }, data: { active: false } })
  // After the accounts moved: those deactivated could not read it.
  await tx.$executeRaw(unitChangeNoticeSql(context, change.id, [...formerInCharge]))

  await recordAudit(tx, context, {
    action: 'unit.split',
    entity: 'Unit',
    entityId: plan.unit.id,
    before: snapshot({ unit: { id: plan.unit.id, name: plan.unit.name, code: plan.unit.code, inChargeMemberId: plan.unit.inChargeMemberId } }),
    after: snapshot({
      parts: plan.parts.map((p) => ({ ...(made.get(p.key) ?? p), created: p.isNew, inChargeMemberId: p.inChargeMemberId })),
      effectiveDate: plan.effectiveDate,
      reason: plan.reason,
      changeId: change.id,
      assignments: carried,
      movedUsers: moved.map((a) => ({ id: a.id, unitId: partId(a.partKey) })),
      deactivatedUsers: deactivated,
      children: plan.children.map((c) => ({ id: c.id, parentId: partId(c.partKey) })),
    }),
  })
}
