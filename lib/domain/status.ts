// Task statuses as recorded, and the status a reader sees: overdue and done-late are derived
// from the due date and the completion time (in district days), never stored.
import { dateColumnDay, daysBetween, districtDay } from './calendar'

export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** Display statuses, each with its own label and colour (DESIGN.md: never colour alone). */
export const DISPLAY_STATUSES = ['doneOnTime', 'doneLate', 'overdue', 'blocked', 'inProgress', 'notStarted'] as const
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number]

/** A deadline this close (in days) is flagged so it is chased before it passes. */
export const DUE_SOON_DAYS = 14

export type AssignmentTiming = {
  status: TaskStatus
  /** The task's due date, as Prisma returns a DATE column. */
  dueDate: Date
  completedAt: Date | null
}

export function isOverdue(a: AssignmentTiming, now: Date): boolean {
  return a.status !== 'DONE' && dateColumnDay(a.dueDate) < districtDay(now)
}

/** Work to chase: not done, and overdue or blocked. */
export function isLate(a: AssignmentTiming, now: Date): boolean {
  return a.status !== 'DONE' && (isOverdue(a, now) || a.status === 'BLOCKED')
}

/**
 * What the reader is told about an assignment. Overdue outranks blocked: a blocked task past its
 * deadline is first of all late (the page still shows the blocked label beside it).
 */
export function displayStatus(a: AssignmentTiming, now: Date): DisplayStatus {
  if (a.status === 'DONE') {
    // Without a completion time there is no evidence of lateness; do not accuse the unit.
    if (!a.completedAt) return 'doneOnTime'
    return districtDay(a.completedAt) <= dateColumnDay(a.dueDate) ? 'doneOnTime' : 'doneLate'
  }
  if (isOverdue(a, now)) return 'overdue'
  if (a.status === 'BLOCKED') return 'blocked'
  if (a.status === 'IN_PROGRESS') return 'inProgress'
  return 'notStarted'
}

/** Not done, not yet overdue, and due within DUE_SOON_DAYS days (today included). */
export function isDueSoon(a: AssignmentTiming, now: Date): boolean {
  if (a.status === 'DONE') return false
  const left = daysBetween(districtDay(now), dateColumnDay(a.dueDate))
  return left >= 0 && left <= DUE_SOON_DAYS
}

/** The labels an assignment shows and is filtered by: its display status, plus "due soon". */
export type StatusLabel = DisplayStatus | 'dueSoon'
/** In the order leaders chase them: late work first. */
export const STATUS_LABELS = ['overdue', 'dueSoon', 'blocked', 'inProgress', 'notStarted', 'doneOnTime', 'doneLate'] as const satisfies readonly StatusLabel[]

/** The labels an assignment shows: its display status, "blocked" when overdue hides it, and "due soon". */
export function statusLabelsOf(a: AssignmentTiming, now: Date): StatusLabel[] {
  const display = displayStatus(a, now)
  const labels: StatusLabel[] = [display]
  if (a.status === 'BLOCKED' && display !== 'blocked') labels.push('blocked')
  if (isDueSoon(a, now)) labels.push('dueSoon')
  return labels
}

/** DESIGN.md's colour convention, by name; each medium (a badge, a spreadsheet cell) paints it its own way. */
export type StatusTone = 'green' | 'blue' | 'orange' | 'red' | 'grey' | 'violet' | 'amber'

export const STATUS_TONES: Readonly<Record<StatusLabel, StatusTone>> = {
  doneOnTime: 'green',
  inProgress: 'blue',
  doneLate: 'orange',
  overdue: 'red',
  notStarted: 'grey',
  blocked: 'violet',
  dueSoon: 'amber',
}
