// The progress rule in SQL, over an assignment `a` of a task `t` judged on a district day: done on
// time or late by the district's calendar, overdue and due soon against that day (DESIGN.md:
// derived, never stored). The same rule as lib/domain/status-counts.ts progressTerms and as the
// migration's progress_terms, which keeps today's counts; progress-rule.test.ts holds the three to
// one table of cases.
import 'server-only'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS } from '@/lib/domain/status'

const doneDay = Prisma.sql`(a."completedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

/** Not done and past its due date (before `day`). */
export const isOverdue = (day: CalendarDay) => Prisma.sql`(a.status <> 'DONE' AND t."dueDate" < ${day}::date)`

/** Not done and past its due date, or blocked: the work to chase. */
export const isLate = (day: CalendarDay) => Prisma.sql`(a.status <> 'DONE' AND (t."dueDate" < ${day}::date OR a.status = 'BLOCKED'))`

/**
 * What the assignments `a` add up to on `day`, as a row of the kept counts holds it
 * (UnitProgressCount, TaskProgressCount): each count, and "progressSum" (NULL when there is none).
 */
export function countColumns(day: CalendarDay): Prisma.Sql {
  return Prisma.sql`
    COUNT(a.id)::int AS "assigned",
    (COUNT(a.id) FILTER (WHERE a.status = 'DONE' AND (a."completedAt" IS NULL OR ${doneDay} <= t."dueDate")))::int AS "doneOnTime",
    (COUNT(a.id) FILTER (WHERE a.status = 'DONE' AND ${doneDay} > t."dueDate"))::int AS "doneLate",
    (COUNT(a.id) FILTER (WHERE a.status = 'IN_PROGRESS'))::int AS "inProgress",
    (COUNT(a.id) FILTER (WHERE a.status = 'BLOCKED'))::int AS "blocked",
    (COUNT(a.id) FILTER (WHERE a.status = 'NOT_STARTED'))::int AS "notStarted",
    (COUNT(a.id) FILTER (WHERE ${isOverdue(day)}))::int AS "overdue",
    (COUNT(a.id) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" BETWEEN ${day}::date AND ${day}::date + ${DUE_SOON_DAYS}::int))::int AS "dueSoon",
    (COUNT(a.id) FILTER (WHERE t."dueDate" <= ${day}::date))::int AS "due",
    (COUNT(a.id) FILTER (WHERE ${isLate(day)}))::int AS "late",
    SUM(a.progress) AS "progressSum"`
}
