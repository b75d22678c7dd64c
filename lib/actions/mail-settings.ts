// An account's own mail settings, and the two links mail carries, which work without signing in:
// verifying the address (a single-use token that expires) and stopping one notice kind (RFC 8058).
// Each write is one transaction with its audit row; a refused one changes nothing.
import 'server-only'
import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { MailNotice } from '@/lib/domain/mail'
import { composeVerification } from '@/lib/mail/compose'
import { appOrigin, verifyEmailHref } from '@/lib/mail/paths'
import { nudgeMailQueue } from '@/lib/mail/queue'
import { mailTokenHash, newMailToken, VERIFY_TOKEN_TTL_MS } from '@/lib/mail/tokens'
import type { MailSettings, MailSettingsProblems } from '@/lib/validation/mail-settings'
import type { ActionContext } from './context'

export type MailSettingsResult = { kind: 'notFound' } | { kind: 'invalid'; problems: MailSettingsProblems } | { kind: 'saved'; verifyTo: string | null }

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

/**
 * Saves the actor's settings. A new address is unverified until its link is followed: the
 * verification mail is the only mail it gets till then, and links sent to an earlier address stop
 * working. An address another account uses is refused.
 */
export async function saveMailSettings(context: ActionContext, input: { settings: MailSettings } | { problems: MailSettingsProblems }): Promise<MailSettingsResult> {
  if ('problems' in input) return { kind: 'invalid', problems: input.problems }
  const { settings } = input
  const { actor, now } = context
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { email: true, displayName: true, active: true } })
  if (!user?.active) return { kind: 'notFound' }
  const taken = () => ({ kind: 'invalid', problems: { email: 'emailTaken' } }) as const
  if (settings.email && (await db().user.findFirst({ where: { email: settings.email, NOT: { id: actor.id } }, select: { id: true } }))) return taken()
  const newAddress = settings.email !== null && settings.email !== user.email ? settings.email : null
  try {
    await db().$transaction(async (tx) => {
      await tx.user.update({
        where: { id: actor.id },
        data: {
          email: settings.email,
          ...(settings.email !== user.email ? { emailVerifiedAt: null } : {}),
          mailNotices: settings.notices,
          mailDelivery: settings.delivery,
          mailDigestHour: settings.digestHour,
          mailDueWithinDays: settings.dueWithinDays,
          mailLocale: settings.locale,
        },
      })
      if (settings.email !== user.email)
        await tx.mailToken.updateMany({ where: { userId: actor.id, purpose: 'VERIFY_ADDRESS', usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } })
      if (newAddress) {
        const token = newMailToken()
        const saved = await tx.mailToken.create({
          data: { userId: actor.id, purpose: 'VERIFY_ADDRESS', email: newAddress, tokenHash: mailTokenHash(token), createdAt: now, expiresAt: new Date(now.getTime() + VERIFY_TOKEN_TTL_MS) },
        })
        const mail = composeVerification({ locale: settings.locale, recipientName: user.displayName, email: newAddress, link: appOrigin() + verifyEmailHref(token) })
        await tx.mailMessage.create({ data: { dedupeKey: `verify:${saved.id}`, userId: actor.id, kind: 'VERIFY_ADDRESS', toAddress: newAddress, ...mail, createdAt: now } })
      }
      await recordAudit(tx, context, {
        action: 'account.mail_settings',
        entity: 'User',
        entityId: actor.id,
        before: { email: user.email },
        after: { email: settings.email, notices: settings.notices, delivery: settings.delivery, digestHour: settings.digestHour, dueWithinDays: settings.dueWithinDays, locale: settings.locale },
      })
    })
  } catch (error) {
    // Another account took the address in between.
    if (isUniqueViolation(error)) return taken()
    throw error
  }
  if (newAddress) await nudgeMailQueue()
  return { kind: 'saved', verifyTo: newAddress }
}

/** Who follows a link in mail: not signed in, known by the token only. */
export type LinkContext = { now: Date; ip: string | null }

type TokenUse = { kind: 'invalid' } | { kind: 'done'; email: string; notice: MailNotice | null }

/** The token's row if it may still be used for `purpose`, marked used in the same transaction (a second use finds it used). */
async function useToken(tx: Prisma.TransactionClient, token: string, purpose: 'VERIFY_ADDRESS' | 'UNSUBSCRIBE', now: Date) {
  const row = await tx.mailToken.findUnique({ where: { tokenHash: mailTokenHash(token) } })
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null
  const { count } = await tx.mailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
  return count === 1 ? row : null
}

/** Follows a verification link: the address it was sent to becomes verified, if it is still the account's. */
export async function verifyEmail(context: LinkContext, token: string): Promise<TokenUse> {
  return db().$transaction(async (tx) => {
    const row = await useToken(tx, token, 'VERIFY_ADDRESS', context.now)
    const user = row && (await tx.user.findUnique({ where: { id: row.userId }, select: { email: true, active: true } }))
    if (!row || !user?.active || !user.email || user.email !== row.email) throw new RefusedLink()
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: context.now } })
    await recordAudit(tx, { actor: { id: row.userId }, now: context.now, ip: context.ip }, { action: 'account.email_verified', entity: 'User', entityId: row.userId, after: { email: user.email } })
    return { kind: 'done', email: user.email, notice: null } as const
  }).catch(refusedAsInvalid)
}

/** Follows an unsubscribe link (or its one-click POST): that notice kind stops, the others stay; a digest's link stops the digest. */
export async function unsubscribe(context: LinkContext, token: string): Promise<TokenUse> {
  return db().$transaction(async (tx) => {
    const row = await useToken(tx, token, 'UNSUBSCRIBE', context.now)
    const user = row && (await tx.user.findUnique({ where: { id: row.userId }, select: { email: true, mailNotices: true } }))
    if (!row || !user) throw new RefusedLink()
    await tx.user.update({ where: { id: row.userId }, data: row.notice ? { mailNotices: user.mailNotices.filter((notice) => notice !== row.notice) } : { mailDelivery: 'NONE' } })
    await recordAudit(tx, { actor: { id: row.userId }, now: context.now, ip: context.ip }, { action: 'account.mail_unsubscribed', entity: 'User', entityId: row.userId, after: { notice: row.notice ?? 'DIGEST' } })
    return { kind: 'done', email: user.email ?? '', notice: row.notice } as const
  }).catch(refusedAsInvalid)
}

/** Thrown inside the transaction so that a token found unusable stays unused. */
class RefusedLink extends Error {}

function refusedAsInvalid(error: unknown): TokenUse {
  if (error instanceof RefusedLink) return { kind: 'invalid' }
  throw error
}
