// The district-wide counts kept by the database (migration 20261128230000_progress_counts): each
// unit's and each task's StatusCounts, exact after every write, so the overview, the ranking and
// the lists read a row per unit or task instead of every assignment. Only for today's numbers:
// a past day is read from the history (lib/queries/as-of.ts).
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS } from '@/lib/domain/status'

/**
 * Makes the counts those of `today`: a no-op when they are; else one recount of every assignment
 * (once a day, or after a unit or task changed), which writers wait for.
 */
export const progressCountsReady = cache(async (today: CalendarDay): Promise<void> => {
  await db().$queryRaw`SELECT progress_counts_ready(${today}::date, ${DUE_SOON_DAYS}::int)::text`
})

/** The counts of StatusCounts; ProgressCounts adds `due` and `late`. */
const STATUS_COUNTS = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted', 'overdue', 'dueSoon'] as const
const PROGRESS_COUNTS = [...STATUS_COUNTS, 'due', 'late'] as const

const column = (name: string) => Prisma.raw(`"${name}"`)

/**
 * The ProgressCounts columns summed over the count rows `c` of a grouped query; `progress` is the
 * average over their assignments, rounded as avg() rounds.
 */
export function summedProgressColumns(): Prisma.Sql {
  return Prisma.sql`
    ${Prisma.join(PROGRESS_COUNTS.map((name) => Prisma.sql`COALESCE(sum(c.${column(name)}), 0)::int AS ${column(name)}`))},
    COALESCE(round(sum(c."progressSum")::numeric / NULLIF(sum(c."assigned"), 0)), 0)::int AS "progress"`
}

/** The StatusCounts columns of one count row `c` (none: zeros), for a query with a row per unit. */
export function statusCountColumnsOf(): Prisma.Sql {
  return Prisma.sql`
    ${Prisma.join(STATUS_COUNTS.map((name) => Prisma.sql`COALESCE(c.${column(name)}, 0)::int AS ${column(name)}`))},
    COALESCE(round(c."progressSum"::numeric / NULLIF(c."assigned", 0)), 0)::int AS "progress"`
}
