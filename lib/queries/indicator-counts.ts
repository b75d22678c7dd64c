// The units' side of a CONDITION or PER_UNIT indicator (lib/domain/indicator.ts), counted in SQL
// over a task's assignments in the units that count on the source's day: how many units meet it
// (said yes; reached their own target) and, for PER_UNIT, the sum of the units' own targets. A SUM
// indicator needs none of it (its sum is kept with the task's counts) and reads no row here.
import 'server-only'
import { Prisma } from '@/lib/db/client'
import type { ProgressSource } from './progress-source'

/** Whether the task `t`'s indicator counts down: its target is below its baseline (a missing baseline is 0). */
export const countsDownSql = Prisma.sql`COALESCE(t."indicatorTarget" < COALESCE(t."indicatorBaseline", 0), false)`

/** Whether the assignment `a` (with its own target `target`) meets the task `t`'s indicator. */
export function meetsSql(target: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE(CASE t."indicatorKind"
      WHEN 'CONDITION' THEN a."indicatorActual" = 1
      WHEN 'PER_UNIT' THEN CASE WHEN ${countsDownSql} THEN a."indicatorActual" <= ${target} ELSE a."indicatorActual" >= ${target} END
    END, false)`
}

/**
 * `LEFT JOIN … iu`: for the task `t`, "unitsAssigned", "unitsMet", "targetSum" (null when no unit
 * has a target) and "unitsWithTarget"; zeros and null for a SUM indicator or none. Each unit's own
 * target is the one that stood on the source's day (ProgressSource.unitTarget). `tasks`: 'few'
 * counts each task's assignments apart (lateral: a page of one task reads that task's alone);
 * 'all' counts every indicator task's in one grouped pass, where looking each assignment's unit up
 * task by task cost the national overview half a second.
 */
export function unitIndicatorCounts(source: ProgressSource, tasks: 'few' | 'all' = 'few'): Prisma.Sql {
  const counts = Prisma.sql`count(*)::int AS "unitsAssigned", count(*) FILTER (WHERE ${meetsSql(Prisma.sql`own.target`)})::int AS "unitsMet",
             trim_scale(sum(own.target))::text AS "targetSum", count(own.target)::int AS "unitsWithTarget"`
  const assignments = Prisma.sql`${source.assignments} a
        CROSS JOIN LATERAL (SELECT ${source.unitTarget()} AS target) own
        JOIN "Unit" u ON u.id = a."unitId" AND ${source.unitCounted()}`
  if (tasks === 'few') {
    return Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${counts}
        FROM ${assignments}
       WHERE a."taskId" = t.id AND t."indicatorKind" IN ('CONDITION', 'PER_UNIT')) iu ON true`
  }
  return Prisma.sql`LEFT JOIN (
      SELECT a."taskId", ${counts}
        FROM ${assignments}
        JOIN "Task" t ON t.id = a."taskId" AND t.active AND t."indicatorKind" IN ('CONDITION', 'PER_UNIT')
       GROUP BY a."taskId") iu ON iu."taskId" = t.id`
}
