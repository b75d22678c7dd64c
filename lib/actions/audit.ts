// Audit events of the actions: a change's event is written in the same transaction as the change;
// a refusal's on its own, since nothing else is written.
import 'server-only'
import type { Prisma } from '@/lib/db/client'
import { recordEvent, recordEventSql } from '@/lib/auth/audit'
import type { Actor } from '@/lib/auth/permissions'

/** Who acts, when, and from where: what every mutation is given. */
export type ActionContext = { actor: Actor; now: Date; ip: string | null }

type ChangeEntry = { action: string; entity: string; entityId: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue }

export function recordAudit(tx: Prisma.TransactionClient, context: ActionContext, entry: ChangeEntry) {
  return recordEvent({ ...entry, actorId: context.actor.id, ip: context.ip, at: context.now }, tx)
}

/** The change's event as a part of the change's own single statement, written once per row of `guard`. */
export function recordAuditSql(context: ActionContext, entry: ChangeEntry, guard: Prisma.Sql): Prisma.Sql {
  return recordEventSql({ ...entry, actorId: context.actor.id, ip: context.ip, at: context.now }, guard)
}

/**
 * A refused write: audited, and answered by the caller exactly like a missing record. The id is
 * kept as the request named it, cut to 100 characters and without NUL characters (which
 * PostgreSQL text cannot hold): a hostile id must not turn the refusal into a server error.
 */
export async function recordRefusal(context: ActionContext, action: string, entity: string, entityId: string | null): Promise<void> {
  const named = entityId === null ? null : entityId.replaceAll('\u0000', '').slice(0, 100)
  await recordEvent({ actorId: context.actor.id, action: `${action}.refused`, entity, entityId: named, ip: context.ip, at: context.now })
}
