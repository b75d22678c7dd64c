// The mail an account may ask for: which notices, and how they come. Pure, for forms,
// pages and the outbox alike; the database's enums of the same names hold the same values.
import type { Role } from '@/lib/auth/roles'
export const MAIL_NOTICES = [
  'REPORT_RETURNED',
  'QUESTION_ANSWERED',
  'DUE_SOON',
  'OVERDUE',
  'REPORT_AWAITING_CONFIRMATION',
  'UNITS_NOT_REPORTED',
  'QUESTION_AWAITING_ANSWER',
  'UNITS_LATE',
  'WEEKLY_DIGEST',
] as const
export type MailNotice = (typeof MAIL_NOTICES)[number]

/**
 * The notices an account of each role can receive, offered on its settings: a unit's staff hear of
 * their own reports and deadlines, a member of the reports and units in their charge, the office of
 * the questions and the late units of its subtree (and of its own unit's reports returned).
 */
export const NOTICES_BY_ROLE: Record<Role, readonly MailNotice[]> = {
  STAFF: ['REPORT_RETURNED', 'QUESTION_ANSWERED', 'DUE_SOON', 'OVERDUE'],
  LEADER: ['REPORT_AWAITING_CONFIRMATION', 'UNITS_NOT_REPORTED', 'WEEKLY_DIGEST'],
  OFFICE: ['REPORT_RETURNED', 'QUESTION_AWAITING_ANSWER', 'UNITS_LATE'],
  ADMIN: MAIL_NOTICES,
}

/** The notices made from the notification rows of the same kind (lib/mail/outbox.ts). */
export const ROW_NOTICES = ['REPORT_RETURNED', 'QUESTION_ANSWERED', 'REPORT_AWAITING_CONFIRMATION', 'QUESTION_AWAITING_ANSWER'] as const satisfies readonly MailNotice[]
export type RowNotice = (typeof ROW_NOTICES)[number]

/** The notices the reporting calendar makes (lib/mail/calendar.ts), at once or in the daily digest. */
export const CALENDAR_NOTICES = ['DUE_SOON', 'OVERDUE', 'UNITS_NOT_REPORTED', 'UNITS_LATE'] as const satisfies readonly MailNotice[]
export type CalendarNotice = (typeof CALENDAR_NOTICES)[number]

/** The weekly digest for members goes on this day of the week (0 Sunday … 6 Saturday), at the account's hour: Monday, the week's first working day. */
export const WEEKLY_DIGEST_WEEKDAY = 1

export const MAIL_DELIVERIES = ['AT_ONCE', 'DAILY_DIGEST', 'NONE'] as const
export type MailDelivery = (typeof MAIL_DELIVERIES)[number]

export const MAIL_STATUSES = ['QUEUED', 'SENT', 'KEPT', 'FAILED'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]
