// One commune-level unit for its progress page: who is in charge, its assignments, and how its
// done work grew.
// The counts per task group and the late work come from ./district-overview, asked of this unit.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import { assignmentSource } from './as-of'

export type Commune = {
  id: string
  code: string
  name: string
  member: { name: string; title: string } | null
}

/** null when no active commune or township has this code (a village or an agency is not one). One query, with its member. */
export const communeByCode = cache(async (code: string): Promise<Commune | null> => {
  const [unit] = await db().$queryRaw<(Omit<Commune, 'member'> & { memberName: string | null; memberTitle: string | null })[]>`
    SELECT u.id::text AS "id", u.code, u.name, m.name AS "memberName", m.title AS "memberTitle"
      FROM "Unit" u
      LEFT JOIN "Member" m ON m.id = u."inChargeMemberId"
     WHERE u.code = ${code} AND u.active AND u.kind IN ('COMMUNE', 'TOWNSHIP')`
  if (!unit) return null
  const { memberName, memberTitle, ...commune } = unit
  return { ...commune, member: memberName === null || memberTitle === null ? null : { name: memberName, title: memberTitle } }
})

export type DonePoint = {
  /** The last day of a month, or `today` for the current month. */
  day: CalendarDay
  done: number
}

/**
 * How many of the unit's assignments stood done at the end of each month, from the month its
 * work began to today's. An assignment stands done on a day when its latest report by the end of
 * that day (district time) that was not returned says DONE: a returned report never counts, and
 * work reopened later stops counting from then, as the status counts do.
 */
export const doneTrend = cache(
  (unitId: string, today: CalendarDay): Promise<DonePoint[]> => db().$queryRaw<DonePoint[]>`
    WITH scope AS (
      SELECT a.id, a."createdAt"
        FROM "Assignment" a
        JOIN "Task" t ON t.id = a."taskId" AND t.active
       WHERE a."unitId" = ${unitId}::uuid
    ), months AS (
      SELECT LEAST((m + interval '1 month - 1 day')::date, ${today}::date) AS cutoff
        FROM generate_series(
               -- LEAST skips NULLs: with nothing assigned the series is this month alone.
               date_trunc('month', LEAST(
                 (SELECT min("createdAt") FROM scope) AT TIME ZONE 'Asia/Ho_Chi_Minh',
                 (SELECT min(s."createdAt") FROM "StatusUpdate" s JOIN scope ON scope.id = s."assignmentId") AT TIME ZONE 'Asia/Ho_Chi_Minh',
                 ${today}::date)),
               ${today}::date,
               interval '1 month') m
    ), reports AS (
      SELECT s.status, s."createdAt",
             lag(s.status) OVER (PARTITION BY s."assignmentId" ORDER BY s."createdAt", s.id) AS "previous",
             -- When a run of DONE reports ends: the next report that is not DONE. Walked from the
             -- newest back, as a running minimum, so each report is looked at once.
             min(s."createdAt") FILTER (WHERE s.status <> 'DONE')
               OVER (PARTITION BY s."assignmentId" ORDER BY s."createdAt" DESC, s.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "reopened"
        FROM "StatusUpdate" s JOIN scope ON scope.id = s."assignmentId"
       WHERE s."reviewState" <> 'RETURNED'
    ), done AS MATERIALIZED (
      -- Each stretch of time an assignment stood done: from the first DONE report of a run of
      -- them until the next report that is not DONE. Few per assignment, however many reports.
      SELECT r."createdAt" AS "from", r."reopened" AS "until" FROM reports r WHERE r.status = 'DONE' AND r."previous" IS DISTINCT FROM 'DONE'
    )
    SELECT to_char(months.cutoff, 'YYYY-MM-DD') AS "day",
           (SELECT COUNT(*) FROM done d WHERE d."from" < end_of_day.at AND (d."until" IS NULL OR d."until" >= end_of_day.at))::int AS "done"
      FROM months
     CROSS JOIN LATERAL (SELECT ((months.cutoff + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS at) end_of_day
     ORDER BY months.cutoff`,
)

export type CommuneAssignment = {
  id: string
  taskCode: string
  title: string
  groupId: string
  groupName: string
  status: TaskStatus
  progress: number
  /** As Prisma returns a DATE column: midnight UTC of that day. */
  dueDate: Date
  completedAt: Date | null
}

/** The unit's assignments of active tasks, by task group in the agreed order; `asOf` as in ./as-of. */
export const communeAssignments = cache(
  (unitId: string, asOf: Date | null = null): Promise<CommuneAssignment[]> => db().$queryRaw<CommuneAssignment[]>`
    SELECT a.id::text AS "id", t.code AS "taskCode", t.title, g.id::text AS "groupId", g.name AS "groupName",
           a.status::text AS "status", a.progress, t."dueDate", a."completedAt"
      FROM ${assignmentSource(asOf)} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
     WHERE a."unitId" = ${unitId}::uuid
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`,
)
