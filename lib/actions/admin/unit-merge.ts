// Merges of units: two or more units become one, an existing unit or a new one, from a
// dated decision. The units merged away keep their reports: their assignments and StatusUpdate rows
// stay theirs, and they stand (for pages read as of a day) until the merge's day, when their
// stretches of name end (UnitName.validTo) and they become inactive. The successor carries the
// work on: one assignment per task, whose first report after the merge is written by the
// administrator who applied it, with the predecessors' figures summed, the least advanced status,
// the lowest progress and their latest notes quoted, so its history says where it came from.
// A merge dated ahead is saved as a plan (scheduleMerge) and applied on its day by the same code
// (applyDueMerges, from the first request of the day), with the work as it stands then.
import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import type { UnitKind } from '@/lib/db/generated/enums'
import { addDays, dateColumnDay, districtDay, endOfDistrictDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { rootLogger } from '@/lib/log/logger'
import type { TaskStatus } from '@/lib/domain/status'
import { parseAdmin, unitMergeSchema, type AdminValues, type UnitMergeInput } from '@/lib/validation/admin'
import viAssignment from '@/messages/vi/assignment.json'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { isWithin, MAX_DAYS_AHEAD, pendingMerge } from './units'

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

/** From least to most advanced: the combined assignment takes the least advanced of its sources. */
const ADVANCE: Record<TaskStatus, number> = { NOT_STARTED: 0, BLOCKED: 1, IN_PROGRESS: 2, DONE: 3 }

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
      const plan = await planMerge(tx, context.now, input)
      const successorCode = !apply ? plan.successor.code : plan.scheduled ? await scheduleMerge(tx, context, plan) : await applyMerge(tx, context, plan)
      return { plan, applied: apply, successorCode }
    },
  })
}

/** A merge dated ahead being applied on its day: its change, the new successor it made, the accounts the administrator was shown. */
type Scheduled = { changeId: string; newSuccessorId: string | null; shownUserIds: string[] }

async function planMerge(tx: Prisma.TransactionClient, now: Date, input: UnitMergeInput, scheduled: Scheduled | null = null): Promise<UnitMergePlan> {
  const unitIds = [...new Set([input.id, ...input.otherIds])]
  const successorId = input.successorId ?? scheduled?.newSuccessorId ?? null
  const all = [...new Set([...unitIds, ...(successorId ? [successorId] : [])])]
  // Locked: a change of one of these units at the same time waits, and then sees this one.
  const units = await tx.$queryRaw<{ id: string; name: string; code: string; kind: UnitKind; parentId: string | null; sortOrder: number; active: boolean }[]>`
    SELECT id::text AS id, name, code, kind::text AS kind, "parentId"::text AS "parentId", "sortOrder", active
      FROM "Unit" WHERE id = ANY(${all}::uuid[]) ORDER BY id FOR UPDATE`
  const byId = new Map(units.map((u) => [u.id, u]))
  const first = byId.get(input.id)
  if (!first) throw new MissingRecord()
  // The new successor of a merge dated ahead stands from its day on: inactive until it is applied.
  if (units.length !== all.length || units.some((u) => !u.active && u.id !== scheduled?.newSuccessorId)) throw InvalidInput.of('otherIds', 'mergeUnitInactive')
  const successorUnit = successorId ? byId.get(successorId) : undefined
  if (successorUnit && unitIds.length === 1 && unitIds[0] === successorUnit.id) throw InvalidInput.of('successorId', 'mergeIntoItself')
  if (all.length < 2) throw InvalidInput.of('otherIds', 'mergeTooFew')
  const mergedAway = unitIds.filter((u) => u !== successorId)
  if (successorUnit) for (const m of mergedAway) if (await isWithin(tx, successorUnit.id, m)) throw InvalidInput.of('successorId', 'mergeIntoDescendant')

  const today = districtDay(now)
  const day = input.effectiveDate
  const lastDay = addDays(today, MAX_DAYS_AHEAD)
  if (day > lastDay) throw InvalidInput.of('effectiveDate', 'effectiveTooLate', { date: formatDay(lastDay) })
  // The merge being applied on its day is not another change of its units.
  const others = scheduled ? { id: { not: scheduled.changeId } } : {}
  const sameDay = await tx.unitChangePart.count({ where: { unitId: { in: all }, change: { effectiveDate: new Date(day), ...others } } })
  if (sameDay > 0) throw InvalidInput.of('effectiveDate', 'sameDayChange', { date: formatDay(day) })
  const later = await tx.unitName.findFirst({ where: { unitId: { in: all }, validFrom: { gt: new Date(day) } }, orderBy: { validFrom: 'desc' }, select: { validFrom: true } })
  if (later?.validFrom) throw InvalidInput.of('effectiveDate', 'beforeLastChange', { date: formatDay(districtDay(later.validFrom)) })
  const pending = await pendingMerge(tx, all, scheduled?.changeId ?? null)
  if (pending) throw InvalidInput.of('otherIds', 'mergeScheduled', { date: formatDay(pending) })
  if (!successorUnit && input.newCode && (await tx.unitCode.findUnique({ where: { code: input.newCode }, select: { code: true } }))) throw InvalidInput.of('newCode', 'codeEverUsed')

  const assignments = await combinedAssignments(tx, mergedAway, successorUnit?.id ?? null, byId)
  // The latest report on the work that moves (or is combined): the merge may not be dated before it.
  const touched = touchedBy(assignments)
  const latest = await latestReport(tx, touched)
  if (latest && districtDay(latest) > day) throw InvalidInput.of('effectiveDate', 'mergeBeforeReport', { date: formatDay(districtDay(latest)) })

  const [accounts, children, member] = await Promise.all([
    tx.user.findMany({
      where: { unitId: { in: mergedAway }, active: true },
      orderBy: { username: 'asc' },
      select: { id: true, username: true, displayName: true, unit: { select: { name: true } } },
    }),
    tx.unit.count({ where: { parentId: { in: mergedAway }, active: true, id: { notIn: all } } }),
    input.inChargeMemberId ? tx.member.findFirst({ where: { id: input.inChargeMemberId, active: true }, select: { name: true } }) : null,
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
    scheduled: day > today,
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

/** The time of the latest report on the assignments, each read from its own end of the index (one newest-first scan of every report would walk the country's). */
async function latestReport(tx: Prisma.TransactionClient, assignmentIds: string[]): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max(s."createdAt") AS at
      FROM unnest(${assignmentIds}::uuid[]) AS a(id)
      CROSS JOIN LATERAL (SELECT u."createdAt" FROM "StatusUpdate" u WHERE u."assignmentId" = a.id ORDER BY u."createdAt" DESC LIMIT 1) s`
  return row?.at ?? null
}

/** The touched assignments of a merge: the sources and the successor's own. */
const touchedBy = (assignments: MergeAssignment[]): string[] => assignments.flatMap((a) => [...a.sources.map((s) => s.assignmentId), ...(a.existing ? [a.existing.assignmentId] : [])])

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
function mergeChange(context: ActionContext, plan: UnitMergePlan, successor: Label) {
  const successorBefore = plan.successor.isNew ? [] : [{ unitId: successor.id, side: 'BEFORE' as const, name: successor.name, code: successor.code }]
  return {
    kind: 'MERGE' as const,
    effectiveDate: new Date(plan.effectiveDate),
    reason: plan.reason,
    createdById: context.actor.id,
    createdAt: context.now,
    parts: {
      create: [
        ...plan.merged.map((m) => ({ unitId: m.id, side: 'BEFORE' as const, name: m.name, code: m.code })),
        ...successorBefore,
        { unitId: successor.id, side: 'AFTER' as const, name: successor.name, code: successor.code },
      ],
    },
  }
}

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
 * and nobody is told until the day (applyDueMerges). Returns the successor's code.
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

/** Merges dated ahead that could not be applied on their day (logged), tried once a day per process rather than at every request. */
const stuck = new Map<string, CalendarDay>()

/**
 * Applies the merges dated ahead whose day has come, each in a transaction of its own through the
 * same code as a merge applied at once (planned afresh: the work, the reports and the accounts as
 * they stand today), as the administrator who decided it. Each change is applied once: its row is
 * locked, and a second request on the day waits, then finds it applied. Returns how many it applied.
 */
export async function applyDueMerges(today: CalendarDay, now: Date): Promise<number> {
  const due = await db().unitChange.findMany({
    where: { kind: 'MERGE', appliedAt: null, effectiveDate: { lte: new Date(today) } },
    orderBy: [{ effectiveDate: 'asc' }, { createdAt: 'asc' }],
    select: { id: true },
  })
  let applied = 0
  for (const { id } of due) {
    if (stuck.get(id) === today) continue
    try {
      if (await db().$transaction((tx) => applyScheduledMerge(tx, id, now))) applied++
    } catch (error) {
      // Refused: the data changed since it was decided (a unit or a member gone), and stays so until an administrator acts.
      // Anything else (a deadlock, a lost connection) is tried again by the next request.
      if (error instanceof InvalidInput || error instanceof MissingRecord) stuck.set(id, today)
      rootLogger().error({ event: 'unit.merge_due_failed', changeId: id, problems: error instanceof InvalidInput ? error.problems : String(error) }, 'a merge dated ahead could not be applied on its day')
    }
  }
  return applied
}

async function applyScheduledMerge(tx: Prisma.TransactionClient, changeId: string, now: Date): Promise<boolean> {
  const [change] = await tx.$queryRaw<{ effectiveDate: Date; reason: string; plan: unknown; createdById: string }[]>`
    SELECT "effectiveDate", reason, plan, "createdById"::text AS "createdById"
      FROM "UnitChange" WHERE id = ${changeId}::uuid AND "appliedAt" IS NULL FOR UPDATE`
  if (!change) return false
  const choices = scheduledChoices.parse(change.plan)
  const after = choices.successorId ? null : await tx.unitChangePart.findFirstOrThrow({ where: { changeId, side: 'AFTER' }, select: { unitId: true, name: true, code: true } })
  const actor = await tx.user.findUniqueOrThrow({ where: { id: change.createdById }, select: { id: true, role: true, unitId: true, memberId: true } })
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
  const plan = await planMerge(tx, now, input, { changeId, newSuccessorId: after?.unitId ?? null, shownUserIds: choices.shownUserIds })
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

  // After every report it combines, and within the merge's day, so pages of that day show the successor's work.
  const latest = await latestReport(tx, touchedBy(plan.assignments))
  const startOfDay = endOfDistrictDay(addDays(plan.effectiveDate, -1)).getTime() + 1
  const at = new Date(Math.min(Math.max(startOfDay, (latest?.getTime() ?? 0) + 1), context.now.getTime()))
  // Set-based, a statement for all the tasks at each step: a commune has a hundred tasks, and a merge is one transaction.
  const made = await tx.assignment.createManyAndReturn({
    data: plan.assignments.filter((a) => !a.existing).map((a) => ({ taskId: a.taskId, unitId: successor.id, responsibleMemberId: a.responsibleMemberId, createdAt: at })),
    select: { id: true, taskId: true },
  })
  const madeFor = new Map(made.map((m) => [m.taskId, m.id]))
  const carried = plan.assignments.map((a) => {
    const assignmentId = a.existing?.assignmentId ?? madeFor.get(a.taskId)
    if (!assignmentId) throw new Error(`no assignment of the successor for task ${a.taskCode}`)
    return { taskCode: a.taskCode, assignmentId, from: a.sources.map((s) => s.assignmentId), combined: a }
  })
  await tx.statusUpdate.createMany({
    data: carried.map(({ assignmentId, combined: a }) => ({
      assignmentId,
      authorId: context.actor.id,
      status: a.status,
      progress: a.progress,
      indicatorActual: a.indicatorActual,
      note: mergeNote(plan, a),
      createdAt: at,
      // Nothing to confirm: it restates what the merged units reported (each confirmed or not in its own history).
      reviewState: 'CONFIRMED' as const,
      reviewedById: context.actor.id,
      reviewedAt: at,
    })),
  })
  await tx.$executeRaw`
    UPDATE "Assignment" a
       SET status = v.status::"TaskStatus", progress = v.progress, "indicatorActual" = v.indicator::numeric,
           "completedAt" = CASE WHEN v.status = 'DONE' THEN COALESCE(a."completedAt", ${at}::timestamptz) END,
           "lastUpdateAt" = ${at}::timestamptz, "lastUpdateById" = ${context.actor.id}::uuid, version = a.version + 1, "updatedAt" = now()
      FROM unnest(${carried.map((c) => c.assignmentId)}::uuid[], ${carried.map((c) => c.combined.status)}::text[],
                  ${carried.map((c) => c.combined.progress)}::int[], ${carried.map((c) => c.combined.indicatorActual)}::text[]) AS v(id, status, progress, indicator)
     WHERE a.id = v.id`

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
