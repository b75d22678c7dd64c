// The reporting cycles of assignments whose task reports monthly or quarterly (lib/domain/report-cycle.ts):
// whether each reported in its current cycle and in the last closed one, on time or late, and the
// rate of one cycle. Derived from the reports (StatusUpdate), read in SQL; the deadlines come from
// report_cycle_deadline (migration 20261207160000_reporting_cadence), which the domain mirrors.
import 'server-only'
import { cache } from 'react'
import { z } from 'zod'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { DISTRICT_TIME_ZONE, endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import { cycleOf, lastClosedCycle, type Cadence, type ReportCycle } from '@/lib/domain/report-cycle'
import type { ProgressSource } from './progress-source'
import type { ReportingRate } from './reporting-rate'
import { unitNameOn, unitStoodOn } from './unit-history'

/** The task `t`'s cadence, its own else its group's `g`: columns kind and day. */
export const cadenceColumns = Prisma.sql`COALESCE(t."reportCadence", g."reportCadence") AS kind,
       CASE WHEN t."reportCadence" IS NULL THEN g."reportDay" ELSE t."reportDay" END AS day`

/** The first instant of a district day (an SQL date). */
const dayStart = (day: Prisma.Sql) => Prisma.sql`((${day})::timestamp AT TIME ZONE ${DISTRICT_TIME_ZONE})`

/** Whether the assignment `assignmentId` has a report made from the start of `from` (a date) to `until` (an instant, exclusive when `before`). */
const reportedBetween = (assignmentId: Prisma.Sql, from: Prisma.Sql, until: Prisma.Sql, before: boolean) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."assignmentId" = ${assignmentId} AND s."createdAt" >= ${dayStart(from)} AND s."createdAt" ${Prisma.raw(before ? '<' : '<=')} ${until})`

type CycleRow = {
  assignmentId: string
  kind: Cadence['kind']
  day: number
  /** Owes the last closed cycle: there before it began, not done before it began. */
  owesLast: boolean
  /** Owes the current cycle: not done on the day. */
  owesCurrent: boolean
  reportedLastOnTime: boolean
  /** A report in the current cycle: on time for it, late for the last one. */
  reportedCurrent: boolean
}

/**
 * The cycle rows of the assignments `a` of `source` (as they stood on its day, reports made by its
 * instant) of active tasks with a cadence, those `where` keeps (SQL on a, t, u).
 */
function cycleRows(source: Pick<ProgressSource, 'assignments' | 'day' | 'at'>, where: Prisma.Sql): Prisma.Sql {
  const day = source.day
  return Prisma.sql`
    SELECT c."assignmentId", c.kind, c.day, c."currentStart",
           c."createdAt" < ${dayStart(Prisma.sql`c."lastStart"`)} AND NOT (c.status = 'DONE' AND c."completedAt" < ${dayStart(Prisma.sql`c."lastStart"`)}) AS "owesLast",
           c.status <> 'DONE' AS "owesCurrent",
           ${reportedBetween(Prisma.sql`c."assignmentId"`, Prisma.sql`c."lastStart"`, dayStart(Prisma.sql`c."currentStart"`), true)} AS "reportedLastOnTime",
           ${reportedBetween(Prisma.sql`c."assignmentId"`, Prisma.sql`c."currentStart"`, Prisma.sql`${source.at}::timestamptz`, false)} AS "reportedCurrent"
      FROM (
        SELECT a.id AS "assignmentId", a.status, a."completedAt", base."createdAt", cad.kind, cad.day,
               (d.deadline - make_interval(months => report_cycle_months(cad.kind)) + interval '1 day')::date AS "currentStart",
               (d.deadline - make_interval(months => 2 * report_cycle_months(cad.kind)) + interval '1 day')::date AS "lastStart"
          FROM ${source.assignments} a
          JOIN "Assignment" base ON base.id = a.id
          JOIN "Task" t ON t.id = a."taskId" AND t.active
          JOIN "TaskGroup" g ON g.id = t."groupId"
          JOIN "Unit" u ON u.id = a."unitId"
          CROSS JOIN LATERAL (SELECT ${cadenceColumns}) cad
          CROSS JOIN LATERAL (SELECT report_cycle_deadline(cad.kind, cad.day, ${day}::date) AS deadline) d
         WHERE cad.kind <> 'NONE' AND ${where}
      ) c`
}

/** How an assignment stands in the last closed cycle. */
export type ClosedCycleState = 'onTime' | 'late' | 'missing'

export type AssignmentCycles = {
  cadence: Cadence
  /** The cycle the day lies in; `reported` once a report was made in it; null when done (nothing more owed). */
  current: { cycle: ReportCycle; reported: boolean } | null
  /** The last cycle whose deadline has passed, when the assignment owed it. */
  last: { cycle: ReportCycle; state: ClosedCycleState } | null
}

function cyclesOf(row: CycleRow, day: CalendarDay): AssignmentCycles {
  const cadence = { kind: row.kind, day: row.day }
  const state: ClosedCycleState = row.reportedLastOnTime ? 'onTime' : row.reportedCurrent ? 'late' : 'missing'
  return {
    cadence,
    current: row.owesCurrent ? { cycle: cycleOf(cadence, day), reported: row.reportedCurrent } : null,
    last: row.owesLast ? { cycle: lastClosedCycle(cadence, day), state } : null,
  }
}

/** The cycles of a unit's assignments on the source's day, by assignment id; those without a cadence are absent. */
export const unitAssignmentCycles = cache(async (source: ProgressSource, unitId: string): Promise<Map<string, AssignmentCycles>> => {
  const rows = await db().$queryRaw<CycleRow[]>(cycleRows(source, Prisma.sql`a."unitId" = ${unitId}::uuid`))
  return new Map(rows.map((r) => [r.assignmentId, cyclesOf(r, source.day)]))
})

/** The cycles of one assignment on the source's day; null when its task has no cadence. */
export const assignmentCycles = cache(async (source: ProgressSource, assignmentId: string): Promise<AssignmentCycles | null> => {
  const [row] = await db().$queryRaw<CycleRow[]>(cycleRows(source, Prisma.sql`a.id = ${assignmentId}::uuid`))
  return row ? cyclesOf(row, source.day) : null
})

/** The reminders' view of a cycle: overdue when the last closed cycle went unreported (and nothing since), due soon when the current one's deadline is near (cycleRemindersSql). */
export type CycleReminder = { cycle: ReportCycle; overdue: boolean }

/**
 * The assignments `a` (of active units, SQL `where` on a, t, u) a cycle reminder is due for on `day`:
 * columns "assignmentId", "cycleOverdue" (the last closed cycle unreported, nothing since), kind, day and that cycle's deadline.
 */
export function cycleRemindersSql(day: CalendarDay, dueSoonDays: number, where: Prisma.Sql): Prisma.Sql {
  const source = { assignments: Prisma.sql`"Assignment"`, day, at: endOfDistrictDay(day) }
  return Prisma.sql`
    SELECT r."assignmentId", r.kind, r.day, (r."owesLast" AND NOT r."reportedLastOnTime") AS "cycleOverdue",
           CASE WHEN r."owesLast" AND NOT r."reportedLastOnTime" THEN r."currentStart" - 1 ELSE r."currentStart" - 1 + make_interval(months => report_cycle_months(r.kind)) END::date AS deadline
      FROM (${cycleRows(source, where)}) r
     WHERE r."owesCurrent" AND NOT r."reportedCurrent"
       AND ((r."owesLast" AND NOT r."reportedLastOnTime") OR report_cycle_deadline(r.kind, r.day, ${day}::date) <= ${day}::date + ${dueSoonDays}::int)`
}

/** `?cycle=2026-11` (a month) or `?cycle=2026-Q4` (a quarter); anything malformed counts as no choice. */
export const cycleParamsSchema = z.object({
  cycle: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/)
    .optional()
    .catch(undefined),
})

export type CycleChoice = { cycle: ReportCycle; rate: ReportingRate; offered: ReportCycle[] }

/** How many months and quarters back the picker offers. */
const OFFERED_MONTHS = 6
const OFFERED_QUARTERS = 4
/** The latest deadline day a cadence may have: a cycle closed for it is closed for every task. */
const LATEST_DAY = 28

/** The cycle a key names, labelled as any task's of its cadence (each task's window is its own: cycleRate). */
function cycleOfKey(key: string): ReportCycle {
  const quarter = key.includes('Q') ? Number(key.slice(6)) : null
  const month = quarter === null ? Number(key.slice(5, 7)) : quarter * 3
  return cycleOf({ kind: quarter === null ? 'MONTHLY' : 'QUARTERLY', day: LATEST_DAY }, `${key.slice(0, 4)}-${String(month).padStart(2, '0')}-01`)
}

/** The `count` cycles of `kind` closed last on `day`, oldest first; a cadence by the latest deadline day closes last. */
function closedCycles(kind: Cadence['kind'], day: CalendarDay, count: number): ReportCycle[] {
  const cycles = [lastClosedCycle({ kind, day: LATEST_DAY }, day)]
  while (cycles.length < count) cycles.unshift(lastClosedCycle({ kind, day: LATEST_DAY }, cycles[0]!.deadline))
  return cycles
}

/**
 * The rate of one cycle over the units of the source's subtree standing on its day: of the units
 * with work that owed the cycle (each assignment of a task with that cadence, there before the
 * cycle began and not done by then), those whose every such assignment reported inside its own
 * window (day N of the month before, exclusive, to day N). Reports made after the source's instant
 * are not known.
 */
async function cycleRate(source: ProgressSource, cycle: ReportCycle, limit: number): Promise<ReportingRate> {
  const months = cycle.kind === 'MONTHLY' ? 1 : 3
  const lastMonth = cycle.kind === 'MONTHLY' ? cycle.number : cycle.number * 3
  const [rate] = await db().$queryRaw<ReportingRate[]>`
    WITH owed AS (
      SELECT a.id, a."unitId", w."start", w.deadline
        FROM "Assignment" a
        JOIN "Task" t ON t.id = a."taskId" AND t.active
        JOIN "TaskGroup" g ON g.id = t."groupId"
        CROSS JOIN LATERAL (SELECT ${cadenceColumns}) cad
        CROSS JOIN LATERAL (SELECT make_date(${cycle.year}::int, ${lastMonth}::int, cad.day) AS deadline) dl
        CROSS JOIN LATERAL (SELECT (dl.deadline - make_interval(months => ${months}::int) + interval '1 day')::date AS "start", dl.deadline) w
       WHERE cad.kind = ${cycle.kind}::"ReportCadence"
         AND a."createdAt" < ${dayStart(Prisma.sql`w."start"`)}
         AND NOT (a."completedAt" IS NOT NULL AND a."completedAt" < ${dayStart(Prisma.sql`w."start"`)})
    ), units AS (
      SELECT u.id, u.code, ${unitNameOn(source.day)} AS name, u.kind, u."sortOrder",
             bool_and(EXISTS (SELECT 1 FROM "StatusUpdate" s
                               WHERE s."assignmentId" = o.id AND s."createdAt" >= ${dayStart(Prisma.sql`o."start"`)}
                                 AND s."createdAt" < ${dayStart(Prisma.sql`o.deadline + 1`)} AND s."createdAt" <= ${source.at}::timestamptz)) AS "onTime"
        FROM owed o
        JOIN "Unit" u ON u.id = o."unitId"
       WHERE ${unitStoodOn(source.day)} AND ${source.unitInScope()}
       GROUP BY u.id
    )
    SELECT COUNT(*)::int AS "expected",
           COUNT(*) FILTER (WHERE "onTime")::int AS "reported",
           COALESCE((SELECT json_agg(json_build_object('code', m.code, 'name', m.name) ORDER BY m.kind, m."sortOrder", m.name)
                       FROM (SELECT * FROM units WHERE NOT "onTime" ORDER BY kind, "sortOrder", name LIMIT ${limit}) m), '[]'::json) AS "missing"
      FROM units`
  if (!rate) throw new Error('cycleRate: no row')
  return rate
}

/**
 * The cycle asked for (`key`), else the last month closed for every monthly task on the source's day
 * (the deadline day is at most 28), with its rate and the months and quarters the picker offers;
 * null when no active task reports monthly or quarterly.
 */
export const chosenCycle = cache(async (source: ProgressSource, key: string | undefined, limit: number): Promise<CycleChoice | null> => {
  const kinds = await db().$queryRaw<{ kind: Cadence['kind'] }[]>`
    SELECT DISTINCT cad.kind FROM "Task" t JOIN "TaskGroup" g ON g.id = t."groupId" CROSS JOIN LATERAL (SELECT ${cadenceColumns}) cad
     WHERE t.active AND cad.kind <> 'NONE'`
  if (kinds.length === 0) return null
  const months = kinds.some((k) => k.kind === 'MONTHLY')
  const offered = [
    ...(months ? closedCycles('MONTHLY', source.day, OFFERED_MONTHS) : []),
    ...(kinds.some((k) => k.kind === 'QUARTERLY') ? closedCycles('QUARTERLY', source.day, OFFERED_QUARTERS) : []),
  ]
  const cycle = key === undefined ? lastClosedCycle({ kind: months ? 'MONTHLY' : 'QUARTERLY', day: LATEST_DAY }, source.day) : cycleOfKey(key)
  return { cycle, rate: await cycleRate(source, cycle, limit), offered }
})
