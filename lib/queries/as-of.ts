// Progress "as of" a past day (issue 5): the same questions as today's pages, asked of the
// assignments as the history says they stood then (SQL function assignment_state_as_of, migration
// 20261128200000). A query reads `FROM ${assignmentSource(asOf)} a` and needs nothing else.
import 'server-only'
import { Prisma } from '@/lib/db/client'
import { districtDay, endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'

/**
 * The assignments to read: their current state (null), or their state at an instant, with the
 * same columns (id, taskId, unitId, status, progress, indicatorActual, completedAt,
 * responsibleMemberId, lastUpdateAt).
 */
export function assignmentSource(asOf: Date | null): Prisma.Sql {
  return asOf ? Prisma.sql`assignment_state_as_of(${asOf}::timestamptz)` : Prisma.sql`"Assignment"`
}

/**
 * The day a progress view speaks of, the instant its assignments are read at (null: now, from the
 * table), and the instant their labels (overdue, due soon) are judged at.
 */
export type ProgressMoment = { day: CalendarDay; asOf: Date | null; at: Date }

/** Today from the assignments themselves; a past day from the history as it stood at its end. */
export function progressMoment(day: CalendarDay | null, now: Date): ProgressMoment {
  const today = districtDay(now)
  if (!day || day >= today) return { day: today, asOf: null, at: now }
  const asOf = endOfDistrictDay(day)
  return { day, asOf, at: asOf }
}

/**
 * A report's review state as it stood at `asOf` (`s` is a "StatusUpdate"): one confirmed or
 * returned after then was still waiting.
 */
export function reviewStateAsOf(asOf: Date | null): Prisma.Sql {
  return asOf
    ? Prisma.sql`(CASE WHEN s."reviewedAt" > ${asOf}::timestamptz THEN 'PENDING'::"ReviewState" ELSE s."reviewState" END)`
    : Prisma.sql`s."reviewState"`
}

/** The reports made by `asOf` (`s` is a "StatusUpdate"); every report when null. */
export function madeBy(asOf: Date | null): Prisma.Sql {
  return asOf ? Prisma.sql`s."createdAt" <= ${asOf}::timestamptz` : Prisma.sql`true`
}
