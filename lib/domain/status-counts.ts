// How many assignments stand where: the numbers every progress view shows (counted in SQL by
// lib/queries/status-counts.ts).

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

/** Done on time out of everything whose deadline has been met or missed; null when there is none yet. */
export function onTimeShare(c: StatusCounts): number | null {
  const judged = c.doneOnTime + c.doneLate + c.overdue
  return judged === 0 ? null : c.doneOnTime / judged
}
