// The progress panels of the district overview; the commune page asks the same questions of one
// unit (`unitId`). Every count is SQL over the assignments of active tasks in the units that count on the day (active today; for a past day, those that stood then).
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { groupRowVisibleSql } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { ProgressCounts } from '@/lib/domain/status-counts'
import type { TaskStatus } from '@/lib/domain/status'
import type { IndicatorKind } from '@/lib/domain/indicator'
import { meetsSql, unitIndicatorCounts } from './indicator-counts'
import { indicatorSumOf, summedProgressColumns } from './progress-counts'
import { countColumns, isLate } from './progress-rule'
import type { ProgressSource } from './progress-source'

export type GroupProgress = ProgressCounts & { groupId: string; code: string; name: string }

export type ProgressByGroup = { total: ProgressCounts; groups: GroupProgress[] }

const onlyUnit = (unitId: string | null) => (unitId === null ? Prisma.empty : Prisma.sql`AND a."unitId" = ${unitId}::uuid`)

type GroupRow = ProgressCounts & { groupId: string | null; code: string | null; name: string | null }

/** `LEFT JOIN … c`: each task `t`'s row of counts over one unit's assignments. */
const unitTaskCounts = (source: ProgressSource, unitId: string) => Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${countColumns(source.day)}
        FROM ${source.assignments} a
        JOIN "Unit" u ON u.id = a."unitId" AND ${source.unitCounted()}
       WHERE a."taskId" = t.id AND a."unitId" = ${unitId}::uuid) c ON true`

/**
 * The counts of the whole district (or of one unit) and of each task group, in one query over the
 * tasks' rows of counts: the empty grouping set is the total, and it is there even when nothing is
 * assigned. A group is listed when something is assigned in it.
 */
export const progressByGroup = cache(async (source: ProgressSource, unitId: string | null): Promise<ProgressByGroup> => {
  const counts = unitId === null ? await source.taskCounts() : unitTaskCounts(source, unitId)
  const rows = await db().$queryRaw<GroupRow[]>`
    SELECT g.id::text AS "groupId", g.code, g.name, ${summedProgressColumns()}
      FROM "Task" t
      JOIN "TaskGroup" g ON g.id = t."groupId"
      ${counts}
     WHERE t.active AND ${groupRowVisibleSql(source.scope, 'g')}
     GROUP BY GROUPING SETS ((), (g.id, g.code, g.name, g."sortOrder"))
    HAVING GROUPING(g.id) = 1 OR sum(c."assigned") > 0
     ORDER BY GROUPING(g.id) DESC, g."sortOrder", g.code`
  const total = rows.find((row) => row.groupId === null)
  if (!total) throw new Error('progressByGroup: the total row is missing')
  return { total, groups: rows.filter((row): row is GroupProgress => row.groupId !== null) }
})

export type IndicatorResult = {
  taskId: string
  taskCode: string
  title: string
  kind: IndicatorKind
  /** Unit of measure, e.g. "chức danh"; for CONDITION, what is counted ("đơn vị cấp xã"). */
  unit: string
  /** DECIMAL values as plain strings ("12.50"); a CONDITION indicator has no baseline nor target. */
  baseline: string | null
  target: string | null
  /** The sum of the assignments' reported figures ("0" before any report). */
  actual: string
  /**
   * SUM: (actual - baseline) / (target - baseline), may pass 1, null when target equals baseline;
   * CONDITION and PER_UNIT: the units that meet it out of those assigned, null when none is.
   */
  share: number | null
  assigned: number
  /** Assignments that have reported a figure. */
  reported: number
  /** CONDITION: the units that answered yes; PER_UNIT: those that reached their own target; SUM: 0. */
  met: number
  /** PER_UNIT: the sum of the units' own targets (null before any is set), and how many units have one. */
  targetSum: string | null
  withTarget: number
}

/** Every indicator task of the district ("chỉ tiêu") with what the units have reported, counted as its kind counts. */
export const indicatorResults = cache(async (source: ProgressSource): Promise<IndicatorResult[]> =>
  db().$queryRaw<IndicatorResult[]>`
    SELECT t.id::text AS "taskId", t.code AS "taskCode", t.title, t."indicatorKind"::text AS "kind", t."indicatorUnit" AS "unit",
           trim_scale(t."indicatorBaseline")::text AS "baseline", trim_scale(t."indicatorTarget")::text AS "target", trim_scale(s.actual)::text AS "actual",
           CASE WHEN t."indicatorKind" = 'SUM' THEN
                  CASE WHEN t."indicatorTarget" = base.value THEN NULL ELSE ((s.actual - base.value) / (t."indicatorTarget" - base.value))::float8 END
                ELSE iu."unitsMet"::float8 / NULLIF(iu."unitsAssigned", 0) END AS "share",
           COALESCE(c."assigned", 0)::int AS "assigned", COALESCE(c."indicatorReported", 0)::int AS "reported",
           COALESCE(iu."unitsMet", 0)::int AS "met", iu."targetSum", COALESCE(iu."unitsWithTarget", 0)::int AS "withTarget"
      FROM "Task" t
      JOIN "TaskGroup" g ON g.id = t."groupId"
     CROSS JOIN LATERAL (SELECT COALESCE(t."indicatorBaseline", 0) AS value) base
     ${await source.taskCounts()}
     CROSS JOIN LATERAL (SELECT ${indicatorSumOf} AS actual) s
     ${unitIndicatorCounts(source, 'all')}
     WHERE t.active AND t."indicatorKind" IS NOT NULL AND ${groupRowVisibleSql(source.scope, 'g')}
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`,
)

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
 * Assignment.taskId) stops after `limit` rows, so the district's list costs little.
 */
export const lateAssignments = cache(
  (source: ProgressSource, unitId: string | null, limit: number): Promise<LateAssignment[]> => db().$queryRaw<LateAssignment[]>`
    SELECT a.id::text AS "id", u.code AS "unitCode", ${source.unitName()} AS "unitName", t.code AS "taskCode", t.title,
           a.status::text AS "status", t."dueDate", a."completedAt", m.name AS "memberName"
      FROM ${source.assignments} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND ${source.unitCounted()}
      LEFT JOIN "Member" m ON m.id = COALESCE(a."responsibleMemberId", u."inChargeMemberId")
     WHERE ${isLate(source.day)} ${onlyUnit(unitId)}
     ORDER BY t."dueDate", u."sortOrder", u.name, t."sortOrder", t.code
     LIMIT ${limit}`,
)

export type UnitIndicatorFigure = {
  taskId: string
  unitName: string
  /** DECIMAL values as plain strings; actual null before the unit reports a figure. */
  actual: string | null
  target: string
  met: boolean
}

/**
 * The units of each active PER_UNIT indicator that have their own target, with their figure
 * against it ("Xã Minh Cầm: 5/12"), in the district's order of units: the first `limit` of each
 * task (the review report quotes them; the overview's aggregate counts them all).
 */
export const perUnitFigures = cache(
  (source: ProgressSource, limit: number): Promise<UnitIndicatorFigure[]> => db().$queryRaw<UnitIndicatorFigure[]>`
    SELECT t.id::text AS "taskId", x."unitName", x.actual, x.target, x.met
      FROM "Task" t
     CROSS JOIN LATERAL (
       SELECT ${source.unitName()} AS "unitName", trim_scale(a."indicatorActual")::text AS actual, trim_scale(own.target)::text AS target,
              ${meetsSql(Prisma.sql`own.target`)} AS met
         FROM ${source.assignments} a
         CROSS JOIN LATERAL (SELECT ${source.unitTarget()} AS target) own
         JOIN "Unit" u ON u.id = a."unitId" AND ${source.unitCounted()}
        WHERE a."taskId" = t.id AND own.target IS NOT NULL
        ORDER BY u."sortOrder", u.name, u.code
        LIMIT ${limit}) x
     WHERE t.active AND t."indicatorKind" = 'PER_UNIT'`,
)
