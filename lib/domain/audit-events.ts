// What the audit trail's actions and entities mean to a reader: the label of each action the app
// records (lib/auth/audit-events, lib/actions, lib/reports), of each kind of record, and where a
// record's page is. Anything not listed here is shown as it is stored.
import { formatDay, type CalendarDay } from './calendar'
import { assignmentHref, communeHref, memberHref, taskHref, unitPageHref } from './paths'

/** The actions the app records, each with its label under `audit.action` in the messages. */
export const AUDIT_ACTIONS = {
  'auth.sign_in': 'signIn',
  'auth.sign_in_failed': 'signInFailed',
  'auth.sign_out': 'signOut',
  'statusUpdate.create': 'statusUpdate',
  'statusUpdate.review': 'review',
  'comment.create': 'comment',
  'export.create': 'export',
  'report.create': 'report',
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
  'user.reset_password': 'passwordReset',
  'user.unlocked': 'unlock',
  'user.unlock': 'unlock',
  'user.two_factor_reset': 'twoFactorReset',
  'user.reset_two_factor': 'twoFactorReset',
  'unit.create': 'unitCreate',
  'unit.update': 'unitUpdate',
  'unit.deactivate': 'unitDeactivate',
  'unit.reactivate': 'unitReactivate',
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
  'reportingPeriod.create': 'periodCreate',
  'reportingPeriod.lock': 'periodLock',
  'reportingPeriod.unlock': 'periodUnlock',
  'import.apply': 'importApply',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/** A review's event says in its `after` whether the update was confirmed or returned. */
export type ActionLabelKey = (typeof AUDIT_ACTIONS)[AuditAction] | 'reviewConfirm' | 'reviewReturn'

/** lib/actions/audit.ts records a refused write as its action with this suffix. */
const REFUSED = '.refused'

/** The writes whose refusals are recorded (recordRefusal's callers), and the downloads. */
const REFUSABLE: readonly AuditAction[] = [
  'statusUpdate.create',
  'statusUpdate.review',
  'comment.create',
  'export.create',
  'report.create',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.reset_password',
  'user.unlock',
  'user.reset_two_factor',
  'unit.create',
  'unit.update',
  'unit.deactivate',
  'unit.reactivate',
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
  'reportingPeriod.create',
  'reportingPeriod.lock',
  'reportingPeriod.unlock',
  'import.apply',
]

/** The choices of the action filter: every labelled action, then the refusals. */
export const AUDIT_ACTION_CHOICES: readonly string[] = [...Object.keys(AUDIT_ACTIONS), ...REFUSABLE.map((action) => `${action}${REFUSED}`)]

const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action)

/** The label of a stored action, and whether it was refused; null for an action this list does not know. */
export function actionLabel(action: string, after: unknown): { key: ActionLabelKey; refused: boolean } | null {
  const refused = action.endsWith(REFUSED)
  const base = refused ? action.slice(0, -REFUSED.length) : action
  if (!isAuditAction(base)) return null
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
