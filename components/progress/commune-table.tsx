// Every commune-level unit with its progress, member in charge and counts. On a phone the member
// moves under the unit's name and the table scrolls sideways inside its box, the unit kept in view;
// the progress comes right after the unit, so that at 360 px it shows without scrolling.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { ProgressBar } from '@/components/progress-bar'
import type { CommuneProgress } from '@/lib/queries/communes'
import { ScrollTable } from '@/components/scroll-table'
import { communeHref } from '@/lib/domain/paths'

// Overdue right after assigned: it is what leaders chase first.
const COUNTS = ['assigned', 'overdue', 'done', 'inProgress', 'blocked', 'notStarted'] as const

function Member({ row, withTitle }: { row: CommuneProgress; withTitle: boolean }) {
  const t = useTranslations('overview')
  if (!row.memberName) return <span className="text-slate-600">{t('noMember')}</span>
  return (
    <>
      <span className="block">{row.memberName}</span>
      {withTitle && <span className="block text-xs text-slate-600">{row.memberTitle}</span>}
    </>
  )
}

export function CommuneTable({ rows }: { rows: CommuneProgress[] }) {
  const t = useTranslations('overview')
  if (rows.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  const count = (row: CommuneProgress, column: (typeof COUNTS)[number]) => (column === 'done' ? row.doneOnTime + row.doneLate : row[column])
  return (
    <ScrollTable caption={t('caption')} className="min-w-[40rem] sm:min-w-[52rem]">
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className="sticky left-0 bg-slate-100 px-3 py-2 font-semibold">
            {t('unit')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('progress')}
          </th>
          <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">
            {t('member')}
          </th>
          {COUNTS.map((column) => (
            <th key={column} scope="col" className="px-3 py-2 text-right font-semibold">
              {t(column)}
            </th>
          ))}
        </tr>
      </thead>
      {/* `.commune-rows` (app/globals.css) styles every row: a page has a hundred. */}
      <tbody className="commune-rows">
        {rows.map((row) => (
          <tr key={row.unitId}>
            <th scope="row">
              <Link href={communeHref(row.code)}>{row.name}</Link>
              <span className="member-under">
                <Member row={row} withTitle={false} />
              </span>
            </th>
            <td className="progress">
              <ProgressBar value={row.progress} />
            </td>
            <td className="member">
              <Member row={row} withTitle />
            </td>
            {COUNTS.map((column) => (
              <td key={column} className={column === 'overdue' && row.overdue > 0 ? 'late' : undefined}>
                {count(row, column)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  )
}
