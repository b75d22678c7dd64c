// The progress panels of the district overview; the commune page asks the same questions of one
// unit (`unitId`). Every count is SQL over the assignments of active tasks in active units.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import { assignmentSource } from './as-of'
import { progressCountsReady, summedProgressColumns } from './progress-counts'
import { statusCountColumns, type StatusCounts } from './status-counts'

export type ProgressCounts = StatusCounts & {
  /** Deadline today or past, whatever the status. */
  due: number
  /** Overdue or blocked: the work to chase, as lateAssignments lists it. */
  late: number
}

export type GroupProgress = ProgressCounts & { groupId: string; code: string; name: string }

export type ProgressByGroup = { total: ProgressCounts; groups: GroupProgress[] }

const onlyUnit = (unitId: string | null) => (unitId === null ? Prisma.empty : Prisma.sql`AND a."unitId" = ${unitId}::uuid`)

/** Not done and past its due date (before `today`), or blocked. */
const isLate = (today: CalendarDay) => Prisma.sql`(a.status <> 'DONE' AND (t."dueDate" < ${today}::date OR a.status = 'BLOCKED'))`

type GroupRow = ProgressCounts & { groupId: string | null; code: string | null; name: string | null }

/**
 * The counts of the whole district (or of one unit) and of each task group, in one query: the
 * empty grouping set is the total, and it is there even when nothing is assigned. The district's
 * today is read from the kept counts per task (./progress-counts); one unit's, or any past day's
 * (`asOf`, lib/queries/as-of.ts, with `today` its district day), from the assignments.
 */
export const progressByGroup = cache(async (today: CalendarDay, unitId: string | null, asOf: Date | null = null): Promise<ProgressByGroup> => {
  const rows = unitId === null && asOf === null ? await districtGroupRows(today) : await assignmentGroupRows(today, unitId, asOf)
  const total = rows.find((row) => row.groupId === null)
  if (!total) throw new Error('progressByGroup: the total row is missing')
  return { total, groups: rows.filter((row): row is GroupProgress => row.groupId !== null) }
})

const byGroup = Prisma.sql`GROUP BY GROUPING SETS ((), (g.id, g.code, g.name, g."sortOrder"))`
const groupOrder = Prisma.sql`ORDER BY GROUPING(g.id) DESC, g."sortOrder", g.code`

async function districtGroupRows(today: CalendarDay): Promise<GroupRow[]> {
  await progressCountsReady(today)
  // A group is listed when something is assigned in it, as the count over assignments does.
  return db().$queryRaw<GroupRow[]>`
    SELECT g.id::text AS "groupId", g.code, g.name, ${summedProgressColumns()}
      FROM "TaskProgressCount" c
      JOIN "Task" t ON t.id = c."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
     ${byGroup}
    HAVING GROUPING(g.id) = 1 OR sum(c."assigned") > 0
     ${groupOrder}`
}

function assignmentGroupRows(today: CalendarDay, unitId: string | null, asOf: Date | null): Promise<GroupRow[]> {
  return db().$queryRaw<GroupRow[]>`
    SELECT g.id::text AS "groupId", g.code, g.name,
           ${statusCountColumns(today)},
           (COUNT(a.id) FILTER (WHERE t."dueDate" <= ${today}::date))::int AS "due",
           (COUNT(a.id) FILTER (WHERE ${isLate(today)}))::int AS "late"
      FROM ${assignmentSource(asOf)} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND u.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
     WHERE true ${onlyUnit(unitId)}
     ${byGroup}
     ${groupOrder}`
}

export type IndicatorResult = {
  taskId: string
  taskCode: string
  title: string
  /** Unit of measure, e.g. "chức danh". */
  unit: string
  /** DECIMAL values as plain strings ("12.50"). */
  baseline: string
  target: string
  /** The sum of the assignments' reported figures ("0" before any report). */
  actual: string
  /** (actual - baseline) / (target - baseline): may pass 1; null when target equals baseline. */
  share: number | null
  assigned: number
  /** Assignments that have reported a figure. */
  reported: number
}

/** Each task's indicator sum, assignments and figures reported: `s` of indicatorResults. */
function indicatorSums(asOf: Date | null): Prisma.Sql {
  if (asOf === null)
    return Prisma.sql`LEFT JOIN "TaskProgressCount" c ON c."taskId" = t.id
     CROSS JOIN LATERAL (
       SELECT CASE WHEN COALESCE(c."indicatorReported", 0) = 0 THEN 0 ELSE c."indicatorSum" END AS actual,
              COALESCE(c."assigned", 0) AS assigned, COALESCE(c."indicatorReported", 0) AS reported) s`
  return Prisma.sql`CROSS JOIN LATERAL (
       SELECT COALESCE(sum(a."indicatorActual"), 0) AS actual,
              COUNT(a.id)::int AS assigned,
              COUNT(a."indicatorActual")::int AS reported
         FROM ${assignmentSource(asOf)} a
         JOIN "Unit" u ON u.id = a."unitId" AND u.active
        WHERE a."taskId" = t.id) s`
}

/**
 * Every indicator task of the district ("chỉ tiêu") with the sum of what the units have reported
 * (by `asOf`, when given; today's from the kept counts).
 */
export const indicatorResults = cache(async (today: CalendarDay, asOf: Date | null = null): Promise<IndicatorResult[]> => {
  if (asOf === null) await progressCountsReady(today)
  return db().$queryRaw<IndicatorResult[]>`
    SELECT t.id::text AS "taskId", t.code AS "taskCode", t.title, t."indicatorUnit" AS "unit",
           base.value::text AS "baseline", t."indicatorTarget"::text AS "target", s.actual::text AS "actual",
           CASE WHEN t."indicatorTarget" = base.value THEN NULL
                ELSE ((s.actual - base.value) / (t."indicatorTarget" - base.value))::float8 END AS "share",
           s.assigned::int AS "assigned", s.reported::int AS "reported"
      FROM "Task" t
      JOIN "TaskGroup" g ON g.id = t."groupId"
     CROSS JOIN LATERAL (SELECT COALESCE(t."indicatorBaseline", 0) AS value) base
     ${indicatorSums(asOf)}
     WHERE t.active AND t."indicatorUnit" IS NOT NULL AND t."indicatorTarget" IS NOT NULL
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`
})

export type LateAssignment = {
  id: string
  unitCode: string
  unitName: string
  taskCode: string
  title: string
  status: TaskStatus
  /** As Prisma returns a DATE column: midnight UTC of that day. */
  dueDate: Date
  /** Always null here (late work is not done); selected so a row is an AssignmentTiming as it is. */
  completedAt: Date | null
  /** The member responsible for the assignment, else the member in charge of the unit. */
  memberName: string | null
}

/**
 * The first `limit` assignments to chase (see isLate), the oldest deadline first; their number is
 * ProgressCounts.late. Walking the tasks in due-date order (index on Task.dueDate, then on
 * Assignment.taskId) stops after `limit` rows, so the district's list costs little. `asOf` as for
 * progressByGroup.
 */
export const lateAssignments = cache(
  (today: CalendarDay, unitId: string | null, limit: number, asOf: Date | null = null): Promise<LateAssignment[]> => db().$queryRaw<LateAssignment[]>`
    SELECT a.id::text AS "id", u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title,
           a.status::text AS "status", t."dueDate", a."completedAt", m.name AS "memberName"
      FROM ${assignmentSource(asOf)} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND u.active
      LEFT JOIN "Member" m ON m.id = COALESCE(a."responsibleMemberId", u."inChargeMemberId")
     WHERE ${isLate(today)} ${onlyUnit(unitId)}
     ORDER BY t."dueDate", u."sortOrder", u.name, t."sortOrder", t.code
     LIMIT ${limit}`,
)
