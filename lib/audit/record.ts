// The audit trail (DESIGN.md): who did what to which record, when, from where. One writer for
// every event: sign-in, changes (inside their own transaction), refusals, exports and reports.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { refusedAction, type AuditAction, type RefusableAction, type RefusedAction } from './events'

export type AuditEntry = {
  actorId: string | null
  action: AuditAction | RefusedAction
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
function recordEventSql({ at, actorId, action, entity, entityId, before, after, ip }: AuditEntry, guard: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "before", "after", "ip", "createdAt")
    SELECT ${actorId}::uuid, ${action}, ${entity}, ${entityId}, ${jsonb(before)}::jsonb, ${jsonb(after)}::jsonb, ${ip}, ${at}::timestamptz FROM ${guard}`
}

/** Who acts, when, and from where, as a write's event names them (an action's context). */
export type Acting = { actor: { id: string }; now: Date; ip: string | null }

type ChangeEntry = { action: AuditAction; entity: string; entityId: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue }

/** A change's event, in the change's own transaction. */
export function recordAudit(tx: Prisma.TransactionClient, acting: Acting, entry: ChangeEntry) {
  return recordEvent({ ...entry, actorId: acting.actor.id, ip: acting.ip, at: acting.now }, tx)
}

/** The change's event as a part of the change's own single statement, written once per row of `guard`. */
export function recordAuditSql(acting: Acting, entry: ChangeEntry, guard: Prisma.Sql): Prisma.Sql {
  return recordEventSql({ ...entry, actorId: acting.actor.id, ip: acting.ip, at: acting.now }, guard)
}

/**
 * A refused write: audited on its own (nothing else is written), and answered by the caller exactly
 * like a missing record. The id is kept as the request named it, cut to 100 characters and without
 * NUL characters (which PostgreSQL text cannot hold): a hostile id must not turn the refusal into a
 * server error.
 */
export async function recordRefusal(acting: Acting, action: RefusableAction, entity: string, entityId: string | null): Promise<void> {
  const named = entityId === null ? null : entityId.replaceAll('\u0000', '').slice(0, 100)
  await recordEvent({ actorId: acting.actor.id, action: refusedAction(action), entity, entityId: named, ip: acting.ip, at: acting.now })
}
