// How many assignments stand where: the numbers every progress view shows. The database keeps
// today's per unit and per task (lib/queries/progress-counts.ts, with the migration's SQL function
// progress_terms); a past day's are counted from the history (lib/queries/progress-rule.ts).
// progressTerms is the same rule for one assignment, here in TypeScript; progress-rule.test.ts
// holds the three to one table of cases.
import { dateColumnDay, districtDay } from './calendar'
import { displayStatus, isDueSoon, isLate, isOverdue, type AssignmentTiming } from './status'

export type StatusCounts = {
  assigned: number
  /** Done by the due date (district days). */
  doneOnTime: number
  doneLate: number
  inProgress: number
  blocked: number
  notStarted: number
  /** Not done, due date before today; also counted in inProgress / blocked / notStarted. */
  overdue: number
  /** Not done, due within the next 14 days (today included). */
  dueSoon: number
  /** Average progress, 0-100 (0 when nothing is assigned). */
  progress: number
}

/** StatusCounts and the overview's two more counts. */
export type ProgressCounts = StatusCounts & {
  /** Deadline today or past, whatever the status. */
  due: number
  /** Overdue or blocked: the work to chase (isLate). */
  late: number
}

/** What one assignment adds to each count of ProgressCounts on the day `now` falls on (`progress`: its own). */
export function progressTerms(a: AssignmentTiming & { progress: number }, now: Date): ProgressCounts {
  const display = displayStatus(a, now)
  return {
    assigned: 1,
    doneOnTime: Number(display === 'doneOnTime'),
    doneLate: Number(display === 'doneLate'),
    inProgress: Number(a.status === 'IN_PROGRESS'),
    blocked: Number(a.status === 'BLOCKED'),
    notStarted: Number(a.status === 'NOT_STARTED'),
    overdue: Number(isOverdue(a, now)),
    dueSoon: Number(isDueSoon(a, now)),
    due: Number(dateColumnDay(a.dueDate) <= districtDay(now)),
    late: Number(isLate(a, now)),
    progress: a.progress,
  }
}

/** Done on time out of everything whose deadline has been met or missed; null when there is none yet. */
export function onTimeShare(c: StatusCounts): number | null {
  const judged = c.doneOnTime + c.doneLate + c.overdue
  return judged === 0 ? null : c.doneOnTime / judged
}
