// The notices of the reporting calendar, read through the queries that feed /reminders, the header's
// count and the overview's cycle rate (nothing computed twice):
// - to a unit's staff: each assignment due within the account's N days (mailDueWithinDays) and each
//   one overdue, of the task's own due date or of its reporting cycle (lib/queries/reminders.ts);
// - to a member: the units in their charge that missed the last closed cycle; to the office: the
//   units of its subtree that did (lib/queries/report-cycles.ts chosenCycle);
// - to a member, each Monday: the weekly digest, their units ranked as their page ranks them
//   (lib/queries/member-progress.ts inChargeUnitProgress).
// Each notice has a key (account, kind, assignment or units, deadline or cycle) kept with its mail
// (MailNoticeSent), so it is told once, at once or in a digest, whichever instance makes it.
// Calendar notices go at the account's hour of the district's day (mailDigestHour): news of the day,
// not a mail at midnight.
import 'server-only'
import { actorOf, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { addDays, dateColumnDay, DISTRICT_TIME_ZONE, districtDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { CALENDAR_NOTICES, WEEKLY_DIGEST_WEEKDAY, type CalendarNotice, type MailNotice } from '@/lib/domain/mail'
import { assignmentHref, memberHref } from '@/lib/domain/paths'
import type { ReportCycle } from '@/lib/domain/report-cycle'
import { inChargeUnitProgress } from '@/lib/queries/member-progress'
import { fromKeptCounts, inChargeOf, withinScope, type ProgressSource } from '@/lib/queries/progress-source'
import { reminders } from '@/lib/queries/reminders'
import { chosenCycle } from '@/lib/queries/report-cycles'
import { composeNotice, composeWeekly, type NoticeItem } from './compose'
import { appOrigin, unsubscribeHref } from './paths'
import { storeMail } from './store'
import { newMailToken } from './tokens'

/** At most this many assignments or units are told of per account and pass; the rest come next time. */
const LIMIT = 100

/** An account that may receive calendar notices: active, its address verified. */
export type CalendarAccount = {
  userId: string
  role: Actor['role']
  memberId: string | null
  email: string
  locale: string
  recipientName: string
  notices: MailNotice[]
  dueWithinDays: number
  hour: number
}

/** A calendar notice, with its MailNoticeSent key. */
export type CalendarItem = NoticeItem & { kind: CalendarNotice; key: string }

const accountColumns = Prisma.sql`u.id::text AS "userId", u.role::text AS "role", u."memberId"::text AS "memberId", u.email, u."mailLocale" AS "locale",
       u."displayName" AS "recipientName", u."mailNotices"::text[] AS "notices", u."mailDueWithinDays" AS "dueWithinDays", u."mailDigestHour" AS "hour"`

/** The district's hour (0-23) and day of the week (0 Sunday) at `now`, as SQL. */
const districtHour = (now: Date) => Prisma.sql`extract(hour FROM ${now}::timestamptz AT TIME ZONE ${DISTRICT_TIME_ZONE})`
const districtWeekday = (now: Date) => Prisma.sql`extract(dow FROM ${now}::timestamptz AT TIME ZONE ${DISTRICT_TIME_ZONE})`

/** The accounts that chose calendar notices with `delivery`, whose hour of the day has come (`onlyTheHour`: is now). */
export function calendarAccounts(now: Date, delivery: 'AT_ONCE' | 'DAILY_DIGEST', onlyTheHour: boolean): Promise<CalendarAccount[]> {
  const hour = onlyTheHour ? Prisma.sql`u."mailDigestHour" = ${districtHour(now)}` : Prisma.sql`u."mailDigestHour" <= ${districtHour(now)}`
  return db().$queryRaw<CalendarAccount[]>`
    SELECT ${accountColumns}
      FROM "User" u
     WHERE u.active AND u.email IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL AND u."mailDelivery" = ${delivery}::"MailDelivery"
       AND u."mailNotices"::text[] && ARRAY[${Prisma.join([...CALENDAR_NOTICES])}]::text[] AND ${hour}
     ORDER BY u.id`
}

const cycleLabel = (cycle: ReportCycle) => ({ kind: cycle.kind, year: cycle.year, number: cycle.number })

/**
 * The calendar notices due to the account on `today` and not yet told: its reminders (staff), the
 * units missing from the last closed cycles (a member's in their charge, the office's in its subtree).
 */
export async function calendarNotices(account: CalendarAccount, today: CalendarDay): Promise<CalendarItem[]> {
  const wants = (kind: CalendarNotice) => account.notices.includes(kind)
  const actor = await actorOf(account.userId)
  const origin = appOrigin()
  const items: CalendarItem[] = []
  if (actor.role === 'STAFF' && (wants('DUE_SOON') || wants('OVERDUE'))) {
    for (const reminder of await reminders(actor, today, LIMIT, account.dueWithinDays)) {
      const kind = reminder.overdue ? 'OVERDUE' : 'DUE_SOON'
      if (!wants(kind)) continue
      const taskDue = dateColumnDay(reminder.dueDate)
      // The deadline reminded of: the task's own when it is the one passed or near, else its cycle's.
      const byTask = reminder.overdue ? taskDue < today : taskDue <= addDays(today, account.dueWithinDays) && (!reminder.cycle || taskDue <= reminder.cycle.cycle.deadline)
      const cycle = byTask ? null : (reminder.cycle?.cycle ?? null)
      items.push({
        kind,
        key: `${account.userId}:${kind}:${reminder.assignmentId}:${cycle ? cycle.key : taskDue}`,
        unitName: reminder.unitName,
        taskTitle: reminder.taskTitle,
        actorName: '',
        text: null,
        link: origin + assignmentHref(reminder.unitCode, reminder.taskCode),
        deadline: formatDay(cycle ? cycle.deadline : taskDue),
        cycle: cycle && cycleLabel(cycle),
      })
    }
  }
  const source = fromKeptCounts(today)
  if (actor.role === 'LEADER' && actor.memberId && wants('UNITS_NOT_REPORTED')) items.push(...(await missingUnits(account, 'UNITS_NOT_REPORTED', inChargeOf(source, actor.memberId))))
  if (actor.role === 'OFFICE' && wants('UNITS_LATE')) items.push(...(await missingUnits(account, 'UNITS_LATE', withinScope(source, actor))))
  return untold(items)
}

/** The units of `source` that missed the last closed cycle of each cadence in use, as the overview's cycle rate reads them: one notice per cycle. */
async function missingUnits(account: CalendarAccount, kind: 'UNITS_NOT_REPORTED' | 'UNITS_LATE', source: ProgressSource): Promise<CalendarItem[]> {
  const first = await chosenCycle(source, undefined, LIMIT)
  if (!first) return []
  // The overview opens on the last closed month (else quarter); the last closed quarter is asked for too.
  const quarter = first.cycle.kind === 'MONTHLY' ? first.offered.filter((cycle) => cycle.kind === 'QUARTERLY').at(-1) : undefined
  const choices = [first, ...(quarter ? [await chosenCycle(source, quarter.key, LIMIT)] : [])]
  return choices.flatMap((choice) =>
    choice && choice.rate.missing.length > 0
      ? [
          {
            kind,
            key: `${account.userId}:${kind}:units:${choice.cycle.key}`,
            unitName: '',
            taskTitle: '',
            actorName: '',
            text: null,
            link: `${appOrigin()}/?cycle=${encodeURIComponent(choice.cycle.key)}`,
            deadline: formatDay(choice.cycle.deadline),
            cycle: cycleLabel(choice.cycle),
            units: choice.rate.missing.map((unit) => unit.name),
          },
        ]
      : [],
  )
}

/** The items whose key no mail holds yet. */
async function untold(items: CalendarItem[]): Promise<CalendarItem[]> {
  if (items.length === 0) return items
  const told = await db().mailNoticeSent.findMany({ where: { key: { in: items.map((item) => item.key) } }, select: { key: true } })
  const keys = new Set(told.map((row) => row.key))
  return items.filter((item) => !keys.has(item.key))
}

/**
 * Makes the calendar notices of the accounts that want them at once, each its own mail, once their
 * hour of the day has come (later that day if the queue was stopped then). Run each hour (queue.ts).
 */
export async function makeCalendarMails(now: Date): Promise<number> {
  const today = districtDay(now)
  let made = 0
  for (const account of await calendarAccounts(now, 'AT_ONCE', false)) {
    for (const item of await calendarNotices(account, today)) {
      const token = newMailToken()
      const composed = composeNotice({ ...item, locale: account.locale, recipientName: account.recipientName, unsubscribeLink: appOrigin() + unsubscribeHref(token) })
      made += await storeMail({
        dedupeKey: `calendar:${item.key}`,
        userId: account.userId,
        kind: item.kind,
        toAddress: account.email,
        composed,
        unsubscribe: { token, notice: item.kind },
        noticeKeys: [item.key],
        now,
      })
    }
  }
  return made
}

type WeeklyAccount = CalendarAccount & { memberId: string; memberCode: string }

/**
 * Makes the members' weekly digests: on Monday (district time), once the account's hour has come,
 * for each active member's account that chose it and gets mail (not NONE), the units in their charge
 * ranked as their page ranks them (most overdue work first, then lowest progress). One per account
 * and week; a member in charge of no unit gets none.
 */
export async function makeWeeklyDigests(now: Date): Promise<number> {
  const accounts = await db().$queryRaw<WeeklyAccount[]>`
    SELECT ${accountColumns}, m.code AS "memberCode"
      FROM "User" u JOIN "Member" m ON m.id = u."memberId" AND m.active
     WHERE u.active AND u.role = 'LEADER' AND u.email IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL AND u."mailDelivery" <> 'NONE'
       AND 'WEEKLY_DIGEST' = ANY(u."mailNotices"::text[])
       AND ${districtWeekday(now)} = ${WEEKLY_DIGEST_WEEKDAY} AND u."mailDigestHour" <= ${districtHour(now)}
     ORDER BY u.id`
  const today = districtDay(now)
  const origin = appOrigin()
  let made = 0
  for (const account of accounts) {
    const units = await inChargeUnitProgress(fromKeptCounts(today, now), account.memberId, null)
    if (units.length === 0) continue
    const token = newMailToken()
    const composed = composeWeekly({
      locale: account.locale,
      recipientName: account.recipientName,
      day: formatDay(today),
      hour: account.hour,
      units: units.map((unit) => ({ name: unit.name, overdue: unit.overdue, dueSoon: unit.dueSoon, progress: unit.progress })),
      link: origin + memberHref(account.memberCode),
      unsubscribeLink: origin + unsubscribeHref(token),
    })
    made += await storeMail({ dedupeKey: `weekly:${account.userId}:${today}`, userId: account.userId, kind: 'WEEKLY_DIGEST', toAddress: account.email, composed, unsubscribe: { token, notice: 'WEEKLY_DIGEST' }, now })
  }
  return made
}
