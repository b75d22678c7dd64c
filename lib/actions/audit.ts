// Audit events (DESIGN.md): written in the same transaction as the change they record; refusals
// are recorded on their own, since nothing else is written.
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import type { Actor } from '@/lib/auth/permissions'

/** Who acts, when, and from where: what every mutation is given. */
export type ActionContext = { actor: Actor; now: Date; ip: string | null }

type AuditEntry = { action: string; entity: string; entityId: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue }

export function recordAudit(tx: Prisma.TransactionClient, context: ActionContext, entry: AuditEntry) {
  return tx.auditEvent.create({ data: { ...entry, actorId: context.actor.id, ip: context.ip, createdAt: context.now } })
}

/** A refused write: audited, and answered by the caller exactly like a missing record. */
export async function recordRefusal(context: ActionContext, action: string, entity: string, entityId: string | null): Promise<void> {
  await db().auditEvent.create({
    data: { actorId: context.actor.id, action: `${action}.refused`, entity, entityId, ip: context.ip, createdAt: context.now },
  })
}
