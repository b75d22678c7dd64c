import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import type { StatusCounts } from '@/lib/domain/status-counts'
import { ProgressBar } from '@/components/progress-bar'
import { ScrollTable } from '@/components/scroll-table'

export type CountsRow = {
  key: string
  /** The row's heading, usually a link to its page. */
  label: ReactNode
  /** A line under the heading (a due date, an indicator). */
  detail?: ReactNode
  counts: StatusCounts
}

/** What is assigned and how it breaks down; overdue, what leaders chase first, stands before progress. */
const breakdown = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'blocked', 'notStarted'] as const

/**
 * Status counts per row (task group, unit or task). Fixed columns so that the numbers line up from
 * one table to the next; on a phone the table scrolls sideways in its own box, the heading and the
 * overdue count in view first.
 */
export function StatusCountsTable({ caption, rowHeading, rows }: { caption: string; rowHeading: string; rows: CountsRow[] }) {
  const t = useTranslations('tasks.counts')
  const tStatus = useTranslations('status')
  const heading = (column: (typeof breakdown)[number]) => (column === 'assigned' ? t('assigned') : tStatus(column))
  const numberCell = 'px-2 py-2 text-right tabular-nums'
  return (
    <ScrollTable caption={caption} className="min-w-[56rem] table-fixed">
      <colgroup>
        <col />
        <col className="w-20" />
        <col className="w-44" />
        {breakdown.map((column) => (
          <col key={column} className="w-20" />
        ))}
      </colgroup>
      <thead className="bg-slate-100 text-left align-bottom text-slate-700">
        <tr>
          <th scope="col" className="sticky left-0 bg-slate-100 px-3 py-2 font-semibold">
            {rowHeading}
          </th>
          <th scope="col" className="px-2 py-2 text-right font-semibold">
            {tStatus('overdue')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('progress')}
          </th>
          {breakdown.map((column) => (
            <th key={column} scope="col" className="px-2 py-2 text-right font-semibold">
              {heading(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-200 align-top">
            <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium">
              {row.label}
              {row.detail && <span className="mt-0.5 block text-xs font-normal text-slate-600">{row.detail}</span>}
            </th>
            <td className={`${numberCell} ${row.counts.overdue > 0 ? 'font-semibold text-red-800' : ''}`}>{row.counts.overdue}</td>
            <td className="px-3 py-2">
              <ProgressBar value={row.counts.progress} />
            </td>
            {breakdown.map((column) => (
              <td key={column} className={numberCell}>
                {row.counts[column]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  )
}
