// The audit trail (DESIGN.md): who did what to which record, when, from where. One writer for
// every event: sign-in, changes (inside their own transaction), refusals, exports and reports.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'

export type AuditEntry = {
  actorId: string | null
  action: string
  entity: string
  entityId: string | null
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
  ip: string | null
  at: Date
}

/** Writes the event with `client`: a transaction's, so it stands or falls with the change. */
export function recordEvent({ at, ...entry }: AuditEntry, client: Prisma.TransactionClient = db()) {
  return client.auditEvent.create({ data: { ...entry, createdAt: at } })
}

const jsonb = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value))

/**
 * The same event as one part of a single-statement change (a data-modifying WITH): the event is
 * written once for each row of `guard` (a CTE of the change's rows), so it exists exactly when the
 * change does.
 */
export function recordEventSql({ at, actorId, action, entity, entityId, before, after, ip }: AuditEntry, guard: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "before", "after", "ip", "createdAt")
    SELECT ${actorId}::uuid, ${action}, ${entity}, ${entityId}, ${jsonb(before)}::jsonb, ${jsonb(after)}::jsonb, ${ip}, ${at}::timestamptz FROM ${guard}`
}
