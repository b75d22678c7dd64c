// The district overview's numbers two ways, for the benchmark: through the app's query functions
// (as the page asks for them) and through the fastest SQL we can write by hand for the same numbers,
// run directly with `pg` (the limit): one round trip reading the kept counts
// (lib/queries/progress-counts.ts). Also the full recount of every assignment those counts save
// the pages from, which runs once a day. Run under `tsx --conditions=react-server` ('server-only').
import type pg from 'pg'
import { DISTRICT_TIME_ZONE, type CalendarDay } from '../../lib/domain/calendar'
import { DUE_SOON_DAYS } from '../../lib/domain/status'
import type { ProgressCounts } from '../../lib/domain/status-counts'
import { communeRankingEnds } from '../../lib/queries/communes'
import { indicatorResults, progressByGroup } from '../../lib/queries/district-overview'
import { fromKeptCounts } from '../../lib/queries/progress-source'

/** As the overview page asks (app/(app)/page.tsx). */
const RANKING_ENDS = 10

/**
 * The overview's numbers the ways are checked on: the district's counts, and for each condition
 * and per-unit indicator the units that meet it (the aggregate over its assignments,
 * lib/queries/indicator-counts.ts), by task id.
 */
export type OverviewNumbers = { counts: ProgressCounts; unitsMet: Record<string, number> }

/** What the overview page asks at once: the totals and groups, the commune ranking, the indicators (each kind's). */
export async function overviewThroughApp(today: CalendarDay): Promise<OverviewNumbers> {
  const source = fromKeptCounts(today)
  const [progress, , indicators] = await Promise.all([progressByGroup(source, null), communeRankingEnds(source, RANKING_ENDS), indicatorResults(source)])
  return { counts: progress.total, unitsMet: Object.fromEntries(indicators.filter((i) => i.kind !== 'SUM').map((i) => [i.taskId, i.met])) }
}

const COUNT_SUMS = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted', 'overdue', 'dueSoon', 'due', 'late']
  .map((name) => `sum(c."${name}")::int AS "${name}"`)
  .join(', ')

/**
 * The same numbers in one round trip of four statements over the kept counts: the district and
 * each group, the head and tail of the commune ranking, the sums of the indicators; and, over the
 * assignments, the units meeting each condition and per-unit indicator and the sum of their own
 * targets. `today` is a checked YYYY-MM-DD, written into the text (a multi-statement query takes no
 * parameters).
 */
function overviewSql(today: CalendarDay): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a day: ${today}`)
  return `
  SELECT progress_counts_ready('${today}', ${DUE_SOON_DAYS});
  SELECT t."groupId", ${COUNT_SUMS}, round(sum(c."progressSum")::numeric / NULLIF(sum(c.assigned), 0))::int AS "progress"
    FROM "TaskProgressCount" c JOIN "Task" t ON t.id = c."taskId" AND t.active
   GROUP BY GROUPING SETS ((), (t."groupId"));
  SELECT * FROM (
    SELECT u.id, u.name, c.overdue, round(c."progressSum"::numeric / NULLIF(c.assigned, 0)) AS progress,
           row_number() OVER (ORDER BY round(c."progressSum"::numeric / NULLIF(c.assigned, 0)) DESC NULLS LAST, c.overdue, u."sortOrder", u.name) AS rank,
           count(*) OVER () AS units
      FROM "Unit" u LEFT JOIN "UnitProgressCount" c ON c."unitId" = u.id
     WHERE u.kind IN ('COMMUNE', 'TOWNSHIP') AND u.active) r
   WHERE rank <= ${RANKING_ENDS} OR rank > units - ${RANKING_ENDS};
  SELECT t.id, c."indicatorSum", c."indicatorReported", c.assigned
    FROM "Task" t JOIN "TaskProgressCount" c ON c."taskId" = t.id
   WHERE t.active AND t."indicatorUnit" IS NOT NULL;
  SELECT t.id::text AS "taskId", sum(a."indicatorTarget") AS "targetSum",
         count(*) FILTER (WHERE CASE WHEN t."indicatorKind" = 'CONDITION' THEN a."indicatorActual" = 1
                                     WHEN t."indicatorTarget" < COALESCE(t."indicatorBaseline", 0) THEN a."indicatorActual" <= a."indicatorTarget"
                                     ELSE a."indicatorActual" >= a."indicatorTarget" END)::int AS met
    FROM "Task" t
    JOIN "Assignment" a ON a."taskId" = t.id
    JOIN "Unit" u ON u.id = a."unitId" AND u.active
   WHERE t.active AND t."indicatorKind" IN ('CONDITION', 'PER_UNIT')
   GROUP BY t.id`
}

type OverviewRow = ProgressCounts & { groupId: string | null }

export async function overviewByHand(client: pg.Client, today: CalendarDay): Promise<OverviewNumbers> {
  const results = (await client.query(overviewSql(today))) as unknown as pg.QueryResult[]
  const total = (results[1]!.rows as OverviewRow[]).find((row) => row.groupId === null)
  if (!total) throw new Error('the hand-written overview query returned no total')
  const unitsMet = Object.fromEntries((results[4]!.rows as { taskId: string; met: number }[]).map((row) => [row.taskId, row.met]))
  return { counts: { ...total, progress: total.progress ?? 0 }, unitsMet }
}

/** Every count of the overview recounted from every assignment in one scan: what a day's recount costs. */
const RECOUNT_SQL = `
  SELECT COUNT(*)::int AS "assigned",
         (COUNT(*) FILTER (WHERE a.status = 'DONE' AND (a."completedAt" IS NULL OR (a."completedAt" AT TIME ZONE '${DISTRICT_TIME_ZONE}')::date <= t."dueDate")))::int AS "doneOnTime",
         (COUNT(*) FILTER (WHERE a.status = 'DONE' AND (a."completedAt" AT TIME ZONE '${DISTRICT_TIME_ZONE}')::date > t."dueDate"))::int AS "doneLate",
         (COUNT(*) FILTER (WHERE a.status = 'IN_PROGRESS'))::int AS "inProgress",
         (COUNT(*) FILTER (WHERE a.status = 'BLOCKED'))::int AS "blocked",
         (COUNT(*) FILTER (WHERE a.status = 'NOT_STARTED'))::int AS "notStarted",
         (COUNT(*) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" < $1::date))::int AS "overdue",
         (COUNT(*) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" BETWEEN $1::date AND $1::date + ${DUE_SOON_DAYS}))::int AS "dueSoon",
         COALESCE(round(avg(a.progress)), 0)::int AS "progress",
         (COUNT(*) FILTER (WHERE t."dueDate" <= $1::date))::int AS "due",
         (COUNT(*) FILTER (WHERE a.status <> 'DONE' AND (t."dueDate" < $1::date OR a.status = 'BLOCKED')))::int AS "late"
    FROM "Assignment" a
    JOIN "Task" t ON t.id = a."taskId" AND t.active
    JOIN "Unit" u ON u.id = a."unitId" AND u.active`

/** The district's counts straight from the assignments: the check on the kept counts, and the recount's cost. */
export async function overviewRecount(client: pg.Client, today: CalendarDay): Promise<ProgressCounts> {
  const { rows } = await client.query<ProgressCounts>(RECOUNT_SQL, [today])
  return rows[0]!
}

const COUNTS: readonly (keyof ProgressCounts)[] = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted', 'overdue', 'dueSoon', 'progress', 'due', 'late']

/** The condition and per-unit indicators whose units meeting them differ between two ways of counting (empty when they agree). */
export function unitsMetDifferences(app: Record<string, number>, other: Record<string, number>): string[] {
  return [...new Set([...Object.keys(app), ...Object.keys(other)])].filter((task) => app[task] !== other[task]).map((task) => `task ${task}: app ${app[task]}, other ${other[task]}`)
}

/** The counts that differ between two ways of counting (empty when they agree). */
export function differences(app: ProgressCounts, other: ProgressCounts): string[] {
  return COUNTS.filter((key) => app[key] !== other[key]).map((key) => `${key}: app ${app[key]}, other ${other[key]}`)
}
