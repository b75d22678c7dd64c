// Reporting cycles ("kỳ báo cáo tháng / quý"): a task reports monthly or quarterly by day N. As a
// district office reads "báo cáo tháng, trước ngày N" (and as Decree 09/2019/NĐ-CP closes a monthly
// report's figures within the month reported on, a quarter's within its last month), the report of
// month M is due by day N of month M, a quarter's by day N of its last month. A cycle runs from the day after the previous deadline to its own, so
// every day lies in exactly one cycle. The SQL function report_cycle_deadline (migration
// 20261207160000_reporting_cadence) computes the same deadline for the queries.
import { addDays, type CalendarDay } from './calendar'

export const REPORT_CADENCES = ['NONE', 'MONTHLY', 'QUARTERLY'] as const
export type ReportCadenceKind = (typeof REPORT_CADENCES)[number]
export const REPORT_DAY_MIN = 1
/** Every month has a 28th: a deadline never falls off the end of a month. */
export const REPORT_DAY_MAX = 28

export type Cadence = { kind: 'MONTHLY' | 'QUARTERLY'; day: number }

export type ReportCycle = {
  kind: Cadence['kind']
  /** `2026-11` for a month, `2026-Q4` for a quarter: the cycle picker's key. */
  key: string
  year: number
  /** The month (1-12) or the quarter (1-4). */
  number: number
  /** The first day of the cycle: the day after the previous deadline. */
  startDay: CalendarDay
  /** The last day a report counts as on time. */
  deadline: CalendarDay
}

const monthsOf = (kind: Cadence['kind']) => (kind === 'MONTHLY' ? 1 : 3)

/** The cadence a task reports at: its own, else its group's; null when neither has one. */
export function effectiveCadence(
  task: { reportCadence: ReportCadenceKind | null; reportDay: number | null },
  group: { reportCadence: ReportCadenceKind; reportDay: number | null },
): Cadence | null {
  const own = task.reportCadence !== null
  const kind = own ? task.reportCadence : group.reportCadence
  const day = own ? task.reportDay : group.reportDay
  return kind === 'NONE' || kind === null || day === null ? null : { kind, day }
}

/** Day `day` of the month `months` months after year/month (1-12). */
function dayOfMonth(year: number, month: number, months: number, day: number): CalendarDay {
  const index = year * 12 + (month - 1) + months
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The cycle whose deadline is `deadline` (a deadline of `cadence`). */
function cycleEndingOn(cadence: Cadence, deadline: CalendarDay): ReportCycle {
  const year = Number(deadline.slice(0, 4))
  const month = Number(deadline.slice(5, 7))
  const previous = dayOfMonth(year, month, -monthsOf(cadence.kind), cadence.day)
  const quarter = Math.ceil(month / 3)
  return {
    kind: cadence.kind,
    key: cadence.kind === 'MONTHLY' ? deadline.slice(0, 7) : `${year}-Q${quarter}`,
    year,
    number: cadence.kind === 'MONTHLY' ? month : quarter,
    startDay: addDays(previous, 1),
    deadline,
  }
}

/** The cycle `day` lies in: the first deadline on or after it. */
export function cycleOf(cadence: Cadence, day: CalendarDay): ReportCycle {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const months = monthsOf(cadence.kind)
  const lastMonth = Math.ceil(month / months) * months
  const base = dayOfMonth(year, lastMonth, 0, cadence.day)
  return cycleEndingOn(cadence, base >= day ? base : dayOfMonth(year, lastMonth, months, cadence.day))
}

/** The cycle before `cycle`. */
export function previousCycle(cadence: Cadence, cycle: ReportCycle): ReportCycle {
  return cycleOf(cadence, addDays(cycle.startDay, -1))
}

/** The latest cycle whose deadline has passed on `day`: the one whose missing reports are late. */
export function lastClosedCycle(cadence: Cadence, day: CalendarDay): ReportCycle {
  return previousCycle(cadence, cycleOf(cadence, day))
}
