// A table of status counts as the pages' StatusCountsTable shows it (components/tasks/
// status-counts-table.tsx): the row's name, overdue, progress, then what is assigned and how it
// breaks down; a totals row adds up the counts.
import 'server-only'
import type { StatusCounts } from '@/lib/domain/status-counts'
import type { Sheet, Translate } from './table'

const BREAKDOWN = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted'] as const

export function countsSheet(name: string, rowHeader: string, rows: { name: string; counts: StatusCounts }[], t: Translate): Sheet {
  return {
    name,
    columns: [
      { header: rowHeader, width: 40 },
      { header: t('status.overdue'), width: 12 },
      { header: t('exports.columns.progress'), width: 12 },
      ...BREAKDOWN.map((column) => ({ header: column === 'assigned' ? t('exports.columns.assigned') : t(`status.${column}`), width: 14 })),
    ],
    rowCount: rows.length,
    rows: rows.map(({ name: label, counts }) => [label, counts.overdue, counts.progress, ...BREAKDOWN.map((column) => counts[column])]),
    totals: [t('exports.total'), 'sum', null, ...BREAKDOWN.map(() => 'sum' as const)],
  }
}
