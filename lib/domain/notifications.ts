// What a notification tells its recipient ("Việc cần xử lý"): WORKFLOWS.md "Events".
import { assignmentCommentHref, assignmentHref, unitPageHref } from './paths'

/** Told to the unit's staff: a report returned, confirmed with a comment, entered on their behalf; a question answered. */
export const UNIT_NOTIFICATION_KINDS = ['REPORT_RETURNED', 'REPORT_CONFIRMED_WITH_COMMENT', 'REPORT_ENTERED_ON_BEHALF', 'QUESTION_ANSWERED'] as const

/** Told to whoever must act: the report's confirmer; for a question, the confirmer and later the office. */
export const ACT_NOTIFICATION_KINDS = ['REPORT_AWAITING_CONFIRMATION', 'QUESTION_AWAITING_ANSWER'] as const

/** About an assignment: each of these rows names one. */
export type AssignmentNotificationKind = (typeof UNIT_NOTIFICATION_KINDS)[number] | (typeof ACT_NOTIFICATION_KINDS)[number]

/**
 * Told to the staff and the members in charge of the units a rename, re-code or merge concerns, as
 * soon as it is recorded (one dated ahead says its day), and the cancellation of a rename or re-code
 * dated ahead they were told of: about the change, not an assignment.
 */
export const UNIT_CHANGE_NOTIFICATION_KINDS = ['UNIT_CHANGED', 'UNIT_CHANGE_CANCELLED'] as const
export type UnitChangeNotificationKind = (typeof UNIT_CHANGE_NOTIFICATION_KINDS)[number]

export const NOTIFICATION_KINDS = [...UNIT_NOTIFICATION_KINDS, ...ACT_NOTIFICATION_KINDS, ...UNIT_CHANGE_NOTIFICATION_KINDS] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** How a unit sent the report the office entered on its behalf. */
export const REPORT_CHANNELS = ['PAPER', 'PHONE'] as const
export type ReportChannel = (typeof REPORT_CHANNELS)[number]

/** The office hears of a question only once it has waited this many working days unanswered. */
export const OFFICE_QUESTION_WORKING_DAYS = 2

/** The page that lists them ("Việc cần xử lý"). */
export const NOTIFICATIONS_PATH = '/notifications'

/** The header's unread badge counts this far, and shows more as "99+". */
export const HEADER_COUNT_CAP = 99

/**
 * Where an entry of the list leads: a GET that marks it read and sends the reader on
 * (app/(app)/notifications/[id]/route.ts). A plain link, never prefetched: prefetching would read it.
 */
export const notificationHref = (id: string) => `${NOTIFICATIONS_PATH}/${encodeURIComponent(id)}`

/**
 * What opening a notification shows: its report in the assignment's history, or its comment in
 * the questions and answers; the assignment's page when it names neither; the unit's page for a
 * change of units (no task).
 */
export function notificationTarget(notice: { unitCode: string; taskCode: string | null; statusUpdateId: string | null; commentId: string | null }): string {
  if (notice.taskCode === null) return unitPageHref(notice.unitCode)
  if (notice.commentId) return assignmentCommentHref(notice.unitCode, notice.taskCode, notice.commentId)
  return assignmentHref(notice.unitCode, notice.taskCode, notice.statusUpdateId ?? undefined)
}
