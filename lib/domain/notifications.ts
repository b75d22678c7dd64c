// What a notification tells its recipient ("Việc cần xử lý"): WORKFLOWS.md "Events".

/** Told to the unit's staff: a report returned, confirmed with a comment, entered on their behalf; a question answered. */
export const UNIT_NOTIFICATION_KINDS = ['REPORT_RETURNED', 'REPORT_CONFIRMED_WITH_COMMENT', 'REPORT_ENTERED_ON_BEHALF', 'QUESTION_ANSWERED'] as const

/** Told to whoever must act: the report's confirmer; for a question, the confirmer and later the office. */
export const ACT_NOTIFICATION_KINDS = ['REPORT_AWAITING_CONFIRMATION', 'QUESTION_AWAITING_ANSWER'] as const

export const NOTIFICATION_KINDS = [...UNIT_NOTIFICATION_KINDS, ...ACT_NOTIFICATION_KINDS] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** How a unit sent the report the office entered on its behalf. */
export const REPORT_CHANNELS = ['PAPER', 'PHONE'] as const
export type ReportChannel = (typeof REPORT_CHANNELS)[number]

/** The office hears of a question only once it has waited this many working days unanswered. */
export const OFFICE_QUESTION_WORKING_DAYS = 2
