// One commune-level unit for its progress page: who is in charge, its assignments, and how its
// done work grew.
// The counts per task group and the late work come from ./district-overview, asked of this unit.
import 'server-only'
import { unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { cache } from 'react'
import { db } from '@/lib/db'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import type { ProgressSource } from './progress-source'

export type Commune = {
  id: string
  code: string
  name: string
  member: { name: string; title: string } | null
}

/**
 * null when no active commune or township of the reader's subtree has this code (a village or an
 * agency is not one), nor one that was split (its page stays, read-only, and links to its parts; a
 * merged one's address leads to its successor). One query, with its member.
 */
export const communeByCode = cache(async (reader: Pick<Actor, 'scopeUnitId'>, code: string): Promise<Commune | null> => {
  const [unit] = await db().$queryRaw<(Omit<Commune, 'member'> & { memberName: string | null; memberTitle: string | null })[]>`
    SELECT u.id::text AS "id", u.code, u.name, m.name AS "memberName", m.title AS "memberTitle"
      FROM "Unit" u
      LEFT JOIN "Member" m ON m.id = u."inChargeMemberId"
     WHERE u.code = ${code} AND u.kind IN ('COMMUNE', 'TOWNSHIP') AND ${unitRowInScopeSql(reader, 'u')}
       AND (u.active OR EXISTS (SELECT FROM "UnitChangePart" p JOIN "UnitChange" c ON c.id = p."changeId" AND c.kind = 'SPLIT' WHERE p."unitId" = u.id AND p.side = 'BEFORE'))`
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
 * work reopened later stops counting from then, as the status counts do. Those stretches of time
 * are kept by the database ("DoneSpan"), a few per assignment however many reports it has.
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
                 -- Each assignment's first report, read from the head of its index.
                 (SELECT min(first."createdAt") FROM scope CROSS JOIN LATERAL (
                    SELECT s."createdAt" FROM "StatusUpdate" s WHERE s."assignmentId" = scope.id ORDER BY s."createdAt" LIMIT 1) first) AT TIME ZONE 'Asia/Ho_Chi_Minh',
                 ${today}::date)),
               ${today}::date,
               interval '1 month') m
    ), done AS MATERIALIZED (
      SELECT d."doneAt", d."reopenedAt" FROM "DoneSpan" d JOIN scope ON scope.id = d."assignmentId"
    )
    SELECT to_char(months.cutoff, 'YYYY-MM-DD') AS "day",
           (SELECT COUNT(*) FROM done d WHERE d."doneAt" < end_of_day.at AND (d."reopenedAt" IS NULL OR d."reopenedAt" >= end_of_day.at))::int AS "done"
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

/** The unit's assignments of active tasks, by task group in the agreed order. */
export const communeAssignments = cache(
  (source: ProgressSource, unitId: string): Promise<CommuneAssignment[]> => db().$queryRaw<CommuneAssignment[]>`
    SELECT a.id::text AS "id", t.code AS "taskCode", t.title, g.id::text AS "groupId", g.name AS "groupName",
           a.status::text AS "status", a.progress, t."dueDate", a."completedAt"
      FROM ${source.assignments} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
     WHERE a."unitId" = ${unitId}::uuid
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`,
)
