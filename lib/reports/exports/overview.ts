// The district overview (/): its summary counts, progress per task group, indicators, the communes
// ranking and the overdue and blocked list, one sheet each; the CSV carries the ranking.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import { statusLabelsOf } from '@/lib/domain/status'
import { nameValues } from '@/lib/domain/organisation'
import { onTimeShare } from '@/lib/domain/status-counts'
import { communeProgressList } from '@/lib/queries/communes'
import { organisationOn } from '@/lib/queries/organisation'
import { overviewFigures } from '@/lib/queries/overview-page'
import { exportSource, fileStem, type Cell, type ExportDocument, type Sheet, type Translate } from './table'

const BY_STATUS = ['doneOnTime', 'doneLate', 'overdue', 'blocked', 'inProgress', 'notStarted'] as const

const percent = (share: number) => Math.round(share * 100)

/** `search` may carry `asOf` (YYYY-MM-DD): the figures as the history says they stood then. */
export async function overviewExport(t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument> {
  const source = exportSource(search, now, reader)
  const { day: today, at } = source
  // The page shows the ranking's two ends; the file ranks every commune.
  const [{ progress, indicators, late }, communes, organisation] = await Promise.all([overviewFigures(source), communeProgressList(source, 'progress'), organisationOn(today, reader.scopeUnitId)])
  const { total } = progress
  const share = onTimeShare(total)
  const summaryRows: Cell[][] = [
    [t('exports.summary.assigned'), total.assigned],
    [t('exports.summary.due'), total.due],
    [t('exports.summary.done'), total.doneOnTime + total.doneLate],
    [t('exports.summary.onTimeShare'), share === null ? t('exports.none') : percent(share)],
    ...BY_STATUS.map((kind): Cell[] => [{ labels: [kind] }, total[kind]]),
  ]
  const summary: Sheet = {
    name: t('exports.sheets.summary'),
    columns: [
      { header: t('exports.columns.item'), width: 40 },
      { header: t('exports.columns.value'), width: 14 },
    ],
    rowCount: summaryRows.length,
    rows: summaryRows,
  }
  const groups: Sheet = {
    name: t('exports.sheets.groups'),
    columns: [
      { header: t('exports.columns.group'), width: 60 },
      { header: t('exports.columns.progress'), width: 12 },
      { header: t('exports.columns.done'), width: 12 },
      { header: t('exports.columns.assigned'), width: 12 },
    ],
    rowCount: progress.groups.length,
    rows: progress.groups.map((g) => [g.name, g.progress, g.doneOnTime + g.doneLate, g.assigned]),
    totals: [t('exports.total'), total.progress, 'sum', 'sum'],
  }
  // Each kind in its own terms: a CONDITION indicator has no baseline nor target and its result is
  // the units that meet it ("4" of "8" assigned); a PER_UNIT one's target is the sum of the units' own.
  const indicatorSheet: Sheet = {
    name: t('exports.sheets.indicators'),
    columns: [
      { header: t('exports.columns.task'), width: 60 },
      { header: t('exports.columns.indicatorKind'), width: 22 },
      { header: t('exports.columns.measure'), width: 16 },
      { header: t('exports.columns.baseline'), width: 12 },
      { header: t('exports.columns.target'), width: 12 },
      { header: t('exports.columns.actual'), width: 12 },
      { header: t('exports.columns.unitsMet'), width: 14 },
      { header: t('exports.columns.share'), width: 14 },
      { header: t('exports.columns.reported'), width: 14 },
      { header: t('exports.columns.assigned'), width: 12 },
    ],
    rowCount: indicators.length,
    rows: indicators.map((i) => [
      i.title,
      t(`exports.indicatorKinds.${i.kind}`),
      i.unit,
      i.kind === 'CONDITION' ? null : Number(i.baseline ?? 0),
      i.kind === 'CONDITION' ? null : i.kind === 'PER_UNIT' ? (i.targetSum === null ? null : Number(i.targetSum)) : Number(i.target),
      i.kind === 'CONDITION' ? null : Number(i.actual),
      i.kind === 'SUM' ? null : i.met,
      i.share === null ? null : percent(i.share),
      i.reported,
      i.assigned,
    ]),
  }
  const ranking: Sheet = {
    name: t('exports.sheets.ranking'),
    columns: [
      { header: t('exports.columns.rank'), width: 10 },
      { header: t('exports.columns.commune'), width: 28 },
      { header: t('exports.columns.progress'), width: 12 },
      { header: t('exports.columns.overdue'), width: 12 },
    ],
    rowCount: communes.length,
    rows: communes.map((c, i) => [i + 1, c.name, c.progress, c.overdue]),
    totals: [t('exports.total'), null, null, 'sum'],
  }
  const lateSheet: Sheet = {
    name: t('exports.sheets.late'),
    columns: [
      { header: t('exports.columns.task'), width: 60 },
      { header: t('exports.columns.unit'), width: 28 },
      { header: t('exports.columns.dueDate'), width: 14 },
      { header: t('exports.columns.member'), width: 28 },
      { header: t('exports.columns.status'), width: 28 },
    ],
    rowCount: late.length,
    rows: late.map((row) => [
      row.title,
      row.unitName,
      { day: dateColumnDay(row.dueDate) },
      row.memberName ?? t('overview.noMember'),
      { labels: statusLabelsOf(row, at) },
    ]),
  }
  return {
    // The district as it was named on the figures' day.
    title: t('exports.title', { subject: t('exports.organisation', nameValues(organisation?.home ?? null)), date: formatDay(today) }),
    fileStem: fileStem(['tien-do-toan-huyen'], today),
    sheets: [summary, groups, indicatorSheet, ranking, lateSheet],
    csvSheet: 3,
  }
}
