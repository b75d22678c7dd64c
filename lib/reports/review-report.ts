// The review report of a reporting period ("báo cáo sơ kết / tổng kết"): what was known at the end
// of the period (or today, while it runs), read from the history through the overview's queries.
// The DOCX and PDF builders render the same ReviewReportData through review-report-text.ts.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { ProgressCounts } from '@/lib/domain/status-counts'
import { communeProgressList, type CommuneProgress } from '@/lib/queries/communes'
import {
  indicatorResults,
  lateAssignments,
  perUnitFigures,
  progressByGroup,
  type GroupProgress,
  type IndicatorResult,
  type LateAssignment,
  type UnitIndicatorFigure,
} from '@/lib/queries/district-overview'
import { progressSource, withinScope } from '@/lib/queries/progress-source'
import { organisationOn, type Organisation } from '@/lib/queries/organisation'
import { notesAsOf, type StandingNote } from '@/lib/queries/review-report'
import { taskProgressList, type TaskProgress } from '@/lib/queries/task-progress'
import type { ReportingPeriod } from '@/lib/queries/reporting-rate'
import type { ReportRangeInput } from '@/lib/validation/report-range'

/** The blocked and overdue items the report lists by name; the count covers them all. */
export const REPORT_LATE_LIMIT = 200
/** The units of a per-unit indicator the report names with their figure and target. */
export const REPORT_UNIT_FIGURES_LIMIT = 50

export type ReportLateItem = LateAssignment & { note: StandingNote | null }

/** What a report covers: a reporting period, or a range of days with no name of its own. */
export type ReportRange = Pick<ReportingPeriod, 'code' | 'kind' | 'startDay' | 'endDay'> & { name: string | null }

/** A range of the clerk's choosing, coded for the file name: so-ket-tu-2026-06-01. */
export function customRange(input: ReportRangeInput): ReportRange {
  return { code: `${input.kind === 'FINAL' ? 'tong-ket' : 'so-ket'}-tu-${input.from}`, name: null, kind: input.kind, startDay: input.from, endDay: input.to }
}

export type ReviewReportData = {
  period: ReportRange
  /** The district day the report speaks of: the period's last day, or today while it runs. */
  asOfDay: CalendarDay
  /** The issuing body and the province above it, with their names on asOfDay; null when the tree names none. */
  organisation: Organisation | null
  totals: ProgressCounts
  groups: GroupProgress[]
  indicators: IndicatorResult[]
  /** Each PER_UNIT indicator's units with their own target: "Xã Minh Cầm: 5/12". */
  unitFigures: UnitIndicatorFigure[]
  communes: CommuneProgress[]
  late: ReportLateItem[]
  /** Each task assigned somewhere, with its counts and its group's lead: the per-task annex. */
  tasks: TaskProgress[]
}

/** The report as the actor may read it: every figure, and the notes of the assignments whose details they read. */
export async function reviewReportData(actor: Actor, period: ReportRange, now: Date): Promise<ReviewReportData> {
  const source = withinScope(progressSource(period.endDay, now), actor)
  const [organisation, progress, indicators, unitFigures, communes, late, tasks] = await Promise.all([
    organisationOn(source.day, actor.scopeUnitId),
    progressByGroup(source, null),
    indicatorResults(source),
    perUnitFigures(source, REPORT_UNIT_FIGURES_LIMIT),
    communeProgressList(source, 'list'),
    lateAssignments(source, null, REPORT_LATE_LIMIT),
    taskProgressList(source),
  ])
  const notes = await notesAsOf(
    actor,
    late.map((item) => item.id),
    source.at,
  )
  return {
    period,
    asOfDay: source.day,
    organisation,
    totals: progress.total,
    groups: progress.groups,
    indicators,
    unitFigures,
    communes,
    late: late.map((item) => ({ ...item, note: notes.get(item.id) ?? null })),
    tasks: tasks.filter((task) => task.assigned > 0),
  }
}
