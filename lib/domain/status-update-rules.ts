// The rules a status report must follow beyond its field formats (issue 3): they depend on the
// assignment's current state and deadline.
import { dateColumnDay, formatDay, type CalendarDay } from './calendar'
import type { TaskStatus } from './status'

export type ReportedState = { status: TaskStatus; progress: number }

/** Marking done means the whole task is done. */
export function effectiveProgress(reported: ReportedState): number {
  return reported.status === 'DONE' ? 100 : reported.progress
}

export type NoteRequirement =
  | { reason: 'blocked' }
  | { reason: 'progressDown'; previous: number }
  | { reason: 'late'; due: string }

/**
 * Why a note is required for this report, or null: a blocked task must say what blocks it, lower
 * progress must be explained, and so must a task marked done after its due date.
 */
export function noteRequirement(
  reported: ReportedState,
  current: { progress: number; status: TaskStatus; dueDate: Date },
  today: CalendarDay,
): NoteRequirement | null {
  if (reported.status === 'BLOCKED') return { reason: 'blocked' }
  if (effectiveProgress(reported) < current.progress) return { reason: 'progressDown', previous: current.progress }
  const due = dateColumnDay(current.dueDate)
  if (reported.status === 'DONE' && current.status !== 'DONE' && today > due) return { reason: 'late', due: formatDay(due) }
  return null
}

/** When the task was completed, as the assignment records it after this report. */
export function completionTime(reported: TaskStatus, current: { status: TaskStatus; completedAt: Date | null }, now: Date): Date | null {
  if (reported !== 'DONE') return null
  return current.status === 'DONE' && current.completedAt ? current.completedAt : now
}
