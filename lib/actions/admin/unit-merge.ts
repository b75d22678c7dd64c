// Merges of units: two or more units become one, an existing unit or a new one, from a
// dated decision. The units merged away keep their reports: their assignments and StatusUpdate rows
// stay theirs, and they stand (for pages read as of a day) until the merge's day, when their
// stretches of name end (UnitName.validTo) and they become inactive. The successor carries the
// work on: one assignment per task, whose first report after the merge is written by the
// administrator who applied it, with the predecessors' figures summed, the least advanced status,
// the lowest progress and their latest notes quoted, so its history says where it came from.
import 'server-only'
import { membersWhere, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import type { Prisma } from '@/lib/db/client'
import type { UnitKind } from '@/lib/db/generated/enums'
import { addDays, districtDay, endOfDistrictDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import { parseAdmin, unitMergeSchema, type AdminValues, type UnitMergeInput } from '@/lib/validation/admin'
import viAssignment from '@/messages/vi/assignment.json'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { isWithin, MAX_DAYS_AHEAD } from './units'

type Label = { id: string; name: string; code: string }

/** Where a task's work stood in one unit before the merge. */
export type MergeSource = { assignmentId: string; unit: Label; status: TaskStatus; progress: number; indicatorActual: string | null; note: string | null }

/** One task's assignment of the successor: made, or the successor's own, combined from `sources`. */
export type MergeAssignment = {
  taskId: string
  taskCode: string
  title: string
  /** The successor's own assignment of the task, when it is one of the units merged or already had the task. */
  existing: MergeSource | null
  sources: MergeSource[]
  status: TaskStatus
  progress: number
  indicatorActual: string | null
  responsibleMemberId: string | null
}

export type MergeAccount = { id: string; username: string; displayName: string; unitName: string }

/** What a merge would do, shown before it is applied and applied as shown. */
export type UnitMergePlan = {
  kind: 'MERGE'
  effectiveDate: CalendarDay
  reason: string
  /** The units merged away: inactive from the day, their pages say where they went. */
  merged: (Label & { kind: UnitKind })[]
  /** The existing successor, or the new one (id null) with the kind and the place in the tree of the unit the form is on. */
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

/** From least to most advanced: the combined assignment takes the least advanced of its sources. */
const ADVANCE: Record<TaskStatus, number> = { NOT_STARTED: 0, BLOCKED: 1, IN_PROGRESS: 2, DONE: 3 }

/**
 * Merges units (`intent` "apply"), or only says what that would do (nothing written). Refused before
 * anything is written: fewer than two units, a unit merged into itself or into a unit below it, an
 * inactive unit, a day more than a year ahead or after today (the work moves on the day it is
 * applied; a merge dated ahead is not supported yet), a day before a report on the work it moves or
 * on which one of the units already changes, a new code any unit ever had.
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
      const successorCode = apply ? await applyMerge(tx, context, plan) : plan.successor.code
      return { plan, applied: apply, successorCode }
    },
  })
}

async function planMerge(tx: Prisma.TransactionClient, actor: Actor, now: Date, input: UnitMergeInput): Promise<UnitMergePlan> {
  const unitIds = [...new Set([input.id, ...input.otherIds])]
  const all = [...new Set([...unitIds, ...(input.successorId ? [input.successorId] : [])])]
  // Locked: a change of one of these units at the same time waits, and then sees this one.
  const units = await tx.$queryRaw<{ id: string; name: string; code: string; kind: UnitKind; parentId: string | null; sortOrder: number; active: boolean }[]>`
    SELECT id::text AS id, name, code, kind::text AS kind, "parentId"::text AS "parentId", "sortOrder", active
      FROM "Unit" WHERE id = ANY(${all}::uuid[]) AND ${unitRowInScopeSql(actor, '"Unit"')} ORDER BY id FOR UPDATE`
  const byId = new Map(units.map((u) => [u.id, u]))
  const first = byId.get(input.id)
  if (!first) throw new MissingRecord()
  // Another district's unit is not found, as a missing one: the administrator merges within their subtree.
  if (units.length !== all.length || units.some((u) => !u.active)) throw InvalidInput.of('otherIds', 'mergeUnitInactive')
  const successorUnit = input.successorId ? byId.get(input.successorId) : undefined
  if (successorUnit && unitIds.length === 1 && unitIds[0] === successorUnit.id) throw InvalidInput.of('successorId', 'mergeIntoItself')
  if (all.length < 2) throw InvalidInput.of('otherIds', 'mergeTooFew')
  const mergedAway = unitIds.filter((u) => u !== input.successorId)
  // The root of the administrator's own scope is not merged away: its successor could stand outside it.
  if (actor.scopeUnitId !== null && mergedAway.includes(actor.scopeUnitId)) throw InvalidInput.of('otherIds', 'scopeRootFixed')
  if (successorUnit) for (const m of mergedAway) if (await isWithin(tx, successorUnit.id, m)) throw InvalidInput.of('successorId', 'mergeIntoDescendant')

  const today = districtDay(now)
  const day = input.effectiveDate
  const lastDay = addDays(today, MAX_DAYS_AHEAD)
  if (day > lastDay) throw InvalidInput.of('effectiveDate', 'effectiveTooLate', { date: formatDay(lastDay) })
  if (day > today) throw InvalidInput.of('effectiveDate', 'mergeNotAhead')
  const sameDay = await tx.unitChangePart.count({ where: { unitId: { in: all }, change: { effectiveDate: new Date(day) } } })
  if (sameDay > 0) throw InvalidInput.of('effectiveDate', 'sameDayChange', { date: formatDay(day) })
  const later = await tx.unitName.findFirst({ where: { unitId: { in: all }, validFrom: { gt: new Date(day) } }, orderBy: { validFrom: 'desc' }, select: { validFrom: true } })
  if (later?.validFrom) throw InvalidInput.of('effectiveDate', 'beforeLastChange', { date: formatDay(districtDay(later.validFrom)) })
  if (!successorUnit && input.newCode && (await tx.unitCode.findUnique({ where: { code: input.newCode }, select: { code: true } }))) throw InvalidInput.of('newCode', 'codeEverUsed')

  const assignments = await combinedAssignments(tx, mergedAway, successorUnit?.id ?? null, byId)
  // The latest report on the work that moves (or is combined): the merge may not be dated before it.
  const touched = assignments.flatMap((a) => [...a.sources.map((s) => s.assignmentId), ...(a.existing ? [a.existing.assignmentId] : [])])
  const latest = await tx.statusUpdate.findFirst({ where: { assignmentId: { in: touched } }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } })
  if (latest && districtDay(latest.createdAt) > day) throw InvalidInput.of('effectiveDate', 'mergeBeforeReport', { date: formatDay(districtDay(latest.createdAt)) })

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
    ? { ...label(successorUnit), kind: successorUnit.kind, parentId: successorUnit.parentId, sortOrder: successorUnit.sortOrder, isNew: false }
    : { id: '', name: input.newName ?? '', code: input.newCode, kind: first.kind, parentId: first.parentId, sortOrder: first.sortOrder, isNew: true }
  const accountIds = new Set(accounts.map((a) => a.id))
  return {
    kind: 'MERGE',
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
    moveUserIds: input.moveUserIds.filter((u) => accountIds.has(u)),
    children,
  }
}

const label = (u: { id: string; name: string; code: string }): Label => ({ id: u.id, name: u.name, code: u.code })

/** The successor's assignments after the merge, one per task the merged units had, each with where it came from. */
async function combinedAssignments(tx: Prisma.TransactionClient, mergedAway: string[], successorId: string | null, byId: Map<string, Label>): Promise<MergeAssignment[]> {
  const rows = await tx.$queryRaw<
    { id: string; unitId: string; taskId: string; taskCode: string; title: string; status: TaskStatus; progress: number; indicatorActual: string | null; responsibleMemberId: string | null; note: string | null }[]
  >`
    SELECT a.id::text AS id, a."unitId"::text AS "unitId", a."taskId"::text AS "taskId", t.code AS "taskCode", t.title,
           a.status::text AS status, a.progress, a."indicatorActual"::text AS "indicatorActual", a."responsibleMemberId"::text AS "responsibleMemberId",
           (SELECT s.note FROM "StatusUpdate" s WHERE s."assignmentId" = a.id AND s."reviewState" <> 'RETURNED' ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1) AS note
      FROM "Assignment" a
      JOIN "Task" t ON t.id = a."taskId"
     WHERE a."unitId" = ANY(${mergedAway}::uuid[])
        OR (a."unitId" = ${successorId}::uuid AND a."taskId" IN (SELECT b."taskId" FROM "Assignment" b WHERE b."unitId" = ANY(${mergedAway}::uuid[])))
     ORDER BY t."sortOrder", t.code, a."unitId"`
  const tasks = new Map<string, MergeAssignment>()
  for (const r of rows) {
    const combined = tasks.get(r.taskId) ?? { taskId: r.taskId, taskCode: r.taskCode, title: r.title, existing: null, sources: [], status: 'DONE', progress: 100, indicatorActual: null, responsibleMemberId: null }
    tasks.set(r.taskId, combined)
    const source: MergeSource = { assignmentId: r.id, unit: byId.get(r.unitId) ?? { id: r.unitId, name: '', code: '' }, status: r.status, progress: r.progress, indicatorActual: r.indicatorActual, note: r.note }
    if (r.unitId === successorId) combined.existing = source
    else combined.sources.push(source)
    if (ADVANCE[r.status] < ADVANCE[combined.status]) combined.status = r.status
    combined.progress = Math.min(combined.progress, r.progress)
    // Cents, so that the sum of DECIMAL(14, 2) figures is exact.
    if (r.indicatorActual !== null) combined.indicatorActual = centsText(toCents(combined.indicatorActual ?? '0') + toCents(r.indicatorActual))
    combined.responsibleMemberId ??= r.responsibleMemberId
  }
  return [...tasks.values()]
}

const toCents = (value: string): bigint => {
  const [whole = '0', part = ''] = value.split('.')
  return BigInt(whole) * 100n + BigInt(part.padEnd(2, '0').slice(0, 2))
}
const centsText = (cents: bigint): string => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`

/** The report that carries the predecessors' work over: the decision, then each one's state and latest note. */
function mergeNote(plan: UnitMergePlan, a: MergeAssignment): string {
  const names = plan.merged.map((m) => m.name).join(', ')
  const lines = a.sources.map((s) => {
    const figure = s.indicatorActual === null ? '' : `, ${s.indicatorActual.replace(/\.00$/, '')}`
    return `- ${s.unit.name}: ${viAssignment.taskStatus[s.status]}, ${s.progress}%${figure}${s.note ? `. ${s.note}` : ''}`
  })
  return [`Sáp nhập ${names} vào ${plan.successor.name} từ ngày ${formatDay(plan.effectiveDate)} (${plan.reason}). Tình hình trước sáp nhập:`, ...lines].join('\n')
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
  const successor = plan.successor.isNew
    ? await tx.unit.create({
        data: { name: plan.successor.name, code: plan.successor.code, kind: plan.successor.kind, parentId: plan.successor.parentId, sortOrder: plan.successor.sortOrder, inChargeMemberId: plan.inChargeMemberId },
        select: { id: true, name: true, code: true },
      })
    : await tx.unit.update({ where: { id: plan.successor.id }, data: { inChargeMemberId: plan.inChargeMemberId }, select: { id: true, name: true, code: true } })
  // A unit made by the merge stands from its day on: pages of earlier days do not show it.
  if (plan.successor.isNew) await tx.unitName.updateMany({ where: { unitId: successor.id }, data: { validFrom: day } })
  const successorBefore = plan.successor.isNew ? [] : [{ unitId: successor.id, side: 'BEFORE' as const, name: successor.name, code: successor.code }]
  const change = await tx.unitChange.create({
    data: {
      kind: 'MERGE',
      effectiveDate: day,
      reason: plan.reason,
      createdById: context.actor.id,
      createdAt: context.now,
      appliedAt: context.now,
      parts: {
        create: [
          ...plan.merged.map((m) => ({ unitId: m.id, side: 'BEFORE' as const, name: m.name, code: m.code })),
          ...successorBefore,
          { unitId: successor.id, side: 'AFTER', name: successor.name, code: successor.code },
        ],
      },
    },
    select: { id: true },
  })
  const mergedIds = plan.merged.map((m) => m.id)
  await tx.unitName.updateMany({ where: { unitId: { in: mergedIds }, validTo: null }, data: { validTo: day } })
  await tx.unit.updateMany({ where: { id: { in: mergedIds } }, data: { active: false } })
  await tx.unit.updateMany({ where: { parentId: { in: mergedIds }, active: true }, data: { parentId: successor.id } })

  // After every report it combines, and within the merge's day, so pages of that day show the successor's work.
  const latest = await tx.statusUpdate.findFirst({
    where: { assignmentId: { in: plan.assignments.flatMap((a) => [...a.sources.map((s) => s.assignmentId), ...(a.existing ? [a.existing.assignmentId] : [])]) } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  })
  const startOfDay = endOfDistrictDay(addDays(plan.effectiveDate, -1)).getTime() + 1
  const at = new Date(Math.min(Math.max(startOfDay, (latest?.createdAt.getTime() ?? 0) + 1), context.now.getTime()))
  const carried: { taskCode: string; assignmentId: string; from: string[] }[] = []
  for (const a of plan.assignments) {
    const target = a.existing
      ? await tx.assignment.findUniqueOrThrow({ where: { id: a.existing.assignmentId }, select: { id: true, completedAt: true } })
      : await tx.assignment.create({ data: { taskId: a.taskId, unitId: successor.id, responsibleMemberId: a.responsibleMemberId, createdAt: at }, select: { id: true, completedAt: true } })
    await tx.statusUpdate.create({
      data: {
        assignmentId: target.id,
        authorId: context.actor.id,
        status: a.status,
        progress: a.progress,
        indicatorActual: a.indicatorActual,
        note: mergeNote(plan, a),
        createdAt: at,
        // Nothing to confirm: it restates what the merged units reported (each confirmed or not in its own history).
        reviewState: 'CONFIRMED',
        reviewedById: context.actor.id,
        reviewedAt: at,
      },
    })
    await tx.assignment.update({
      where: { id: target.id },
      data: {
        status: a.status,
        progress: a.progress,
        indicatorActual: a.indicatorActual,
        completedAt: a.status === 'DONE' ? (target.completedAt ?? at) : null,
        lastUpdateAt: at,
        lastUpdateById: context.actor.id,
        version: { increment: 1 },
      },
    })
    carried.push({ taskCode: a.taskCode, assignmentId: target.id, from: a.sources.map((s) => s.assignmentId) })
  }

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
      assignments: carried,
      movedUsers: [...moved],
      deactivatedUsers: deactivated,
      children: plan.children,
    }),
  })
  return successor.code
}
