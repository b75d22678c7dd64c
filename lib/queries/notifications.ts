// What needs the reader's attention ("Việc cần xử lý"): their own notification rows
// (lib/actions/notify.ts writes them) that are due (shown from then on). Unread: not yet opened,
// nor settled by the act they asked for.
//
// A row stays the reader's after they lose the right to read its assignment's details (moved to
// another unit, no longer in charge): it still says what happened, where and by whom, as it told
// them at the time, but the text it carries (a reviewer's reason, a question, an answer) is read
// under the same rule as the assignment's page (READ_RULES 'assignment.readDetails') and withheld.
// A row about a change of units (UNIT_CHANGED) names no assignment: the change is no assignment's
// detail, so whoever was told may read it all.
import 'server-only'
import { cache } from 'react'
import { assignmentsScopeSql, type Actor } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'
import type { UnitChangeKind } from '@/lib/db/generated/enums'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { dateColumnDay, workingDaysBetween, type CalendarDay } from '@/lib/domain/calendar'
import type { NotificationKind, ReportChannel } from '@/lib/domain/notifications'
import { pagedRows, type Paged } from '@/lib/domain/paging'

/** The first characters of a question or an answer: a few lines in the list. */
const EXCERPT_LENGTH = 280

/** A rename, a re-code or a merge as its parts give it: the names (and codes) before and after it. */
export type UnitChangeNotice = {
  kind: UnitChangeKind
  effectiveDate: CalendarDay
  /** The units before it, by their names then, ", " between (of a merge, those merged away). */
  fromNames: string
  toNames: string
  fromCode: string
  toCode: string
}

export type NotificationEntry = {
  id: string
  kind: NotificationKind
  /** The assignment's unit; for a change of units, the unit after it (a merge's successor). */
  unit: { code: string; name: string }
  /** Null for a change of units. */
  task: { code: string; title: string } | null
  unitChange: UnitChangeNotice | null
  actor: { name: string; role: Role }
  /** When it happened (a question's time for the office's late row). */
  createdAt: Date
  read: boolean
  /**
   * What it carries: the reviewer's reason or comment; the first characters of the question or the
   * answer; of a report to confirm or entered on the unit's behalf, its note; of a change of units,
   * the decision's number and date. Null when there is none or it is withheld.
   */
  text: string | null
  /** True when the reader may no longer read the assignment's details: the text is not given. */
  withheld: boolean
  /** How the unit sent a report the office entered on its behalf. */
  channel: ReportChannel | null
  /** For a question waiting: the working days it has waited, to its answer or to now. */
  waitedWorkingDays: number | null
}

/**
 * The reader's unread rows that are due, counted up to `upTo` (the header's badge stops at
 * HEADER_COUNT_CAP + 1: a leader who never opens the list may have thousands). One read of the
 * index (recipientId, readAt, showFrom), no further than it needs.
 */
export const unreadNotificationCount = cache(async (actor: Actor, now: Date, upTo: number | null = null): Promise<number> => {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Notification"
       WHERE "recipientId" = ${actor.id}::uuid AND "readAt" IS NULL AND "showFrom" <= ${now}::timestamptz
       LIMIT ${upTo}) AS unread`
  return row?.count ?? 0
})

type Row = Omit<NotificationEntry, 'unit' | 'task' | 'unitChange' | 'actor' | 'waitedWorkingDays'> & {
  unitCode: string
  unitName: string
  taskCode: string | null
  taskTitle: string | null
  changeKind: UnitChangeKind | null
  effectiveDate: Date | null
  fromNames: string | null
  toNames: string | null
  fromCode: string | null
  toCode: string | null
  actorName: string
  actorRole: Role
  readAt: Date | null
  total: number
}

/**
 * `limit` of the reader's due rows from the `offset`-th: the unread first, then those read; the
 * newest first within each (by when each was shown, so the office's late question comes up top
 * when it falls due); the id breaks ties so pages neither repeat nor skip.
 */
export const notificationList = cache(async (actor: Actor, now: Date, limit: number, offset: number): Promise<Paged<NotificationEntry>> => {
  const details = assignmentsScopeSql(actor, 'assignment.readDetails', 'a') ?? Prisma.sql`false`
  const withheld = Prisma.sql`(n."assignmentId" IS NOT NULL AND NOT (${details}))`
  // Of a merge or a split, the units that end: those before it that are not after it too (a successor, an existing part).
  const rows = await db().$queryRaw<Row[]>`
    SELECT n.id::text AS "id", n.kind::text AS "kind", u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           actor."displayName" AS "actorName", actor.role::text AS "actorRole", n."createdAt", n."readAt", n."readAt" IS NOT NULL AS "read",
           ${withheld} AS "withheld",
           CASE WHEN ${withheld} THEN NULL
                WHEN n."unitChangeId" IS NOT NULL THEN ch.reason
                WHEN n.kind IN ('REPORT_RETURNED', 'REPORT_CONFIRMED_WITH_COMMENT') THEN su."reviewNote"
                WHEN n."commentId" IS NOT NULL THEN left(c.body, ${EXCERPT_LENGTH})
                ELSE left(su.note, ${EXCERPT_LENGTH}) END AS "text",
           su."onBehalfVia"::text AS "channel",
           ch.kind::text AS "changeKind", ch."effectiveDate", parts."fromNames", parts."toNames", parts."fromCode", parts."toCode",
           (COUNT(*) OVER ())::int AS "total"
      FROM "Notification" n
      LEFT JOIN "Assignment" a ON a.id = n."assignmentId"
      LEFT JOIN "Task" t ON t.id = a."taskId"
      LEFT JOIN "UnitChange" ch ON ch.id = n."unitChangeId"
      LEFT JOIN LATERAL (
        -- The page it is about: the successor's; of a split, the page of the unit split, which links to every part.
        SELECT COALESCE((array_agg(p."unitId" ORDER BY p.id) FILTER (WHERE ch.kind = 'SPLIT' AND p.side = 'BEFORE' AND NOT EXISTS (
                 SELECT FROM "UnitChangePart" q WHERE q."changeId" = ch.id AND q.side = 'AFTER' AND q."unitId" = p."unitId")))[1],
                 (array_agg(p."unitId" ORDER BY p.id) FILTER (WHERE p.side = 'AFTER'))[1]) AS "unitId",
               string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE p.side = 'BEFORE' AND NOT (ch.kind IN ('MERGE', 'SPLIT') AND EXISTS (
                 SELECT FROM "UnitChangePart" q WHERE q."changeId" = ch.id AND q.side = 'AFTER' AND q."unitId" = p."unitId"))) AS "fromNames",
               string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE p.side = 'AFTER') AS "toNames",
               min(p.code) FILTER (WHERE p.side = 'BEFORE') AS "fromCode",
               min(p.code) FILTER (WHERE p.side = 'AFTER') AS "toCode"
          FROM "UnitChangePart" p WHERE p."changeId" = ch.id
      ) parts ON ch.id IS NOT NULL
      JOIN "Unit" u ON u.id = COALESCE(a."unitId", parts."unitId")
      JOIN "User" actor ON actor.id = n."actorId"
      LEFT JOIN "StatusUpdate" su ON su.id = n."statusUpdateId"
      LEFT JOIN "Comment" c ON c.id = n."commentId"
     WHERE n."recipientId" = ${actor.id}::uuid AND n."showFrom" <= ${now}::timestamptz
     ORDER BY n."readAt" IS NULL DESC, n."showFrom" DESC, n.id DESC
     LIMIT ${limit} OFFSET ${offset}`
  const { rows: page, total } = pagedRows(rows)
  return {
    rows: page.map(({ unitCode, unitName, taskCode, taskTitle, actorName, actorRole, readAt, changeKind, effectiveDate, fromNames, toNames, fromCode, toCode, ...entry }) => ({
      ...entry,
      unit: { code: unitCode, name: unitName },
      task: taskCode !== null && taskTitle !== null ? { code: taskCode, title: taskTitle } : null,
      unitChange:
        changeKind && effectiveDate
          ? { kind: changeKind, effectiveDate: dateColumnDay(effectiveDate), fromNames: fromNames ?? '', toNames: toNames ?? '', fromCode: fromCode ?? '', toCode: toCode ?? '' }
          : null,
      actor: { name: actorName, role: actorRole },
      // A waiting question's row is settled by its answer: it waited until then.
      waitedWorkingDays: entry.kind === 'QUESTION_AWAITING_ANSWER' ? workingDaysBetween(entry.createdAt, readAt ?? now) : null,
    })),
    total,
  }
})
