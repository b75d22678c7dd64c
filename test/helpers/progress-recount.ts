// Recounts for the tests that write assignments many ways at once (progress counts, concurrent
// writers, killed saves): what the progress pages show must equal a count of "Assignment" itself.
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import { progressTerms, type ProgressCounts, type StatusCounts } from '@/lib/domain/status-counts'
import { communeProgressList } from '@/lib/queries/communes'
import { indicatorResults, progressByGroup } from '@/lib/queries/district-overview'
import { fromKeptCounts } from '@/lib/queries/progress-source'
import { taskProgressList } from '@/lib/queries/task-progress'

/**
 * Rows of the kept counts (migration 20261128230000_progress_counts) that the database's own
 * recount does not give, and the reverse: both empty when exact.
 */
export async function keptCountDifferences(): Promise<unknown[]> {
  return db().$queryRaw<unknown[]>`
    WITH d AS (SELECT "day", "dueSoonDays" FROM "ProgressCountDay" WHERE "day" IS NOT NULL)
    (SELECT 'unit kept' AS side, c.*::text AS "row" FROM "UnitProgressCount" c
     EXCEPT SELECT 'unit kept', r.*::text FROM d, unit_progress_recount(d."day", d."dueSoonDays") r)
    UNION ALL
    (SELECT 'unit recount', r.*::text FROM d, unit_progress_recount(d."day", d."dueSoonDays") r
     EXCEPT SELECT 'unit recount', c.*::text FROM "UnitProgressCount" c)
    UNION ALL
    (SELECT 'task kept', c.*::text FROM "TaskProgressCount" c
     EXCEPT SELECT 'task kept', r.*::text FROM d, task_progress_recount(d."day", d."dueSoonDays") r)
    UNION ALL
    (SELECT 'task recount', r.*::text FROM d, task_progress_recount(d."day", d."dueSoonDays") r
     EXCEPT SELECT 'task recount', c.*::text FROM "TaskProgressCount" c)`
}

type AssignmentRow = {
  taskId: string
  unitId: string
  status: TaskStatus
  progress: number
  completedAt: Date | null
  indicatorActual: Prisma.Decimal | null
  dueDate: Date
}

/** The figures of a set of assignments, counted one by one with the domain's rule (progressTerms). */
function count(rows: AssignmentRow[], today: CalendarDay): ProgressCounts {
  // Noon in the district: its district day is `today`.
  const now = new Date(`${today}T12:00:00+07:00`)
  const sums: ProgressCounts = { assigned: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, blocked: 0, notStarted: 0, overdue: 0, dueSoon: 0, progress: 0, due: 0, late: 0 }
  for (const row of rows) {
    const terms = progressTerms(row, now)
    for (const key of Object.keys(sums) as (keyof ProgressCounts)[]) sums[key] += terms[key]
  }
  return { ...sums, progress: rows.length === 0 ? 0 : Math.round(sums.progress / rows.length) }
}

/** A row's StatusCounts alone, in one order (the figures are compared as JSON). */
const statusFields = (c: StatusCounts): StatusCounts => ({
  assigned: c.assigned,
  doneOnTime: c.doneOnTime,
  doneLate: c.doneLate,
  inProgress: c.inProgress,
  blocked: c.blocked,
  notStarted: c.notStarted,
  overdue: c.overdue,
  dueSoon: c.dueSoon,
  progress: c.progress,
})

/** A row's ProgressCounts alone, in one order. */
const progressFields = (c: ProgressCounts) => ({ ...statusFields(c), due: c.due, late: c.late })

/** An indicator's total as a number with two decimals, however the query printed it. */
const figure = (value: string | Prisma.Decimal) => new Prisma.Decimal(value).toFixed(2)

/**
 * What the progress pages read for `today` (the district overview's totals, groups and indicators,
 * the communes list, each commune's page, the tasks list), each beside a recount of the
 * assignments of active tasks in active units, made here in JS: one line per figure that differs,
 * none when every page is exact.
 */
export async function pageCountDifferences(today: CalendarDay): Promise<string[]> {
  const rows = await db().$queryRaw<(AssignmentRow & { groupId: string })[]>`
    SELECT a."taskId"::text, a."unitId"::text, a.status::text, a.progress, a."completedAt", a."indicatorActual", t."dueDate", t."groupId"::text
      FROM "Assignment" a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND u.active`
  const differences: string[] = []
  const compare = (page: string, shown: unknown, recounted: unknown) => {
    if (JSON.stringify(shown) !== JSON.stringify(recounted)) differences.push(`${page}: shows ${JSON.stringify(shown)}, recount ${JSON.stringify(recounted)}`)
  }
  const source = fromKeptCounts(today)

  const overview = await progressByGroup(source, null)
  compare('overview total', progressFields(overview.total), progressFields(count(rows, today)))
  for (const group of overview.groups) compare(`overview group ${group.code}`, progressFields(group), progressFields(count(rows.filter((a) => a.groupId === group.groupId), today)))
  compare('overview groups', overview.groups.length, new Set(rows.map((a) => a.groupId)).size)

  for (const indicator of await indicatorResults(source)) {
    const of = rows.filter((a) => a.taskId === indicator.taskId)
    const reported = of.filter((a) => a.indicatorActual !== null)
    compare(`indicator ${indicator.taskCode}`, { actual: figure(indicator.actual), assigned: indicator.assigned, reported: indicator.reported }, {
      actual: figure(reported.reduce((sum, a) => sum.plus(a.indicatorActual!), new Prisma.Decimal(0))),
      assigned: of.length,
      reported: reported.length,
    })
  }

  const communes = await communeProgressList(source, 'list')
  for (const commune of communes) {
    const of = rows.filter((a) => a.unitId === commune.unitId)
    compare(`communes list ${commune.code}`, statusFields(commune), statusFields(count(of, today)))
    compare(`commune page ${commune.code}`, progressFields((await progressByGroup(source, commune.unitId)).total), progressFields(count(of, today)))
  }

  const tasks = await taskProgressList(source)
  for (const task of tasks) {
    const of = rows.filter((a) => a.taskId === task.id)
    compare(`tasks list ${task.code}`, statusFields(task), statusFields(count(of, today)))
    if (task.indicator) {
      const reported = of.filter((a) => a.indicatorActual !== null)
      compare(`tasks list ${task.code} indicator`, { total: figure(task.indicator.total), reported: task.indicator.reported }, {
        total: figure(reported.reduce((sum, a) => sum.plus(a.indicatorActual!), new Prisma.Decimal(0))),
        reported: reported.length,
      })
    }
  }
  compare('tasks listed', [...new Set(rows.map((a) => a.taskId))].filter((id) => !tasks.some((t) => t.id === id)), [])
  return differences
}
