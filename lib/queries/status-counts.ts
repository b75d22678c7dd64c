// The counts every progress view shows, as SQL aggregate columns over assignments `a` joined to
// their task `t`. Overdue and done-late are derived here from the due date, at query time, in the
// district's calendar (DESIGN.md: never stored).
import 'server-only'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import type { StatusCounts } from '@/lib/domain/status-counts'

export type { StatusCounts }

const doneDay = Prisma.sql`(a."completedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

/** The StatusCounts columns, for a SELECT over `"Assignment" a JOIN "Task" t`. */
export function statusCountColumns(today: CalendarDay): Prisma.Sql {
  return Prisma.sql`
    COUNT(a.id)::int AS "assigned",
    (COUNT(a.id) FILTER (WHERE a.status = 'DONE' AND (a."completedAt" IS NULL OR ${doneDay} <= t."dueDate")))::int AS "doneOnTime",
    (COUNT(a.id) FILTER (WHERE a.status = 'DONE' AND ${doneDay} > t."dueDate"))::int AS "doneLate",
    (COUNT(a.id) FILTER (WHERE a.status = 'IN_PROGRESS'))::int AS "inProgress",
    (COUNT(a.id) FILTER (WHERE a.status = 'BLOCKED'))::int AS "blocked",
    (COUNT(a.id) FILTER (WHERE a.status = 'NOT_STARTED'))::int AS "notStarted",
    (COUNT(a.id) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" < ${today}::date))::int AS "overdue",
    (COUNT(a.id) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" BETWEEN ${today}::date AND ${today}::date + ${DUE_SOON_DAYS}::int))::int AS "dueSoon",
    COALESCE(round(avg(a.progress)), 0)::int AS "progress"`
}
