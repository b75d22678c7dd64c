// The district overview: per commune-level unit, the member in charge and its assignment counts.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import type { CalendarDay } from '@/lib/domain/calendar'

export type CommuneProgress = {
  unitId: string
  code: string
  name: string
  memberName: string | null
  memberTitle: string | null
  assigned: number
  done: number
  inProgress: number
  blocked: number
  notStarted: number
  /** Not done and due before `today` (a district day). */
  overdue: number
}

/** Counted in SQL; withdrawn (inactive) tasks and units are left out. */
export const communeProgress = cache(
  (today: CalendarDay): Promise<CommuneProgress[]> => db().$queryRaw<CommuneProgress[]>`
    SELECT u.id::text AS "unitId",
           u.code,
           u.name,
           m.name AS "memberName",
           m.title AS "memberTitle",
           COUNT(a.id)::int AS "assigned",
           (COUNT(a.id) FILTER (WHERE a.status = 'DONE'))::int AS "done",
           (COUNT(a.id) FILTER (WHERE a.status = 'IN_PROGRESS'))::int AS "inProgress",
           (COUNT(a.id) FILTER (WHERE a.status = 'BLOCKED'))::int AS "blocked",
           (COUNT(a.id) FILTER (WHERE a.status = 'NOT_STARTED'))::int AS "notStarted",
           (COUNT(a.id) FILTER (WHERE a.status <> 'DONE' AND t."dueDate" < ${today}::date))::int AS "overdue"
      FROM "Unit" u
      LEFT JOIN "Member" m ON m.id = u."inChargeMemberId"
      LEFT JOIN ("Assignment" a JOIN "Task" t ON t.id = a."taskId" AND t.active)
        ON a."unitId" = u.id
     WHERE u.kind IN ('COMMUNE', 'TOWNSHIP') AND u.active
     GROUP BY u.id, m.id
     ORDER BY u."sortOrder", u.name`,
)
