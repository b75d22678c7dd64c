// Rows of counts: those the database keeps for today (migration 20261128230000_progress_counts),
// each unit's and each task's ProgressCounts exact after every write, so the overview, the ranking
// and the lists read a row per unit or task instead of every assignment; and the columns a read
// model selects from such rows `c`, whichever source made them (./progress-source.ts: a past day's
// rows are counted from the history with the same columns).
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import type { StatusCounts } from '@/lib/domain/status-counts'
import { unitChangesDue } from './unit-history'

/**
 * Makes the counts those of `today`: a no-op when they are; else one recount of every assignment
 * (once a day, or after a unit or task changed), which writers wait for. The units' names and codes
 * are made today's too: the pages these counts serve name the units.
 */
export const progressCountsReady = cache(async (today: CalendarDay): Promise<void> => {
  await Promise.all([db().$queryRaw`SELECT progress_counts_ready(${today}::date, ${DUE_SOON_DAYS}::int)::text`, unitChangesDue(today)])
})

/**
 * The counts of StatusCounts, which add up across rows of counts (progress, an average, is worked
 * out again from the sum of the progress figures); ProgressCounts adds `due` and `late`. A Record,
 * so that a new count is not forgotten here.
 */
const STATUS_COUNT_NAMES: Record<Exclude<keyof StatusCounts, 'progress'>, true> = {
  assigned: true,
  doneOnTime: true,
  doneLate: true,
  inProgress: true,
  blocked: true,
  notStarted: true,
  overdue: true,
  dueSoon: true,
}
export const STATUS_COUNTS = Object.keys(STATUS_COUNT_NAMES)
const PROGRESS_COUNTS = [...STATUS_COUNTS, 'due', 'late'] as const

const column = (name: string) => Prisma.raw(`"${name}"`)

/** The `names` counts summed over the count rows `c` of a grouped query, and `progress`, the average over their assignments, rounded as avg() rounds. */
function summedColumns(names: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    ${Prisma.join(names.map((name) => Prisma.sql`COALESCE(sum(c.${column(name)}), 0)::int AS ${column(name)}`))},
    COALESCE(round(sum(c."progressSum")::numeric / NULLIF(sum(c."assigned"), 0)), 0)::int AS "progress"`
}

/** The ProgressCounts columns summed over the count rows `c` of a grouped query. */
export const summedProgressColumns = () => summedColumns(PROGRESS_COUNTS)

/** The StatusCounts columns summed over the count rows `c` of a grouped query. */
export const summedStatusColumns = () => summedColumns(STATUS_COUNTS)

/** The StatusCounts columns of one count row `c` (none: zeros), for a query with a row per unit. */
export function statusCountColumnsOf(): Prisma.Sql {
  return Prisma.sql`
    ${Prisma.join(STATUS_COUNTS.map((name) => Prisma.sql`COALESCE(c.${column(name)}, 0)::int AS ${column(name)}`))},
    ${progressColumnOf()}`
}

/** "progress", the average progress over the assignments of the row of counts `c` (0 when it has none). */
export function progressColumnOf(): Prisma.Sql {
  return Prisma.sql`COALESCE(round(c."progressSum"::numeric / NULLIF(c."assigned", 0)), 0)::int AS "progress"`
}

/** A task's reported indicator figures summed over its row of counts `c` (0 before any report). */
export const indicatorSumOf = Prisma.sql`CASE WHEN COALESCE(c."indicatorReported", 0) = 0 THEN 0 ELSE c."indicatorSum" END`
