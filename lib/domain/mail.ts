// The mail an account may ask for: which notices, and how they come. Pure, for forms,
// pages and the outbox alike; the database's enums of the same names hold the same values.
export const MAIL_NOTICES = ['REPORT_RETURNED', 'QUESTION_ANSWERED'] as const
export type MailNotice = (typeof MAIL_NOTICES)[number]

export const MAIL_DELIVERIES = ['AT_ONCE', 'DAILY_DIGEST', 'NONE'] as const
export type MailDelivery = (typeof MAIL_DELIVERIES)[number]

export const MAIL_STATUSES = ['QUEUED', 'SENT', 'KEPT', 'FAILED'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]
