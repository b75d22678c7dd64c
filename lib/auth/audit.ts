// The audit trail (DESIGN.md): who did what to which record, when, from where. One writer for
// every event: sign-in, changes (inside their own transaction), refusals, exports and reports.
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'

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
