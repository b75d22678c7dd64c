// What merges and splits of units share: the checks of the change's day, where a moving task's
// work stood in the unit it leaves, and the report by which the unit that takes it over carries it
// on (its first report after the change, by the administrator who applied it, quoting the source).
import 'server-only'
import { Prisma } from '@/lib/db/client'
import { addDays, districtDay, endOfDistrictDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import type { AdminErrorCode } from '@/lib/validation/admin'
import viAssignment from '@/messages/vi/assignment.json'
import { findActor, type Actor } from '@/lib/auth/permissions'
import type { ActionContext } from '../context'
import { InvalidInput, MissingRecord } from './core'
import { MAX_DAYS_AHEAD } from './units'

type Label = { id: string; name: string; code: string }

/** Where a task's work stood in one unit before the change, and since when it was done (when it is). */
export type CarrySource = { assignmentId: string; unit: Label; status: TaskStatus; progress: number; indicatorActual: string | null; completedAt: Date | null; note: string | null }

/** A source as read with its task, its member responsible and its unit's id. */
export type SourceRow = { id: string; unitId: string; taskId: string; taskCode: string; title: string; status: TaskStatus; progress: number; indicatorActual: string | null; completedAt: Date | null; responsibleMemberId: string | null; note: string | null }

/** The assignments `where` chooses (a condition on `a`, joined to its task `t`), each with its latest note that was not returned, in the tasks' order. */
export function sourceRows(tx: Prisma.TransactionClient, where: Prisma.Sql): Promise<SourceRow[]> {
  return tx.$queryRaw<SourceRow[]>`
    SELECT a.id::text AS id, a."unitId"::text AS "unitId", a."taskId"::text AS "taskId", t.code AS "taskCode", t.title,
           a.status::text AS status, a.progress, a."indicatorActual"::text AS "indicatorActual", a."completedAt", a."responsibleMemberId"::text AS "responsibleMemberId",
           (SELECT s.note FROM "StatusUpdate" s WHERE s."assignmentId" = a.id AND s."reviewState" <> 'RETURNED' ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1) AS note
      FROM "Assignment" a
      JOIN "Task" t ON t.id = a."taskId"
     WHERE ${where}
     ORDER BY t."sortOrder", t.code, a."unitId"`
}

export const carrySource = (r: SourceRow, unit: Label): CarrySource => ({ assignmentId: r.id, unit, status: r.status, progress: r.progress, indicatorActual: r.indicatorActual, completedAt: r.completedAt, note: r.note })

/**
 * The figures a unit carries on from its sources: the least advanced status, the lowest progress, the
 * indicator figures summed, and, when all are done, since when: the latest of their completions (the
 * combined work was done when the last of it was), so work done on time stays done on time.
 */
export type Carried = { status: TaskStatus; progress: number; indicatorActual: string | null; doneSince: Date | null }

/** From least to most advanced: combined work takes the least advanced of its sources. */
const ADVANCE: Record<TaskStatus, number> = { NOT_STARTED: 0, BLOCKED: 1, IN_PROGRESS: 2, DONE: 3 }

export function combined(sources: CarrySource[]): Carried {
  let result: Omit<Carried, 'doneSince'> = { status: 'DONE', progress: 100, indicatorActual: null }
  let doneSince: Date | null = null
  for (const s of sources) {
    result = {
      status: ADVANCE[s.status] < ADVANCE[result.status] ? s.status : result.status,
      progress: Math.min(result.progress, s.progress),
      // Cents, so that the sum of DECIMAL(14, 2) figures is exact.
      indicatorActual: s.indicatorActual === null ? result.indicatorActual : centsText(toCents(result.indicatorActual ?? '0') + toCents(s.indicatorActual)),
    }
    if (s.completedAt && (!doneSince || s.completedAt > doneSince)) doneSince = s.completedAt
  }
  return { ...result, doneSince: result.status === 'DONE' ? doneSince : null }
}

const toCents = (value: string): bigint => {
  const [whole = '0', part = ''] = value.split('.')
  return BigInt(whole) * 100n + BigInt(part.padEnd(2, '0').slice(0, 2))
}
const centsText = (cents: bigint): string => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`

/** The carrying report's note: the decision's line, then each source's state and latest note. */
export function carryNote(heading: string, sources: CarrySource[]): string {
  const lines = sources.map((s) => {
    const figure = s.indicatorActual === null ? '' : `, ${s.indicatorActual.replace(/\.00$/, '')}`
    return `- ${s.unit.name}: ${viAssignment.taskStatus[s.status]}, ${s.progress}%${figure}${s.note ? `. ${s.note}` : ''}`
  })
  return [heading, ...lines].join('\n')
}

/**
 * The day of a merge or a split, checked before anything is written: at most a year ahead (one
 * dated after today waits for its day); no other change of one of `unitIds` that day (`except`: the
 * change being applied on its day), none after it.
 */
export async function checkChangeDay(
  tx: Prisma.TransactionClient,
  now: Date,
  day: CalendarDay,
  unitIds: string[],
  except: string | null,
): Promise<void> {
  const today = districtDay(now)
  const lastDay = addDays(today, MAX_DAYS_AHEAD)
  if (day > lastDay) throw InvalidInput.of('effectiveDate', 'effectiveTooLate', { date: formatDay(lastDay) })
  const others = except ? { id: { not: except } } : {}
  const sameDay = await tx.unitChangePart.count({ where: { unitId: { in: unitIds }, change: { effectiveDate: new Date(day), cancelledAt: null, ...others } } })
  if (sameDay > 0) throw InvalidInput.of('effectiveDate', 'sameDayChange', { date: formatDay(day) })
  const later = await tx.unitName.findFirst({ where: { unitId: { in: unitIds }, validFrom: { gt: new Date(day) } }, orderBy: { validFrom: 'desc' }, select: { validFrom: true } })
  if (later?.validFrom) throw InvalidInput.of('effectiveDate', 'beforeLastChange', { date: formatDay(districtDay(later.validFrom)) })
}

/** Refuses a day before the latest report on the work that moves (`assignmentIds`): that report would stand after the change. */
export async function checkNotBeforeReports(tx: Prisma.TransactionClient, day: CalendarDay, assignmentIds: string[], code: AdminErrorCode): Promise<void> {
  const latest = await latestReport(tx, assignmentIds)
  if (latest && districtDay(latest) > day) throw InvalidInput.of('effectiveDate', code, { date: formatDay(districtDay(latest)) })
}

/** The time of the latest report on the assignments, each read from its own end of the index (one newest-first scan of every report would walk the country's). */
async function latestReport(tx: Prisma.TransactionClient, assignmentIds: string[]): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max(s."createdAt") AS at
      FROM unnest(${assignmentIds}::uuid[]) AS a(id)
      CROSS JOIN LATERAL (SELECT u."createdAt" FROM "StatusUpdate" u WHERE u."assignmentId" = a.id ORDER BY u."createdAt" DESC LIMIT 1) s`
  return row?.at ?? null
}

/** When the carrying reports are dated: after every report they restate, and within the change's day, so pages of that day show the work carried. */
export async function carryTime(tx: Prisma.TransactionClient, context: ActionContext, day: CalendarDay, assignmentIds: string[]): Promise<Date> {
  const latest = await latestReport(tx, assignmentIds)
  const startOfDay = endOfDistrictDay(addDays(day, -1)).getTime() + 1
  return new Date(Math.min(Math.max(startOfDay, (latest?.getTime() ?? 0) + 1), context.now.getTime()))
}

/** The unit's own assignment of the task that takes the work over, or one made for it. */
export type CarryTarget = { assignmentId: string } | { taskId: string; unitId: string; responsibleMemberId: string | null }

/** One task's work carried on: where to (made when new), the figures, and the carrying report's note. */
export type CarryItem = { target: CarryTarget; figures: Carried; note: string }

/**
 * Writes each item's carrying report on its target (made when new) and gives the assignment its
 * figures, done since the sources were (not since the change); returns the assignments' ids, in the items' order. Set-based, one statement for all the
 * tasks at each step: a commune has a hundred tasks, and a merge or a split is one transaction.
 */
export async function carryOverMany(tx: Prisma.TransactionClient, context: ActionContext, at: Date, items: CarryItem[]): Promise<string[]> {
  const made = await tx.assignment.createManyAndReturn({
    data: items.flatMap(({ target }) => ('assignmentId' in target ? [] : [{ ...target, createdAt: at }])),
    select: { id: true, taskId: true, unitId: true },
  })
  const madeFor = new Map(made.map((m) => [`${m.taskId}/${m.unitId}`, m.id]))
  const ids = items.map(({ target }) => {
    const id = 'assignmentId' in target ? target.assignmentId : madeFor.get(`${target.taskId}/${target.unitId}`)
    if (!id) throw new Error('a carried task without its assignment')
    return id
  })
  // Never after the report that restates it (a completion time recorded oddly, say by an import).
  const doneSince = items.map(({ figures }) => (figures.doneSince && figures.doneSince < at ? figures.doneSince : figures.status === 'DONE' ? at : null))
  await tx.statusUpdate.createMany({
    data: items.map(({ figures, note }, i) => ({
      assignmentId: ids[i] ?? '',
      authorId: context.actor.id,
      ...figures,
      doneSince: doneSince[i] ?? null,
      note,
      createdAt: at,
      // Nothing to confirm: it restates what the units before the change reported (each confirmed or not in its own history).
      reviewState: 'CONFIRMED' as const,
      reviewedById: context.actor.id,
      reviewedAt: at,
    })),
  })
  await tx.$executeRaw`
    UPDATE "Assignment" a
       SET status = v.status::"TaskStatus", progress = v.progress, "indicatorActual" = v.indicator::numeric,
           "completedAt" = CASE WHEN v.status = 'DONE' THEN v.done_since::timestamptz END,
           "lastUpdateAt" = ${at}::timestamptz, "lastUpdateById" = ${context.actor.id}::uuid, version = a.version + 1, "updatedAt" = now()
      FROM unnest(${ids}::uuid[], ${items.map((c) => c.figures.status)}::text[],
                  ${items.map((c) => c.figures.progress)}::int[], ${items.map((c) => c.figures.indicatorActual)}::text[],
                  ${doneSince.map((d) => d?.toISOString() ?? null)}::text[]) AS v(id, status, progress, indicator, done_since)
     WHERE a.id = v.id`
  return ids
}

/** The administrator who decided a change dated ahead, with the scope their account has today: the change is applied on its day as theirs. */
export async function deciderOf(tx: Prisma.TransactionClient, createdById: string): Promise<Actor> {
  const actor = await findActor(createdById, tx)
  if (!actor) throw new MissingRecord()
  return actor
}

/** A merge's or split's UnitChange row with its parts, each unit with its name and code on its side: `before` it, and `after`. */
export function unitChangeData(context: ActionContext, kind: 'MERGE' | 'SPLIT', decision: { effectiveDate: CalendarDay; reason: string }, before: Label[], after: Label[]) {
  const side = (units: Label[], side: 'BEFORE' | 'AFTER') => units.map((u) => ({ unitId: u.id, side, name: u.name, code: u.code }))
  return {
    kind,
    effectiveDate: new Date(decision.effectiveDate),
    reason: decision.reason,
    createdById: context.actor.id,
    createdAt: context.now,
    parts: { create: [...side(before, 'BEFORE'), ...side(after, 'AFTER')] },
  }
}
