import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { ProgressBar } from '@/components/progress-bar'
import { assignmentHref } from '@/lib/domain/paths'
import { dateColumnDay, daysBetween, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import type { OverdueAssignment } from '@/lib/queries/member-progress'
import { ScrollTable } from '@/components/scroll-table'

/** Overdue work: where, what, since when, and where it stands. Scrolls sideways on a phone. */
export function OverdueTable({ rows, today, emptyMessage }: { rows: OverdueAssignment[]; today: CalendarDay; emptyMessage: string }) {
  const t = useTranslations('members.overdue')
  const tStatus = useTranslations('assignment.taskStatus')
  if (rows.length === 0) return <p className="text-slate-700">{emptyMessage}</p>
  return (
    <ScrollTable caption={t('caption')} className="min-w-[40rem]">
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('task')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('unit')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('dueDate')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('status')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('progress')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const due = dateColumnDay(row.dueDate)
          return (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={assignmentHref(row.unitCode, row.taskCode)} className="text-blue-800 underline-offset-2 hover:underline">
                  {row.taskTitle}
                </Link>
              </th>
              <td className="px-3 py-2">{row.unitName}</td>
              <td className="px-3 py-2 tabular-nums">
                {formatDay(due)}
                <span className="block font-semibold text-red-800">{t('daysLate', { days: daysBetween(due, today) })}</span>
              </td>
              <td className="px-3 py-2">{tStatus(row.status)}</td>
              <td className="px-3 py-2">
                <ProgressBar value={row.progress} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </ScrollTable>
  )
}
