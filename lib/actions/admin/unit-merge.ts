// Merges of units: two or more units become one, an existing unit or a new one, from a
// dated decision. The units merged away keep their reports: their assignments and StatusUpdate rows
// stay theirs, and they stand (for pages read as of a day) until the merge's day, when their
// stretches of name end (UnitName.validTo) and they become inactive. The successor carries the
// work on: one assignment per task, whose first report after the merge is written by the
// administrator who applied it, with the predecessors' figures summed, the least advanced status,
// the lowest progress and their latest notes quoted, so its history says where it came from.
// A merge dated ahead is saved as a plan (scheduleMerge) and applied on its day by the same code
// (./unit-changes-due.ts, from the first request of the day), with the work as it stands then.
import 'server-only'
import { z } from 'zod'
import { membersWhere, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { UnitKind } from '@/lib/db/generated/enums'
import { dateColumnDay, districtDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { parseAdmin, unitMergeSchema, type AdminValues, type UnitMergeInput } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { carryNote, carryOverMany, carrySource, carryTime, checkChangeDay, checkNotBeforeReports, combined, deciderOf, sourceRows, unitChangeData, type Carried, type CarrySource } from './unit-carry'
import { checkNotPending, isWithin } from './units'

type Label = { id: string; name: string; code: string }

/** One task's assignment of the successor: made, or the successor's own, combined from `sources`. */
export type MergeAssignment = Carried & {
  taskId: string
  taskCode: string
  title: string
  /** The successor's own assignment of the task, when it is one of the units merged or already had the task. */
  existing: CarrySource | null
  sources: CarrySource[]
  responsibleMemberId: string | null
}

export type MergeAccount = { id: string; username: string; displayName: string; unitName: string }

/** What a merge would do, shown before it is applied and applied as shown. */
export type UnitMergePlan = {
  kind: 'MERGE'
  /** The merge dated ahead this plan applies on its day; null for a merge decided now. */
  changeId: string | null
  /** Dated after today: saved now (the change, its parts, a new successor not yet standing, the choices) and applied on its day. */
  scheduled: boolean
  effectiveDate: CalendarDay
  reason: string
  /** The units merged away: inactive from the day, their pages say where they went. */
  merged: (Label & { kind: UnitKind })[]
  /**
   * The existing successor, or the new one (isNew; id '' until it is made, or the unit a merge dated
   * ahead made, not standing until its day) with the kind and the place in the tree of the unit the form is on.
   */
  successor: Label & { kind: UnitKind; parentId: string | null; sortOrder: number; isNew: boolean }
  inChargeMemberId: string | null
  inChargeName: string | null
  assignments: MergeAssignment[]
  accounts: MergeAccount[]
  /** The accounts that move to the successor (the others are deactivated). */
  moveUserIds: string[]
  /** Units below the merged ones, placed under the successor. */
  children: number
}

export type UnitMergeResult = { plan: UnitMergePlan; applied: boolean; successorCode: string }

/**
 * Merges units (`intent` "apply"; dated after today: saved, and applied on its day), or only says
 * what that would do (nothing written). Refused before anything is written: fewer than two units, a
 * unit merged into itself or into a unit below it, an inactive unit, a day more than a year ahead, a
 * day before a report on the work it moves or on which one of the units already changes, a unit
 * already to be merged, a new code any unit ever had.
 */
export function mergeUnits(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  const apply = values.intent === 'apply'
  return adminWrite<UnitMergeInput, UnitMergeResult>(context, {
    action: 'unit.merge',
    entity: 'Unit',
    entityId: id,
    parsed: () => parseAdmin(unitMergeSchema, values),
    unique: { field: 'newCode', code: 'codeEverUsed' },
    write: async (tx, input) => {
      const plan = await planMerge(tx, context.actor, context.now, input)
      const successorCode = !apply ? plan.successor.code : plan.scheduled ? await scheduleMerge(tx, context, plan) : await applyMerge(tx, context, plan)
      return { plan, applied: apply, successorCode }
    },
  })
}

/** A merge dated ahead being applied on its day: its change, the new successor it made, the accounts the administrator was shown. */
type Scheduled = { changeId: string; newSuccessorId: string | null; shownUserIds: string[] }

async function planMerge(tx: Prisma.TransactionClient, actor: Actor, now: Date, input: UnitMergeInput, scheduled: Scheduled | null = null): Promise<UnitMergePlan> {
  const unitIds = [...new Set([input.id, ...input.otherIds])]
  const successorId = input.successorId ?? scheduled?.newSuccessorId ?? null
  const all = [...new Set([...unitIds, ...(successorId ? [successorId] : [])])]
  // Locked: a change of one of these units at the same time waits, and then sees this one.
  const units = await tx.$queryRaw<{ id: string; name: string; code: string; kind: UnitKind; parentId: string | null; sortOrder: number; active: boolean }[]>`
    SELECT id::text AS id, name, code, kind::text AS kind, "parentId"::text AS "parentId", "sortOrder", active
      FROM "Unit" WHERE id = ANY(${all}::uuid[]) AND ${unitRowInScopeSql(actor, '"Unit"')} ORDER BY id FOR UPDATE`
  const byId = new Map(units.map((u) => [u.id, u]))
  const first = byId.get(input.id)
  if (!first) throw new MissingRecord()
  // Another district's unit is not found, as a missing one: the administrator merges within their subtree.
  // The new successor of a merge dated ahead stands from its day on: inactive until it is applied.
  if (units.length !== all.length || units.some((u) => !u.active && u.id !== scheduled?.newSuccessorId)) throw InvalidInput.of('otherIds', 'mergeUnitInactive')
  const successorUnit = successorId ? byId.get(successorId) : undefined
  if (successorUnit && unitIds.length === 1 && unitIds[0] === successorUnit.id) throw InvalidInput.of('successorId', 'mergeIntoItself')
  if (all.length < 2) throw InvalidInput.of('otherIds', 'mergeTooFew')
  const mergedAway = unitIds.filter((u) => u !== successorId)
  // The root of the administrator's own scope is not merged away: its successor could stand outside it.
  if (actor.scopeUnitId !== null && mergedAway.includes(actor.scopeUnitId)) throw InvalidInput.of('otherIds', 'scopeRootFixed')
  if (successorUnit) for (const m of mergedAway) if (await isWithin(tx, successorUnit.id, m)) throw InvalidInput.of('successorId', 'mergeIntoDescendant')

  const day = input.effectiveDate
  // The merge being applied on its day is not another change of its units.
  await checkChangeDay(tx, now, day, all, scheduled?.changeId ?? null)
  await checkNotPending(tx, all, 'otherIds', scheduled?.changeId ?? null)
  if (!successorUnit && input.newCode && (await tx.unitCode.findUnique({ where: { code: input.newCode }, select: { code: true } }))) throw InvalidInput.of('newCode', 'codeEverUsed')

  const assignments = await combinedAssignments(tx, mergedAway, successorUnit?.id ?? null, byId)
  // The latest report on the work that moves (or is combined): the merge may not be dated before it.
  await checkNotBeforeReports(tx, day, touchedBy(assignments), 'mergeBeforeReport')

  const [accounts, children, member] = await Promise.all([
    tx.user.findMany({
      where: { unitId: { in: mergedAway }, active: true },
      orderBy: { username: 'asc' },
      select: { id: true, username: true, displayName: true, unit: { select: { name: true } } },
    }),
    tx.unit.count({ where: { parentId: { in: mergedAway }, active: true, id: { notIn: all } } }),
    input.inChargeMemberId ? tx.member.findFirst({ where: { id: input.inChargeMemberId, active: true, ...membersWhere(actor) }, select: { name: true } }) : null,
  ])
  if (input.inChargeMemberId && !member) throw InvalidInput.of('inChargeMemberId', 'choiceMissing')
  const successor = successorUnit
    ? { ...label(successorUnit), kind: successorUnit.kind, parentId: successorUnit.parentId, sortOrder: successorUnit.sortOrder, isNew: successorUnit.id === scheduled?.newSuccessorId }
    : { id: '', name: input.newName ?? '', code: input.newCode, kind: first.kind, parentId: first.parentId, sortOrder: first.sortOrder, isNew: true }
  const chosen = new Set(input.moveUserIds)
  // On a merge's day, an account made since it was decided (not shown to the administrator) moves: only those shown and not chosen are deactivated.
  const shown = scheduled ? new Set(scheduled.shownUserIds) : null
  return {
    kind: 'MERGE',
    changeId: scheduled?.changeId ?? null,
    scheduled: day > districtDay(now),
    effectiveDate: day,
    reason: input.reason,
    merged: mergedAway.map((m) => {
      const u = byId.get(m) ?? first
      return { ...label(u), kind: u.kind }
    }),
    successor,
    inChargeMemberId: input.inChargeMemberId,
    inChargeName: member?.name ?? null,
    assignments,
    accounts: accounts.map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, unitName: a.unit.name })),
    moveUserIds: accounts.filter((a) => chosen.has(a.id) || (shown !== null && !shown.has(a.id))).map((a) => a.id),
    children,
  }
}

const label = (u: { id: string; name: string; code: string }): Label => ({ id: u.id, name: u.name, code: u.code })

/** The assignments a merge reads and writes: each task's sources and the successor's own. */
const touchedBy = (assignments: MergeAssignment[]): string[] => assignments.flatMap((a) => [...a.sources.map((s) => s.assignmentId), ...(a.existing ? [a.existing.assignmentId] : [])])

/** The successor's assignments after the merge, one per task the merged units had, each with where it came from. */
async function combinedAssignments(tx: Prisma.TransactionClient, mergedAway: string[], successorId: string | null, byId: Map<string, Label>): Promise<MergeAssignment[]> {
  const rows = await sourceRows(
    tx,
    Prisma.sql`a."unitId" = ANY(${mergedAway}::uuid[])
        OR (a."unitId" = ${successorId}::uuid AND a."taskId" IN (SELECT b."taskId" FROM "Assignment" b WHERE b."unitId" = ANY(${mergedAway}::uuid[])))`,
  )
  const tasks = new Map<string, Omit<MergeAssignment, keyof Carried>>()
  for (const r of rows) {
    const task = tasks.get(r.taskId) ?? { taskId: r.taskId, taskCode: r.taskCode, title: r.title, existing: null, sources: [], responsibleMemberId: null }
    tasks.set(r.taskId, task)
    const source = carrySource(r, byId.get(r.unitId) ?? { id: r.unitId, name: '', code: '' })
    if (r.unitId === successorId) task.existing = source
    else task.sources.push(source)
    task.responsibleMemberId ??= r.responsibleMemberId
  }
  return [...tasks.values()].map((t) => ({ ...t, ...combined([...(t.existing ? [t.existing] : []), ...t.sources]) }))
}

/** The report that carries the predecessors' work over: the decision, then each one's state and latest note. */
function mergeNote(plan: UnitMergePlan, a: MergeAssignment): string {
  const names = plan.merged.map((m) => m.name).join(', ')
  return carryNote(`Sáp nhập ${names} vào ${plan.successor.name} từ ngày ${formatDay(plan.effectiveDate)} (${plan.reason}). Tình hình trước sáp nhập:`, a.sources)
}

/** A successor the merge makes: standing at once (applied now), or from its day (dated ahead). Pages of earlier days do not show it. */
async function newSuccessor(tx: Prisma.TransactionClient, plan: UnitMergePlan, standing: boolean): Promise<Label> {
  const { name, code, kind, parentId, sortOrder } = plan.successor
  const successor = await tx.unit.create({
    data: { name, code, kind, parentId, sortOrder, inChargeMemberId: standing ? plan.inChargeMemberId : null, active: standing },
    select: { id: true, name: true, code: true },
  })
  await tx.unitName.updateMany({ where: { unitId: successor.id }, data: { validFrom: new Date(plan.effectiveDate) } })
  return successor
}

/** The change and its parts: the merged units (and an existing successor) before, the successor after. */
const mergeChange = (context: ActionContext, plan: UnitMergePlan, successor: Label) =>
  unitChangeData(context, 'MERGE', plan, [...plan.merged, ...(plan.successor.isNew ? [] : [successor])], [successor])

/** What a merge dated ahead keeps until its day, besides its change and parts: the form's units and the administrator's choices. */
const scheduledChoices = z.object({
  id: z.uuid(),
  otherIds: z.array(z.uuid()),
  /** The existing successor; null when the merge made a new one (the change's AFTER part). */
  successorId: z.uuid().nullable(),
  inChargeMemberId: z.uuid().nullable(),
  moveUserIds: z.array(z.uuid()),
  /** The accounts the preview listed: one made since moves on the day. */
  shownUserIds: z.array(z.uuid()),
})
type ScheduledChoices = z.infer<typeof scheduledChoices>

/**
 * A merge dated ahead, saved: its change (not applied) and parts, a new successor made but not
 * standing until the day (its code kept for it), the choices, and the audit row. Nothing moves
 * and nobody is told until the day (applyScheduledMerge). Returns the successor's code.
 */
async function scheduleMerge(tx: Prisma.TransactionClient, context: ActionContext, plan: UnitMergePlan): Promise<string> {
  const successor = plan.successor.isNew ? await newSuccessor(tx, plan, false) : label(plan.successor)
  const [first, ...others] = plan.merged
  if (!first) throw new Error('a merge without units merged')
  const choices: ScheduledChoices = {
    id: first.id,
    otherIds: others.map((m) => m.id),
    successorId: plan.successor.isNew ? null : successor.id,
    inChargeMemberId: plan.inChargeMemberId,
    moveUserIds: plan.moveUserIds,
    shownUserIds: plan.accounts.map((a) => a.id),
  }
  const change = await tx.unitChange.create({ data: { ...mergeChange(context, plan, successor), plan: choices }, select: { id: true } })
  await recordAudit(tx, context, {
    action: 'unit.merge',
    entity: 'Unit',
    entityId: successor.id,
    before: snapshot({ units: plan.merged.map(label), successor: plan.successor.isNew ? null : label(plan.successor) }),
    after: snapshot({ scheduled: true, successor: { ...successor, created: plan.successor.isNew }, effectiveDate: plan.effectiveDate, reason: plan.reason, changeId: change.id, ...choices }),
  })
  return successor.code
}

/**
 * The merge dated ahead `changeId`, on its day: planned afresh through the same code as a merge
 * applied at once (the work, the reports and the accounts as they stand today) and applied as the
 * administrator who decided it. Its row is locked: a second request on the day waits, then finds
 * it applied (false).
 */
export async function applyScheduledMerge(tx: Prisma.TransactionClient, changeId: string, now: Date): Promise<boolean> {
  const [change] = await tx.$queryRaw<{ effectiveDate: Date; reason: string; plan: unknown; createdById: string }[]>`
    SELECT "effectiveDate", reason, plan, "createdById"::text AS "createdById"
      FROM "UnitChange" WHERE id = ${changeId}::uuid AND "appliedAt" IS NULL FOR UPDATE`
  if (!change) return false
  const choices = scheduledChoices.parse(change.plan)
  const after = choices.successorId ? null : await tx.unitChangePart.findFirstOrThrow({ where: { changeId, side: 'AFTER' }, select: { unitId: true, name: true, code: true } })
  const actor = await deciderOf(tx, change.createdById)
  const input: UnitMergeInput = {
    id: choices.id,
    kind: 'MERGE',
    otherIds: choices.otherIds,
    successorId: choices.successorId,
    newName: after?.name ?? null,
    newCode: after?.code ?? '',
    inChargeMemberId: choices.inChargeMemberId,
    moveUserIds: choices.moveUserIds,
    effectiveDate: dateColumnDay(change.effectiveDate),
    reason: change.reason,
  }
  const plan = await planMerge(tx, actor, now, input, { changeId, newSuccessorId: after?.unitId ?? null, shownUserIds: choices.shownUserIds })
  await applyMerge(tx, { actor, now, ip: null }, plan)
  return true
}

/**
 * The merge as planned: the successor (made, or given its member in charge), the change and its
 * parts, the merged units' stretches of name ended on the day and the units deactivated, the units
 * below them placed under the successor, the successor's assignments and their carrying reports,
 * the accounts moved or deactivated, the notifications (to the active staff of every unit on either
 * side, and to the members in charge of them before and after), and the audit row. Returns the
 * successor's code.
 */
async function applyMerge(tx: Prisma.TransactionClient, context: ActionContext, plan: UnitMergePlan): Promise<string> {
  const day = new Date(plan.effectiveDate)
  // The existing successor's member in charge, whom the merge may replace: told too.
  const formerInCharge = plan.successor.isNew ? null : (await tx.unit.findUnique({ where: { id: plan.successor.id }, select: { inChargeMemberId: true } }))?.inChargeMemberId
  // A new successor is made now, or (a merge dated ahead) was made then and stands from now on.
  const successor = plan.successor.id
    ? await tx.unit.update({ where: { id: plan.successor.id }, data: { inChargeMemberId: plan.inChargeMemberId, active: true }, select: { id: true, name: true, code: true } })
    : await newSuccessor(tx, plan, true)
  const change = plan.changeId
    ? await tx.unitChange.update({ where: { id: plan.changeId }, data: { appliedAt: context.now }, select: { id: true } })
    : await tx.unitChange.create({ data: { ...mergeChange(context, plan, successor), appliedAt: context.now }, select: { id: true } })
  const mergedIds = plan.merged.map((m) => m.id)
  await tx.unitName.updateMany({ where: { unitId: { in: mergedIds }, validTo: null }, data: { validTo: day } })
  await tx.unit.updateMany({ where: { id: { in: mergedIds } }, data: { active: false } })
  await tx.unit.updateMany({ where: { parentId: { in: mergedIds }, active: true }, data: { parentId: successor.id } })

  const at = await carryTime(tx, context, plan.effectiveDate, touchedBy(plan.assignments))
  const ids = await carryOverMany(
    tx,
    context,
    at,
    plan.assignments.map((a) => ({
      target: a.existing ? { assignmentId: a.existing.assignmentId } : { taskId: a.taskId, unitId: successor.id, responsibleMemberId: a.responsibleMemberId },
      figures: { status: a.status, progress: a.progress, indicatorActual: a.indicatorActual, doneSince: a.doneSince },
      note: mergeNote(plan, a),
    })),
  )
  const carried = plan.assignments.map((a, i) => ({ taskCode: a.taskCode, assignmentId: ids[i], from: a.sources.map((s) => s.assignmentId) }))

  const moved = new Set(plan.moveUserIds)
  const deactivated = plan.accounts.filter((a) => !moved.has(a.id)).map((a) => a.id)
  if (moved.size > 0) await tx.user.updateMany({ where: { id: { in: [...moved] } }, data: { unitId: successor.id } })
  if (deactivated.length > 0) await tx.user.updateMany({ where: { id: { in: deactivated } }, data: { active: false } })
  // After the accounts moved: those deactivated could not read it.
  await tx.$executeRaw(unitChangeNoticeSql(context, change.id, formerInCharge ? [formerInCharge] : []))

  await recordAudit(tx, context, {
    action: 'unit.merge',
    entity: 'Unit',
    entityId: successor.id,
    before: snapshot({ units: plan.merged.map(label), successor: plan.successor.isNew ? null : label(plan.successor) }),
    after: snapshot({
      successor: { id: successor.id, name: successor.name, code: successor.code, created: plan.successor.isNew, inChargeMemberId: plan.inChargeMemberId },
      effectiveDate: plan.effectiveDate,
      reason: plan.reason,
      changeId: change.id,
      assignments: carried.map(({ taskCode, assignmentId, from }) => ({ taskCode, assignmentId, from })),
      movedUsers: [...moved],
      deactivatedUsers: deactivated,
      children: plan.children,
    }),
  })
  return successor.code
}
