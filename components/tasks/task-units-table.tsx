import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { IndicatorNumber } from '@/components/indicator-value'
import { IndicatorTotal } from '@/components/tasks/indicator-total'
import { CONDITION_YES } from '@/lib/domain/indicator'
import { ProgressBar } from '@/components/progress-bar'
import { assignmentHref } from '@/lib/domain/paths'
import { StatusBadges } from '@/components/status-badge'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import type { TaskProgress, TaskUnitRow } from '@/lib/queries/task-progress'
import { statusLabelsOf } from '@/lib/domain/status'
import { ScrollTable } from '@/components/scroll-table'

type Props = {
  task: TaskProgress
  rows: TaskUnitRow[]
  now: Date
}

/**
 * The task across the units: one row per unit with its status, progress, figure and last update,
 * and the district's line at the foot. Scrolls sideways on a phone, the unit kept in view.
 */
export function TaskUnitsTable({ task, rows, now }: Props) {
  const t = useTranslations('tasks.units')
  const { indicator } = task
  const cell = 'px-3 py-2'
  return (
    <ScrollTable caption={t('caption')} className="min-w-[40rem]">
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className={`sticky left-0 bg-slate-100 font-semibold ${cell}`}>
            {t('unit')}
          </th>
          <th scope="col" className={`font-semibold ${cell}`}>
            {t('status')}
          </th>
          <th scope="col" className={`font-semibold ${cell}`}>
            {t('progress')}
          </th>
          {indicator && (
            <th scope="col" className={`text-right font-semibold ${cell}`}>
              {t('indicator', { unit: indicator.unit })}
            </th>
          )}
          {indicator?.kind === 'PER_UNIT' && (
            <th scope="col" className={`text-right font-semibold ${cell}`}>
              {t('unitTarget')}
            </th>
          )}
          <th scope="col" className={`font-semibold ${cell}`}>
            {t('lastUpdate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.assignmentId} className="border-t border-slate-200 align-top">
            <th scope="row" className={`sticky left-0 min-w-36 bg-white text-left font-medium ${cell}`}>
              <Link href={assignmentHref(row.unitCode, task.code)} className="text-blue-800 underline-offset-2 hover:underline">
                {row.unitName}
              </Link>
            </th>
            <td className={cell}>
              <span className="flex flex-wrap gap-1.5 [&>span]:whitespace-nowrap">
                <StatusBadges labels={statusLabelsOf({ status: row.status, dueDate: task.dueDate, completedAt: row.completedAt }, now)} />
              </span>
            </td>
            <td className={cell}>
              <ProgressBar value={row.progress} />
            </td>
            {indicator && (
              <td className={`text-right ${cell}`}>
                {indicator.kind === 'CONDITION' && row.indicatorActual !== null ? (
                  t(row.indicatorActual === CONDITION_YES ? 'met' : 'notMet')
                ) : (
                  <IndicatorNumber value={row.indicatorActual} />
                )}
              </td>
            )}
            {indicator?.kind === 'PER_UNIT' && (
              <td className={`text-right ${cell}`}>
                <IndicatorNumber value={row.unitTarget} />
              </td>
            )}
            <td className={`tabular-nums ${cell}`}>
              {row.lastUpdateAt ? formatDay(districtDay(row.lastUpdateAt)) : <span className="text-slate-600">{t('never')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-300 bg-slate-50">
        <tr>
          <th scope="row" className={`sticky left-0 bg-slate-50 text-left font-semibold ${cell}`}>
            {t('district')}
          </th>
          <td className={cell}>{t('assigned', { count: task.assigned })}</td>
          <td className={cell}>
            <ProgressBar value={task.progress} />
          </td>
          {indicator && (
            <td colSpan={indicator.kind === 'PER_UNIT' ? 2 : 1} className={`text-right font-semibold ${cell}`}>
              {indicator.kind === 'SUM' ? (
                <>
                  <IndicatorNumber value={indicator.total} />
                  <span className="block font-normal text-slate-600">
                    {t('target')}: <IndicatorNumber value={indicator.target} />
                  </span>
                </>
              ) : (
                <IndicatorTotal indicator={indicator} assigned={task.assigned} />
              )}
            </td>
          )}
          <td className={cell} />
        </tr>
      </tfoot>
    </ScrollTable>
  )
}
