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

/** The day a progress view speaks of, and the instant its assignments are read at (null: now, from the table). */
export type ProgressMoment = { day: CalendarDay; asOf: Date | null }

/** Today from the assignments themselves; a past day from the history as it stood at its end. */
export function progressMoment(day: CalendarDay | null, now: Date): ProgressMoment {
  const today = districtDay(now)
  return day && day < today ? { day, asOf: endOfDistrictDay(day) } : { day: today, asOf: null }
}
