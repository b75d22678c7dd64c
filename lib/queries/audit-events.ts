// The audit trail as the audit page browses it: newest first, filtered and counted in PostgreSQL,
// 50 events a page. Indexes used: ("createdAt") for the order and the date range, ("actorId",
// "createdAt") for one user, ("entity", "entityId") for one kind of record. The action filter has
// no index of its own: it is checked on the rows the other conditions reach.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { storedActionNames, type AuditAssignment, type AuditFilter } from '@/lib/audit/events'
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
  /** The assignment the record belongs to, for events on assignments, status updates and comments. */
  assignment: AuditAssignment | null
}

export type AuditEventPage = { events: AuditEventRow[]; total: number; page: number; pageCount: number }

/** A district day's first instant, in SQL: the range stays a plain comparison on "createdAt". */
const dayStart = (day: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE ${DISTRICT_TIME_ZONE})`
const nextDayStart = (day: string) => Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE ${DISTRICT_TIME_ZONE})`

function conditions(filter: AuditFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`true`]
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

/**
 * One page of the events the filter selects, and their total. A page past the last shows the
 * last. The events' accounts and assignments are looked up for the page's rows only.
 */
export async function auditEventPage(filter: AuditFilter, page: number): Promise<AuditEventPage> {
  const where = conditions(filter)
  const [{ total }] = await db().$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM "AuditEvent" e WHERE ${where}`
  const pageCount = pageCountOf(total, AUDIT_PAGE_SIZE)
  const shown = Math.min(page, pageCount)
  const records = await db().$queryRaw<EventRecord[]>`
    WITH page AS (
      SELECT e.id, e."createdAt", e."actorId", e.action, e.entity, e."entityId", e.ip, e.before, e.after,
             CASE WHEN e."entityId" ~* ${UUID} THEN e."entityId"::uuid END AS ref
        FROM "AuditEvent" e
       WHERE ${where}
       ORDER BY e."createdAt" DESC, e.id DESC
       LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${offsetOf(shown, AUDIT_PAGE_SIZE)}
    )
    SELECT p.id::text AS id, p."createdAt" AS at, p.action, p.entity, p."entityId", p.ip, p.before, p.after,
           u.username, u."displayName", un.code AS "unitCode", t.code AS "taskCode", su.id::text AS "updateId"
      FROM page p
      LEFT JOIN "User" u ON u.id = p."actorId"
      LEFT JOIN "StatusUpdate" su ON p.entity = 'StatusUpdate' AND su.id = p.ref
      LEFT JOIN "Comment" c ON p.entity = 'Comment' AND c.id = p.ref
      LEFT JOIN "Assignment" a ON a.id = CASE p.entity WHEN 'Assignment' THEN p.ref WHEN 'StatusUpdate' THEN su."assignmentId" WHEN 'Comment' THEN c."assignmentId" END
      LEFT JOIN "Unit" un ON un.id = a."unitId"
      LEFT JOIN "Task" t ON t.id = a."taskId"
     ORDER BY p."createdAt" DESC, p.id DESC`
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

/** The accounts the user filter offers, by name; null when there are more than `limit`, too many to list. */
export async function auditUsers(limit = AUDIT_USER_CHOICES): Promise<AuditUser[] | null> {
  const users = await db().user.findMany({ select: { username: true, displayName: true }, orderBy: [{ displayName: 'asc' }, { username: 'asc' }], take: limit + 1 })
  return users.length > limit ? null : users
}
