// Storing a mail in the outbox (MailMessage) with its unsubscribe link's token and, for the notices
// of the calendar, their keys (MailNoticeSent): whichever instance or pass stores it first, the
// others store nothing.
import 'server-only'
import { db } from '@/lib/db'
import type { MailKind } from '@/lib/db/generated/enums'
import type { MailNotice } from '@/lib/domain/mail'
import type { ComposedMail } from './compose'
import { appOrigin, unsubscribeApiHref } from './paths'
import { mailTokenHash, UNSUBSCRIBE_TOKEN_TTL_MS } from './tokens'

/** A mail to store: its key (one mail per key), its unsubscribe link's token and what it stops (null: the digest), the calendar notices it tells. */
export type MailToStore = {
  dedupeKey: string
  userId: string
  kind: MailKind
  toAddress: string
  composed: ComposedMail
  unsubscribe: { token: string; notice: MailNotice | null }
  /** MailNoticeSent keys: a notice told already (by another pass, at once or in a digest) is not told again. */
  noticeKeys?: string[]
  now: Date
}

/**
 * Stores a mail with its unsubscribe token and its notices' keys, in one transaction: 1 when stored,
 * 0 when its key or one of its notices' was taken first (by another instance or pass), in which
 * case nothing of it is kept and that other mail stands.
 */
export async function storeMail(mail: MailToStore): Promise<number> {
  const { now, userId, unsubscribe } = mail
  const keys = mail.noticeKeys ?? []
  return db()
    .$transaction(async (tx) => {
      const [saved] = await tx.mailMessage.createManyAndReturn({
        data: [{ dedupeKey: mail.dedupeKey, userId, kind: mail.kind, toAddress: mail.toAddress, ...mail.composed, unsubscribeUrl: appOrigin() + unsubscribeApiHref(unsubscribe.token), createdAt: now }],
        skipDuplicates: true,
        select: { id: true },
      })
      if (!saved) return 0
      await tx.mailToken.create({
        data: { userId, purpose: 'UNSUBSCRIBE', notice: unsubscribe.notice, tokenHash: mailTokenHash(unsubscribe.token), createdAt: now, expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TOKEN_TTL_MS) },
      })
      const { count } = await tx.mailNoticeSent.createMany({ data: keys.map((key) => ({ key, userId, mailId: saved.id, createdAt: now })), skipDuplicates: true })
      if (count < keys.length) throw new NoticeTaken()
      return 1
    })
    .catch((error: unknown) => {
      if (error instanceof NoticeTaken) return 0
      throw error
    })
}

/** Thrown inside storeMail's transaction so that a mail whose notice was told meanwhile is not kept. */
class NoticeTaken extends Error {}
