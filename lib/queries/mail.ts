// Mail read models: an account's own mail settings, what a link in mail leads to before it is
// followed, and the outbox an administrator reads (the accounts of their subtree only, the links'
// tokens masked).
import 'server-only'
import { unitInScopeSql, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { MailNotice, MailStatus } from '@/lib/domain/mail'
import { maskMailTokens } from '@/lib/mail/paths'
import { mailTokenHash } from '@/lib/mail/tokens'

export function mailSettingsOf(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerifiedAt: true, mailNotices: true, mailDelivery: true, mailDigestHour: true, mailDueWithinDays: true, mailLocale: true },
  })
}

/** Whether a link's token may still be followed, and for which address and notice; null when not. */
export async function mailLinkPreview(token: string, purpose: 'VERIFY_ADDRESS' | 'UNSUBSCRIBE', now: Date): Promise<{ email: string; notice: MailNotice | null } | null> {
  const row = await db().mailToken.findUnique({
    where: { tokenHash: mailTokenHash(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, email: true, notice: true, user: { select: { email: true } } },
  })
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null
  if (purpose === 'VERIFY_ADDRESS' && row.email !== row.user.email) return null
  return { email: row.email ?? row.user.email ?? '', notice: row.notice }
}

export type OutboxEntry = {
  id: string
  createdAt: Date
  sentAt: Date | null
  toAddress: string
  recipientName: string
  subject: string
  text: string
  status: MailStatus
  attempts: number
  lastError: string | null
}

/** The outbox's latest mail to the accounts of the actor's subtree, the failed first when asked by status. */
export async function outboxList(actor: Actor, status: MailStatus | null, limit = 200): Promise<OutboxEntry[]> {
  const byStatus = status ? Prisma.sql`AND m.status = ${status}::"MailStatus"` : Prisma.empty
  const rows = await db().$queryRaw<OutboxEntry[]>`
    SELECT m.id::text AS "id", m."createdAt", m."sentAt", m."toAddress", u."displayName" AS "recipientName", m.subject, m.text,
           m.status::text AS "status", m.attempts, m."lastError"
      FROM "MailMessage" m JOIN "User" u ON u.id = m."userId"
     WHERE ${unitInScopeSql(actor, Prisma.sql`u."unitId"`)} ${byStatus}
     ORDER BY m."createdAt" DESC, m.id DESC
     LIMIT ${limit}`
  // The links' tokens act for the account without a sign-in: the administrator sees them masked.
  return rows.map((row) => ({ ...row, text: maskMailTokens(row.text) }))
}
