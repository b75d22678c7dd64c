// The audit trail as the audit page browses it: newest first, filtered and counted in PostgreSQL,
// 50 events a page. Indexes used: ("createdAt") for the order and the date range, ("actorId",
// "createdAt") for one user, ("entity", "entityId") for one kind of record. The action filter has
// no index of its own: it is checked on the rows the other conditions reach.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { storedActionNames, storedDetailFields, type AuditAssignment, type AuditFilter } from '@/lib/audit/events'
import { assignmentsScopeSql, auditEventsInScopeSql, unitsWhere, type Actor } from '@/lib/auth/permissions'
import { offsetOf, pageCountOf } from '@/lib/domain/paging'

export const AUDIT_PAGE_SIZE = 50

export type AuditEventRow = {
  id: string
  at: Date
  /** Null when no account is known, e.g. a failed sign-in under an unknown name. */
  actor: { username: string; displayName: string } | null
  action: string
  entity: string
  entityId: string | null
  ip: string | null
  before: unknown
  after: unknown
  /** The assignment the record belongs to, for events on assignments, status updates, comments and published questions. */
  assignment: AuditAssignment | null
  /** The detail fields removed from before and after because the reader may not read them, by name; empty when none. */
  withheld: string[]
}

export type AuditEventPage = { events: AuditEventRow[]; total: number; page: number; pageCount: number }

/** A district day's first instant, in SQL: the range stays a plain comparison on "createdAt". */
const dayStart = (day: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE ${DISTRICT_TIME_ZONE})`
const nextDayStart = (day: string) => Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE ${DISTRICT_TIME_ZONE})`

function conditions(reader: Actor, filter: AuditFilter): Prisma.Sql {
  const ref = Prisma.sql`(CASE WHEN e."entityId" ~* ${UUID} THEN e."entityId"::uuid END)`
  const where: Prisma.Sql[] = [auditEventsInScopeSql(reader, 'e', ref)]
  // An unknown username matches no account, so nothing: the filter asked for that account only.
  if (filter.user !== undefined) where.push(Prisma.sql`e."actorId" = (SELECT id FROM "User" WHERE username = ${filter.user})`)
  if (filter.entity !== undefined) where.push(Prisma.sql`e.entity = ${filter.entity}`)
  if (filter.action !== undefined) where.push(Prisma.sql`e.action = ANY(${storedActionNames(filter.action)}::text[])`)
  if (filter.from !== undefined) where.push(Prisma.sql`e."createdAt" >= ${dayStart(filter.from)}`)
  if (filter.to !== undefined) where.push(Prisma.sql`e."createdAt" < ${nextDayStart(filter.to)}`)
  return Prisma.join(where, ' AND ')
}

type EventRecord = Omit<AuditEventRow, 'actor' | 'assignment'> & {
  username: string | null
  displayName: string | null
  unitCode: string | null
  taskCode: string | null
  updateId: string | null
}

/** Records are named by id as text; only a well-formed uuid is looked up. */
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

/** Every stored action name with its detail fields (events.ts AUDIT_DETAIL_FIELDS), as the query reads it. */
const DETAIL_FIELDS = JSON.stringify(storedDetailFields())

/**
 * One page of the events the filter selects, and their total. A page past the last shows the
 * last. The events' accounts and assignments are looked up for the page's rows only.
 *
 * An event's detail fields (AUDIT_DETAIL_FIELDS) leave the database only for a reader whose
 * 'assignment.readDetails' scope reaches the event's assignment; for anyone else they are removed
 * and named in `withheld`, and the rest of the event stays. An event whose assignment is not found
 * (a kind of record not resolved here) shows them only to those who read every assignment, and an
 * unknown action counts every field a detail: both fail closed. A reader below the top of the tree
 * reads the events of their subtree only (permissions.ts auditEventsInScopeSql).
 */
export async function auditEventPage(reader: Actor, filter: AuditFilter, page: number): Promise<AuditEventPage> {
  const where = conditions(reader, filter)
  const [{ total }] = await db().$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM "AuditEvent" e WHERE ${where}`
  const pageCount = pageCountOf(total, AUDIT_PAGE_SIZE)
  const shown = Math.min(page, pageCount)
  const readable = assignmentsScopeSql(reader, 'assignment.readDetails', 'r') ?? Prisma.sql`false`
  // The fields removed from one side: the listed ones, or every key for an unknown action.
  const kept = (side: Prisma.Sql) =>
    Prisma.sql`CASE WHEN NOT j.hide THEN ${side} WHEN j.listed IS NULL OR jsonb_typeof(${side}) <> 'object' THEN NULL
                    ELSE ${side} - ARRAY(SELECT jsonb_array_elements_text(j.listed)) END`
  const records = await db().$queryRaw<EventRecord[]>`
    WITH page AS (
      SELECT e.id, e."createdAt", e."actorId", e.action, e.entity, e."entityId", e.ip, e.before, e.after,
             CASE WHEN e."entityId" ~* ${UUID} THEN e."entityId"::uuid END AS ref
        FROM "AuditEvent" e
       WHERE ${where}
       ORDER BY e."createdAt" DESC, e.id DESC
       LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${offsetOf(shown, AUDIT_PAGE_SIZE)}
    ), resolved AS (
      SELECT p.*, a."unitId", a."taskId", su.id AS "updateId"
        FROM page p
        LEFT JOIN "StatusUpdate" su ON p.entity = 'StatusUpdate' AND su.id = p.ref
        LEFT JOIN "PublishedQuestion" pq ON p.entity = 'PublishedQuestion' AND pq.id = p.ref
        LEFT JOIN "Comment" c ON c.id = CASE p.entity WHEN 'Comment' THEN p.ref WHEN 'PublishedQuestion' THEN pq."questionId" END
        LEFT JOIN "Assignment" a ON a.id = CASE p.entity WHEN 'Assignment' THEN p.ref WHEN 'StatusUpdate' THEN su."assignmentId"
                                                         WHEN 'Comment' THEN c."assignmentId" WHEN 'PublishedQuestion' THEN c."assignmentId" END
    ), judged AS (
      SELECT r.*, NOT COALESCE(${readable}, false) AS hide, ${DETAIL_FIELDS}::jsonb -> r.action AS listed
        FROM resolved r
    )
    SELECT j.id::text AS id, j."createdAt" AS at, j.action, j.entity, j."entityId", j.ip,
           ${kept(Prisma.sql`j.before`)} AS before, ${kept(Prisma.sql`j.after`)} AS after,
           CASE WHEN NOT j.hide THEN ARRAY[]::text[] ELSE ARRAY(
             SELECT DISTINCT k FROM (VALUES (j.before), (j.after)) side(v), jsonb_object_keys(CASE WHEN jsonb_typeof(side.v) = 'object' THEN side.v ELSE '{}' END) k
              WHERE j.listed IS NULL OR j.listed ? k ORDER BY k) END AS withheld,
           u.username, u."displayName", t.code AS "taskCode", j."updateId"::text AS "updateId",
           -- A published question may keep its unit off the public list: only those who read its details see where it was asked.
           CASE WHEN j.entity <> 'PublishedQuestion' OR NOT j.hide THEN un.code END AS "unitCode"
      FROM judged j
      LEFT JOIN "User" u ON u.id = j."actorId"
      LEFT JOIN "Unit" un ON un.id = j."unitId"
      LEFT JOIN "Task" t ON t.id = j."taskId"
     ORDER BY j."createdAt" DESC, j.id DESC`
  const events = records.map(({ username, displayName, unitCode, taskCode, updateId, ...event }) => ({
    ...event,
    actor: username !== null && displayName !== null ? { username, displayName } : null,
    assignment: unitCode !== null && taskCode !== null ? { unitCode, taskCode, updateId } : null,
  }))
  return { events, total, page: shown, pageCount }
}

/**
 * Every kind of record events name, each once, by a loose scan of the ("entity", "entityId")
 * index: one index probe per kind, however many events there are.
 */
export async function auditEntities(): Promise<string[]> {
  const rows = await db().$queryRaw<{ entity: string }[]>`
    WITH RECURSIVE kinds AS (
      (SELECT entity FROM "AuditEvent" ORDER BY entity LIMIT 1)
      UNION ALL
      SELECT (SELECT e.entity FROM "AuditEvent" e WHERE e.entity > k.entity ORDER BY e.entity LIMIT 1) FROM kinds k WHERE k.entity IS NOT NULL
    )
    SELECT entity FROM kinds WHERE entity IS NOT NULL`
  return rows.map((row) => row.entity)
}

export type AuditUser = { username: string; displayName: string }

/** Beyond this many accounts the user filter is a box for the username: a country's list would weigh megabytes. */
export const AUDIT_USER_CHOICES = 300

/** The accounts of the reader's subtree the user filter offers, by name; null when there are more than `limit`, too many to list. */
export async function auditUsers(reader: Actor, limit = AUDIT_USER_CHOICES): Promise<AuditUser[] | null> {
  const users = await db().user.findMany({ where: { unit: unitsWhere(reader) }, select: { username: true, displayName: true }, orderBy: [{ displayName: 'asc' }, { username: 'asc' }], take: limit + 1 })
  return users.length > limit ? null : users
}
