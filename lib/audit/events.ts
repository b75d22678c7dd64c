// The audit trail's names, and what they mean to a reader: every action the app records (one typed
// list: the writers in ./record.ts accept only these), the label of each, of each kind of record,
// and where a record's page is. Pure, so that pages and components may import it. Anything stored
// that is not listed here is shown as it is stored.
import { formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { assignmentHref, communeHref, memberHref, reviewReportHref, taskHref, unitPageHref } from '@/lib/domain/paths'

/** The actions the app records, each with its label under `audit.action` in the messages. */
export const AUDIT_ACTIONS = {
  'auth.sign_in': 'signIn',
  'auth.sign_in_failed': 'signInFailed',
  'auth.sign_out': 'signOut',
  'statusUpdate.create': 'statusUpdate',
  'statusUpdate.review': 'review',
  'comment.create': 'comment',
  'question.publish': 'questionPublish',
  'export.create': 'export',
  'report.create': 'report',
  'reviewReport.create': 'reviewReportCreate',
  'reviewReport.section': 'reviewReportSection',
  'reviewReport.fields': 'reviewReportFields',
  'reviewReport.issue': 'reviewReportIssue',
  'reviewReport.download': 'reviewReportDownload',
  'auth.sign_out_everywhere': 'signOutEverywhere',
  'auth.session_ended': 'sessionEnded',
  'auth.locked_out': 'lockedOut',
  'auth.password_changed': 'passwordChanged',
  'auth.two_factor_enabled': 'twoFactorEnabled',
  'auth.two_factor_disabled': 'twoFactorDisabled',
  'auth.recovery_code_used': 'recoveryCodeUsed',
  'auth.recovery_codes_replaced': 'recoveryCodesReplaced',
  'user.create': 'userCreate',
  'user.update': 'userUpdate',
  'user.deactivate': 'userDeactivate',
  'user.reactivate': 'userReactivate',
  'user.password_reset': 'passwordReset',
  'user.unlocked': 'unlock',
  'user.two_factor_reset': 'twoFactorReset',
  'unit.create': 'unitCreate',
  'unit.update': 'unitUpdate',
  'unit.deactivate': 'unitDeactivate',
  'unit.reactivate': 'unitReactivate',
  'unit.rename': 'unitRename',
  'unit.recode': 'unitRecode',
  'unit.merge': 'unitMerge',
  'unit.split': 'unitSplit',
  'unit.change_cancel': 'unitChangeCancel',
  'member.create': 'memberCreate',
  'member.update': 'memberUpdate',
  'member.deactivate': 'memberDeactivate',
  'member.reactivate': 'memberReactivate',
  'taskGroup.create': 'groupCreate',
  'taskGroup.update': 'groupUpdate',
  'taskGroup.deactivate': 'groupDeactivate',
  'taskGroup.reactivate': 'groupReactivate',
  'task.create': 'taskCreate',
  'task.update': 'taskUpdate',
  'task.deactivate': 'taskDeactivate',
  'task.reactivate': 'taskReactivate',
  'assignment.create': 'assignmentCreate',
  'assignment.target': 'assignmentTarget',
  'unitFigure.create': 'unitFigureCreate',
  'reportingPeriod.create': 'periodCreate',
  'reportingPeriod.lock': 'periodLock',
  'reportingPeriod.unlock': 'periodUnlock',
  'import.check': 'importCheck',
  'import.apply': 'importApply',
  'account.mail_settings': 'mailSettings',
  'account.email_verified': 'emailVerified',
  'account.mail_unsubscribed': 'mailUnsubscribed',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/**
 * Which fields of each action's stored before and after are an assignment's details (READ_RULES
 * 'assignment.readDetails': its notes, evidence files, reviewers' reasons, questions and answers,
 * and how a report entered for a unit came, as the unit page withholds it). The audit trail
 * withholds them from a reader whose scope does not reach the event's assignment
 * (lib/queries/audit-events.ts); the rest of the event stays. Every action says, so a new one must
 * decide; a refusal stores no fields, and an action this list does not know is withheld whole.
 */
export const AUDIT_DETAIL_FIELDS: Readonly<Record<AuditAction, readonly string[]>> = {
  'auth.sign_in': [],
  'auth.sign_in_failed': [],
  'auth.sign_out': [],
  'statusUpdate.create': ['attachments', 'onBehalfVia'],
  'statusUpdate.review': ['reviewNote'],
  'comment.create': [],
  // The published thread's comments, and whether the public list names the unit that asked.
  'question.publish': ['questionId', 'answerId', 'showUnit'],
  'export.create': [],
  'report.create': [],
  'reviewReport.create': [],
  'reviewReport.section': [],
  'reviewReport.fields': [],
  'reviewReport.issue': [],
  'reviewReport.download': [],
  'auth.sign_out_everywhere': [],
  'auth.session_ended': [],
  'auth.locked_out': [],
  'auth.password_changed': [],
  'auth.two_factor_enabled': [],
  'auth.two_factor_disabled': [],
  'auth.recovery_code_used': [],
  'auth.recovery_codes_replaced': [],
  'user.create': [],
  'user.update': [],
  'user.deactivate': [],
  'user.reactivate': [],
  'user.password_reset': [],
  'user.unlocked': [],
  'user.two_factor_reset': [],
  'unit.create': [],
  'unit.update': [],
  'unit.deactivate': [],
  'unit.reactivate': [],
  'unit.rename': [],
  'unit.recode': [],
  'unit.merge': [],
  'unit.split': [],
  'unit.change_cancel': [],
  'member.create': [],
  'member.update': [],
  'member.deactivate': [],
  'member.reactivate': [],
  'taskGroup.create': [],
  'taskGroup.update': [],
  'taskGroup.deactivate': [],
  'taskGroup.reactivate': [],
  'task.create': [],
  'task.update': [],
  'task.deactivate': [],
  'task.reactivate': [],
  'assignment.create': [],
  'assignment.target': [],
  'unitFigure.create': [],
  'reportingPeriod.create': [],
  'reportingPeriod.lock': [],
  'reportingPeriod.unlock': [],
  'import.check': [],
  'import.apply': [],
  'account.mail_settings': [],
  'account.email_verified': [],
  'account.mail_unsubscribed': [],
}

/**
 * Names earlier versions stored for the same actions (their refusals were named by the verb), read
 * only: the trail is never rewritten (the database refuses UPDATE on it), so the filter finds and
 * the page labels those rows by the name they stand for.
 */
const FORMER_NAMES: Readonly<Record<string, AuditAction>> = {
  'user.reset_password': 'user.password_reset',
  'user.unlock': 'user.unlocked',
  'user.reset_two_factor': 'user.two_factor_reset',
}

/** A review's event says in its `after` whether the update was confirmed or returned. */
export type ActionLabelKey = (typeof AUDIT_ACTIONS)[AuditAction] | 'reviewConfirm' | 'reviewReturn'

/** The writes whose refusals are recorded (recordRefusal's callers), and the downloads. */
const REFUSABLE = [
  'statusUpdate.create',
  'statusUpdate.review',
  'comment.create',
  'question.publish',
  'export.create',
  'report.create',
  'reviewReport.create',
  'reviewReport.section',
  'reviewReport.fields',
  'reviewReport.issue',
  'reviewReport.download',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.password_reset',
  'user.unlocked',
  'user.two_factor_reset',
  'unit.create',
  'unit.update',
  'unit.deactivate',
  'unit.reactivate',
  'unit.rename',
  'unit.recode',
  'unit.merge',
  'unit.split',
  'unit.change_cancel',
  'member.create',
  'member.update',
  'member.deactivate',
  'member.reactivate',
  'taskGroup.create',
  'taskGroup.update',
  'taskGroup.deactivate',
  'taskGroup.reactivate',
  'task.create',
  'task.update',
  'task.deactivate',
  'task.reactivate',
  'assignment.create',
  'assignment.target',
  'unitFigure.create',
  'reportingPeriod.create',
  'reportingPeriod.lock',
  'reportingPeriod.unlock',
  'import.check',
  'import.apply',
] as const satisfies readonly AuditAction[]

export type RefusableAction = (typeof REFUSABLE)[number]

/** A refused write is recorded as its action with this suffix. */
const REFUSED = '.refused'
export type RefusedAction = `${RefusableAction}${typeof REFUSED}`

export const refusedAction = (action: RefusableAction): RefusedAction => `${action}${REFUSED}`

/** The choices of the action filter: every labelled action, then the refusals. */
export const AUDIT_ACTION_CHOICES: readonly string[] = [...Object.keys(AUDIT_ACTIONS), ...REFUSABLE.map(refusedAction)]

const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action)

/** A stored action as its base action (former names resolved) and whether it was refused; null when unknown. */
function readAction(action: string): { base: AuditAction; refused: boolean } | null {
  const refused = action.endsWith(REFUSED)
  const named = refused ? action.slice(0, -REFUSED.length) : action
  const base = Object.hasOwn(FORMER_NAMES, named) ? FORMER_NAMES[named] : named
  return base !== undefined && isAuditAction(base) ? { base, refused } : null
}

/** Every name rows of this filter choice may be stored under: the name itself, and its former names. */
export function storedActionNames(action: string): string[] {
  const read = readAction(action)
  if (!read) return [action]
  const suffix = read.refused ? REFUSED : ''
  return [action, ...Object.entries(FORMER_NAMES).flatMap(([former, current]) => (current === read.base ? [former + suffix] : []))]
}

/**
 * The detail fields of every name an event may be stored under (current and former names, and
 * their refusals), for the query that withholds them; a name missing here is an unknown action.
 */
export function storedDetailFields(): Record<string, readonly string[]> {
  const names = [...AUDIT_ACTION_CHOICES, ...Object.keys(FORMER_NAMES).flatMap((former) => [former, former + REFUSED])]
  return Object.fromEntries(
    names.flatMap((name) => {
      const read = readAction(name)
      return read ? [[name, AUDIT_DETAIL_FIELDS[read.base]]] : []
    }),
  )
}

/** The label of a stored action, and whether it was refused; null for an action this list does not know. */
export function actionLabel(action: string, after: unknown): { key: ActionLabelKey; refused: boolean } | null {
  const read = readAction(action)
  if (!read) return null
  const { base, refused } = read
  const reviewState = typeof after === 'object' && after !== null && 'reviewState' in after ? after.reviewState : null
  if (base === 'statusUpdate.review' && reviewState === 'CONFIRMED') return { key: 'reviewConfirm', refused }
  if (base === 'statusUpdate.review' && reviewState === 'RETURNED') return { key: 'reviewReturn', refused }
  return { key: AUDIT_ACTIONS[base], refused }
}

/** The kinds of record events name, each with its label under `audit.entity`; exports name the view. */
export const AUDIT_ENTITIES = {
  User: 'user',
  Assignment: 'assignment',
  StatusUpdate: 'statusUpdate',
  Comment: 'comment',
  PublishedQuestion: 'publishedQuestion',
  ReportingPeriod: 'reportingPeriod',
  overview: 'overview',
  communes: 'communes',
  members: 'members',
  tasks: 'tasks',
  units: 'units',
  Unit: 'unit',
  Member: 'member',
  TaskGroup: 'taskGroup',
  Task: 'task',
  ReportRange: 'reportRange',
  ReviewReport: 'reviewReport',
  assignments: 'assignments',
  Import: 'import',
} as const

export type AuditEntity = keyof typeof AUDIT_ENTITIES

export const isAuditEntity = (entity: string): entity is AuditEntity => Object.hasOwn(AUDIT_ENTITIES, entity)

/** The assignment an event's record belongs to (found by the query); `updateId` for a status update. */
export type AuditAssignment = { unitCode: string; taskCode: string; updateId: string | null }

/** The page of the record an event names, when it has one. */
export function auditEntityHref(entity: string, entityId: string | null, assignment: AuditAssignment | null): string | null {
  if (assignment) return assignmentHref(assignment.unitCode, assignment.taskCode, assignment.updateId ?? undefined)
  if (entity === 'overview') return '/'
  if (entityId === null) return null
  switch (entity) {
    case 'communes':
      return communeHref(entityId)
    case 'members':
      return memberHref(entityId)
    case 'tasks':
      return taskHref(entityId)
    case 'units':
      return unitPageHref(entityId)
    case 'ReviewReport':
      return reviewReportHref(entityId)
    default:
      return null
  }
}

/** What the audit page is narrowed to. */
export type AuditFilter = {
  /** An account's username (stored lower-case). */
  user?: string
  entity?: string
  action?: string
  /** District days, both included. */
  from?: CalendarDay
  to?: CalendarDay
}

export const AUDIT_PATH = '/audit'

/** The audit page with these filters, days written as the form writes them; page 1 is left out. */
export function auditHref(filter: AuditFilter, page = 1): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filter))
    if (value !== undefined) params.set(name, name === 'from' || name === 'to' ? formatDay(value) : value)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `${AUDIT_PATH}?${search}` : AUDIT_PATH
}
