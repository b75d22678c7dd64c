// The district overview's numbers two ways, for the benchmark: through the app's query functions
// (as the page asks for them) and through the fastest SQL we can write by hand for the same numbers,
// run directly with `pg` (the limit). Run under `tsx --conditions=react-server` ('server-only').
import type pg from 'pg'
import { DISTRICT_TIME_ZONE, type CalendarDay } from '../../lib/domain/calendar'
import { DUE_SOON_DAYS } from '../../lib/domain/status'
import { communeProgressList } from '../../lib/queries/communes'
import { indicatorResults, progressByGroup, type ProgressCounts } from '../../lib/queries/district-overview'

/** What the overview page asks at once: the totals and groups, the commune ranking, the indicators. */
export async function overviewThroughApp(today: CalendarDay): Promise<ProgressCounts> {
  const [progress] = await Promise.all([progressByGroup(today, null), communeProgressList(today, 'progress'), indicatorResults(today)])
  return progress.total
}

/**
 * The same numbers in one scan: the assignments of active tasks in active units counted once,
 * grouped four ways at a time (the district, each group, each unit, each task, whose indicator
 * figures are summed), every count a FILTER over the same rows.
 */
const OVERVIEW_SQL = `
  SELECT t."groupId"::text AS "groupId", a."unitId"::text AS "unitId", a."taskId"::text AS "taskId",
         COUNT(*)::int AS "assigned",
         (COUNT(*) FILTER (WHERE a.status = 'DONE' AND (a."completedAt" IS NULL OR (a."completedAt" AT TIME ZONE '${DISTRICT_TIME_ZONE}')::date <= t."dueDate")))::int AS "doneOnTime",
         (COUNT(*) FILTER (WHERE a.status = 'DONE' AND (a."completedAt" AT TIME ZONE '${DISTRICT_TIME_ZONE}')::date > t."dueDate"))::int AS "doneLate",
         (COUNT(*) FILTER (WHERE a.status = 'IN_PROGRESS'))::int AS "inProgress",
         (COUNT(*) FILTER (WHERE a.status = 'BLOCKED'))::int AS "blocked",
         (COUNT(*) FILTER (WHERE a.status = 'NOT_STARTED'))::int AS "notStarted",
         (COUNT(*) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" < $1::date))::int AS "overdue",
         (COUNT(*) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" BETWEEN $1::date AND $1::date + ${DUE_SOON_DAYS}))::int AS "dueSoon",
         COALESCE(round(avg(a.progress)), 0)::int AS "progress",
         (COUNT(*) FILTER (WHERE t."dueDate" <= $1::date))::int AS "due",
         (COUNT(*) FILTER (WHERE a.status <> 'DONE' AND (t."dueDate" < $1::date OR a.status = 'BLOCKED')))::int AS "late",
         sum(a."indicatorActual")::text AS "indicatorActual"
    FROM "Assignment" a
    JOIN "Task" t ON t.id = a."taskId" AND t.active
    JOIN "Unit" u ON u.id = a."unitId" AND u.active
   GROUP BY GROUPING SETS ((), (t."groupId"), (a."unitId"), (a."taskId"))`

type OverviewRow = ProgressCounts & { groupId: string | null; unitId: string | null; taskId: string | null }

export async function overviewByHand(client: pg.Client, today: CalendarDay): Promise<ProgressCounts> {
  const { rows } = await client.query<OverviewRow>(OVERVIEW_SQL, [today])
  const total = rows.find((row) => row.groupId === null && row.unitId === null && row.taskId === null)
  if (!total) throw new Error('the hand-written overview query returned no total')
  return total
}

const COUNTS: readonly (keyof ProgressCounts)[] = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted', 'overdue', 'dueSoon', 'progress', 'due', 'late']

/** The counts that differ between the two (empty when both ways agree). */
export function differences(app: ProgressCounts, byHand: ProgressCounts): string[] {
  return COUNTS.filter((key) => app[key] !== byHand[key]).map((key) => `${key}: app ${app[key]}, by hand ${byHand[key]}`)
}
