// The outbox (MailMessage): every mail the app makes, written before anything is sent, so a mail
// server that is down delays mail and never blocks a save. The queue (./queue.ts) turns the new
// notification rows into mail here, then sends each mail once. One mail per notification row
// (its dedupeKey), whichever instance gets there first.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { accountReachesSql } from '@/lib/auth/permissions'
import { ROW_NOTICES, type RowNotice } from '@/lib/domain/mail'
import { notificationHref } from '@/lib/domain/notifications'
import { DISTRICT_TIME_ZONE, districtDay, formatDay } from '@/lib/domain/calendar'
import { composeDigest, composeNotice, type NoticeItem } from './compose'
import { appOrigin, MAIL_SETTINGS_PATH, unsubscribeHref } from './paths'
import { newMailToken } from './tokens'
import { calendarAccounts, calendarNotices } from './calendar'
import { storeMail } from './store'
import type { MailTransport } from './transport'

/** A notice shown longer ago than this is not mailed: after a long stop of the queue, no stale news. */
const NOTICE_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
/** At most this many mails are made per pass; the next pass takes the rest. */
const BATCH = 200

/** What a row's mail quotes: the reviewer's reason of a returned report, the comment (an answer, a question), else the report's note. */
const noticeText = Prisma.sql`CASE WHEN n.kind = 'REPORT_RETURNED' THEN su."reviewNote" WHEN n."commentId" IS NOT NULL THEN c.body ELSE su.note END`

/**
 * Whether the recipient `u` still has to do with the row's assignment `a` (unit `un`, group `g`), as
 * its kind was written for: the unit's staff reporting for it still; the member confirming a
 * report, while the unit is in their charge or the group theirs; the office, while the unit lies in
 * its subtree. Anyone else (moved, another role since) is not mailed what they may no longer read.
 */
const stillConcerned = Prisma.sql`(CASE n.kind
  WHEN 'REPORT_AWAITING_CONFIRMATION' THEN u.role = 'LEADER' AND u."memberId" IS NOT NULL AND (un."inChargeMemberId" = u."memberId" OR g."leadMemberId" = u."memberId")
  WHEN 'QUESTION_AWAITING_ANSWER' THEN u.role = 'OFFICE' AND ${accountReachesSql('u', Prisma.sql`(un."ancestorIds" || un.id)`)}
  ELSE u."unitId" = a."unitId" END)`

type NoticeRow = {
  id: string
  kind: RowNotice
  userId: string
  email: string
  locale: string
  recipientName: string
  unitName: string
  taskTitle: string
  actorName: string
  text: string | null
}

/**
 * Makes the mail of the notification rows not yet mailed, for the accounts that want them at once:
 * an active account with a verified address that chose the kind, still concerned (stillConcerned).
 * A row written before the address was verified, already read (or settled) in the app, or shown
 * more than two days ago is not mailed. A question's row for the office is shown after two working
 * days (lib/actions/comment.ts), so it is mailed then, and not at all once answered.
 */
export async function makeNoticeMails(now: Date): Promise<number> {
  const rows = await db().$queryRaw<NoticeRow[]>`
    SELECT n.id::text AS "id", n.kind::text AS "kind", u.id::text AS "userId", u.email, u."mailLocale" AS "locale", u."displayName" AS "recipientName",
           un.name AS "unitName", t.title AS "taskTitle", actor."displayName" AS "actorName",
           ${noticeText} AS "text"
      FROM "Notification" n
      JOIN "User" u ON u.id = n."recipientId"
      JOIN "Assignment" a ON a.id = n."assignmentId"
      JOIN "Unit" un ON un.id = a."unitId"
      JOIN "Task" t ON t.id = a."taskId"
      JOIN "TaskGroup" g ON g.id = t."groupId"
      JOIN "User" actor ON actor.id = n."actorId"
      LEFT JOIN "StatusUpdate" su ON su.id = n."statusUpdateId"
      LEFT JOIN "Comment" c ON c.id = n."commentId"
     WHERE n.kind::text IN (${Prisma.join([...ROW_NOTICES])})
       AND n."showFrom" > ${new Date(now.getTime() - NOTICE_WINDOW_MS)}::timestamptz AND n."showFrom" <= ${now}::timestamptz AND n."readAt" IS NULL
       AND u.active AND u.email IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL AND n."createdAt" >= u."emailVerifiedAt"
       AND u."mailDelivery" = 'AT_ONCE' AND n.kind::text = ANY(u."mailNotices"::text[]) AND ${stillConcerned}
       AND NOT EXISTS (SELECT FROM "MailMessage" m WHERE m."dedupeKey" = 'notification:' || n.id::text)
     ORDER BY n."createdAt", n.id
     LIMIT ${BATCH}`
  const origin = appOrigin()
  let made = 0
  for (const row of rows) {
    const token = newMailToken()
    const composed = composeNotice({
      ...row,
      link: origin + notificationHref(row.id),
      unsubscribeLink: origin + unsubscribeHref(token),
    })
    made += await storeMail({ dedupeKey: `notification:${row.id}`, userId: row.userId, kind: row.kind, toAddress: row.email, composed, unsubscribe: { token, notice: row.kind }, now })
  }
  return made
}


type DigestRow = NoticeRow & { hour: number; day: string }

/**
 * Makes the daily digests due: for each account that chose the digest, once its hour of the
 * district's day has come (later that day if the queue was stopped then), one mail holding the
 * notices of its kinds shown in the 24 hours before that hour and still unread, under the same
 * rules as a notice at once, and the calendar's notices not yet told (./calendar.ts). Nothing to
 * tell, no mail. One per account and day (its dedupeKey).
 */
export async function makeDigestMails(now: Date): Promise<number> {
  const rows = await db().$queryRaw<DigestRow[]>`
    WITH due AS (
      SELECT u.*, to_char(${now}::timestamptz AT TIME ZONE ${DISTRICT_TIME_ZONE}, 'YYYY-MM-DD') AS "day",
             (date_trunc('day', ${now}::timestamptz AT TIME ZONE ${DISTRICT_TIME_ZONE}) + make_interval(hours => u."mailDigestHour")) AT TIME ZONE ${DISTRICT_TIME_ZONE} AS "boundary"
        FROM "User" u
       WHERE u.active AND u.email IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL AND u."mailDelivery" = 'DAILY_DIGEST'
    )
    SELECT n.id::text AS "id", n.kind::text AS "kind", u.id::text AS "userId", u.email, u."mailLocale" AS "locale", u."displayName" AS "recipientName",
           un.name AS "unitName", t.title AS "taskTitle", actor."displayName" AS "actorName",
           ${noticeText} AS "text", u."mailDigestHour" AS "hour", u."day"
      FROM due u
      JOIN "Notification" n ON n."recipientId" = u.id
      JOIN "Assignment" a ON a.id = n."assignmentId"
      JOIN "Unit" un ON un.id = a."unitId"
      JOIN "Task" t ON t.id = a."taskId"
      JOIN "TaskGroup" g ON g.id = t."groupId"
      JOIN "User" actor ON actor.id = n."actorId"
      LEFT JOIN "StatusUpdate" su ON su.id = n."statusUpdateId"
      LEFT JOIN "Comment" c ON c.id = n."commentId"
     WHERE u."boundary" <= ${now}::timestamptz
       AND n.kind::text IN (${Prisma.join([...ROW_NOTICES])}) AND n.kind::text = ANY(u."mailNotices"::text[])
       AND n."showFrom" > u."boundary" - interval '1 day' AND n."showFrom" <= u."boundary" AND n."readAt" IS NULL
       AND n."createdAt" >= u."emailVerifiedAt" AND ${stillConcerned}
       AND NOT EXISTS (SELECT FROM "MailMessage" m WHERE m."dedupeKey" = 'digest:' || u.id::text || ':' || u."day")
     ORDER BY u.id, n."showFrom", n.id`
  type Digest = { email: string; locale: string; recipientName: string; hour: number; items: NoticeItem[]; noticeKeys: string[] }
  const digests = new Map<string, Digest>()
  const digestOf = (userId: string, account: Omit<Digest, 'items' | 'noticeKeys'>) => {
    const digest = digests.get(userId) ?? { ...account, items: [], noticeKeys: [] }
    digests.set(userId, digest)
    return digest
  }
  const origin = appOrigin()
  for (const row of rows) digestOf(row.userId, row).items.push({ ...row, link: origin + notificationHref(row.id) })
  // The calendar's notices join the digest made in its hour (a digest made later that day, after a
  // stop of the queue, leaves them to the next day's; their keys keep them untold till then).
  const today = districtDay(now)
  for (const account of await calendarAccounts(now, 'DAILY_DIGEST', true)) {
    if (await db().mailMessage.findUnique({ where: { dedupeKey: `digest:${account.userId}:${today}` }, select: { id: true } })) continue
    const items = await calendarNotices(account, today)
    if (items.length === 0) continue
    const digest = digestOf(account.userId, account)
    digest.items.push(...items)
    digest.noticeKeys.push(...items.map((item) => item.key))
  }
  let made = 0
  for (const [userId, digest] of digests) {
    const token = newMailToken()
    const composed = composeDigest({
      locale: digest.locale,
      recipientName: digest.recipientName,
      day: formatDay(today),
      hour: digest.hour,
      items: digest.items,
      settingsLink: origin + MAIL_SETTINGS_PATH,
      unsubscribeLink: origin + unsubscribeHref(token),
    })
    // A digest's unsubscribe token names no notice: it stops the digest.
    made += await storeMail({ dedupeKey: `digest:${userId}:${today}`, userId, kind: 'DIGEST', toAddress: digest.email, composed, unsubscribe: { token, notice: null }, noticeKeys: digest.noticeKeys, now })
  }
  return made
}

/** The queued mail no job sends yet, oldest first. */
export async function unqueuedMail(): Promise<string[]> {
  const rows = await db().mailMessage.findMany({ where: { status: 'QUEUED', jobId: null }, orderBy: { createdAt: 'asc' }, take: BATCH, select: { id: true } })
  return rows.map((row) => row.id)
}

export async function markQueued(id: string, jobId: string): Promise<void> {
  await db().mailMessage.updateMany({ where: { id, jobId: null }, data: { jobId } })
}

/**
 * Sends one mail, if it still waits: KEPT without a transport (no SMTP_URL); SENT once the server
 * took it; after a failure it waits for the queue's next try, or is FAILED with the error when the
 * try was the last. A failure is thrown on, for the queue to retry.
 */
export async function deliverMail(id: string, options: { transport: MailTransport | null; from: string; lastTry: boolean; now?: Date }): Promise<void> {
  const mail = await db().mailMessage.findUnique({ where: { id } })
  if (!mail || mail.status !== 'QUEUED') return
  if (!options.transport) {
    await db().mailMessage.update({ where: { id }, data: { status: 'KEPT' } })
    return
  }
  const headers: Record<string, string> = mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}
  try {
    await options.transport.send({ from: options.from, to: mail.toAddress, subject: mail.subject, text: mail.text, html: mail.html, headers })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await db().mailMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: message.slice(0, 1000), status: options.lastTry ? 'FAILED' : 'QUEUED' } })
    throw error
  }
  await db().mailMessage.update({ where: { id }, data: { status: 'SENT', attempts: { increment: 1 }, lastError: null, sentAt: options.now ?? new Date() } })
}
