// A unit's assignment list (/units/[code]?status=…&group=…&review=returned) with the filters the
// page applies, and the sheet a commune's export shares. The reports' notes and the reviewers'
// comments are columns only for a reader of the details (READ_RULES).
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { dateColumnDay, districtDay, formatDay } from '@/lib/domain/calendar'
import { CONDITION_YES, type UnitIndicator } from '@/lib/domain/indicator'
import { statusLabelsOf } from '@/lib/domain/status'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import type { LatestReport } from '@/lib/queries/latest-report'
import { applicableFilter, filterAssignments, unitAssignments, unitFilterSchema, type UnitAssignments, type UnitTaskGroup } from '@/lib/queries/unit-assignments'
import { exportSource, fileStem, type Cell, type ExportDocument, type Sheet, type Translate } from './table'

/** The latest report's review state; for one the office entered on the unit's behalf, who entered it and how the unit sent it. */
export function latestReportCell(t: Translate, report: LatestReport, unitName: string): Cell {
  if (!report.latestReview) return t('unit.noReport')
  const state = t(`assignment.review.${report.latestReview}`)
  const onBehalf = report.latestOnBehalf
  return onBehalf ? `${state} (${onBehalf.authorName}, ${t('assignment.onBehalf', { unit: unitName, via: onBehalf.via })})` : state
}

/** What the latest report's confirmer wrote, after their name. */
export const reviewCommentCell = (report: LatestReport): Cell => report.latestReviewComment && `${report.latestReviewComment.reviewerName}: ${report.latestReviewComment.note}`

export const memberCell = (member: { name: string; title: string } | null): Cell => member && `${member.name} (${member.title})`

/**
 * The sheet of a unit's assignments a clerk writes from: each with its state, its indicator, the
 * latest report's day, review state and (for a reader of the details) what it said and what its
 * confirmer wrote, and the member in charge of the unit.
 */
export function assignmentSheet(t: Translate, found: UnitAssignments, groups: UnitTaskGroup[], at: Date): Sheet {
  const { unit, commentsReadable } = found
  const member = memberCell(unit.member)
  const rows = groups.flatMap((group) =>
    group.assignments.map((a): Cell[] => [
      group.name,
      a.title,
      { labels: statusLabelsOf(a, at) },
      a.progress,
      indicatorActualCell(t, a.indicator),
      a.indicator && a.indicator.kind !== 'CONDITION' && a.indicator.target !== null ? Number(a.indicator.target) : null,
      a.indicator?.unit ?? null,
      { day: dateColumnDay(a.dueDate) },
      a.latestReportedAt && { day: districtDay(a.latestReportedAt) },
      latestReportCell(t, a, unit.name),
      ...(commentsReadable ? [a.latestNote, reviewCommentCell(a)] : []),
      member,
    ]),
  )
  return {
    name: t('exports.sheets.assignments'),
    columns: [
      { header: t('exports.columns.group'), width: 36 },
      { header: t('exports.columns.task'), width: 60 },
      { header: t('exports.columns.status'), width: 28 },
      { header: t('exports.columns.progress'), width: 12 },
      { header: t('exports.columns.actual'), width: 12 },
      { header: t('exports.columns.target'), width: 12 },
      { header: t('exports.columns.measure'), width: 16 },
      { header: t('exports.columns.dueDate'), width: 14 },
      { header: t('exports.columns.latestReportDay'), width: 14 },
      { header: t('exports.columns.latestReport'), width: 18 },
      ...(commentsReadable ? [{ header: t('exports.columns.latestNote'), width: 60 }, { header: t('exports.columns.reviewComment'), width: 48 }] : []),
      { header: t('exports.columns.member'), width: 36 },
    ],
    rowCount: rows.length,
    rows,
  }
}

/** null when no active unit has this code. */
export async function unitExport(code: string, t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument | null> {
  const source = exportSource(search, now, reader)
  const { day: today, at } = source
  const parsed = unitCodeSchema.safeParse(code)
  const found = parsed.success ? await unitAssignments(source, parsed.data, reader) : null
  if (!found) return null
  const { unit, groups } = found
  const filter = applicableFilter(groups, unitFilterSchema.parse(Object.fromEntries(search)))
  const filterNames = [
    filter.status && t(`status.${filter.status}`),
    groups.find((g) => g.code === filter.group)?.name,
    filter.review && t('unit.filter.returnedName'),
  ].filter((name) => name !== undefined)
  const subject = filterNames.length === 0 ? unit.name : t('exports.filtered', { unit: unit.name, filter: filterNames.join(', ') })
  return {
    title: t('exports.title', { subject, date: formatDay(today) }),
    fileStem: fileStem(['nhiem-vu', unit.code, filterNames.length === 0 ? '' : 'da-loc'], today),
    sheets: [assignmentSheet(t, found, filterAssignments(groups, filter, at), at)],
    csvSheet: 0,
  }
}

/** A unit's figure; a condition's answer in words ("Đạt", "Chưa đạt"). */
function indicatorActualCell(t: Translate, indicator: UnitIndicator | null): Cell {
  if (indicator?.actual == null) return null
  if (indicator.kind === 'CONDITION') return t(indicator.actual === CONDITION_YES ? 'assignment.indicator.met' : 'assignment.indicator.notMet')
  return Number(indicator.actual)
}
