// The indicators of the units in a member's charge, each as its kind counts them over those units:
// "3/4 đơn vị đạt", "Xã Minh Cầm: 5 / 12 chức danh (chưa đạt mục tiêu)", the sum of their figures.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { IndicatorProgress } from '@/components/indicator-value'
import { taskHref } from '@/lib/domain/paths'
import type { InChargeIndicatorRow } from '@/lib/queries/unit-indicators'

function Framing({ indicator }: { indicator: InChargeIndicatorRow['indicator'] }) {
  const t = useTranslations('members.indicators')
  switch (indicator.kind) {
    case 'CONDITION':
      return <span className="font-semibold">{t('unitsMet', { met: indicator.met, assigned: indicator.assigned })}</span>
    case 'SUM':
      return (
        <span>
          {indicator.assigned > 1 && <span className="text-slate-700">{t('unitsSum', { assigned: indicator.assigned })}: </span>}
          <span className="font-semibold">
            <IndicatorProgress {...indicator} />
          </span>
          {indicator.assigned > 1 && <span className="text-slate-600"> {t('reported', { reported: indicator.reported, assigned: indicator.assigned })}</span>}
        </span>
      )
    case 'PER_UNIT':
      return (
        <ul className="space-y-1">
          {indicator.units.map((u) => (
            <li key={u.unitCode} data-unit={u.unitCode}>
              <span>{u.unitName}: </span>
              <span className="font-semibold">
                <IndicatorProgress {...u.indicator} />
              </span>
            </li>
          ))}
        </ul>
      )
  }
}

export function MemberIndicatorList({ rows, labelledBy }: { rows: InChargeIndicatorRow[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((row) => (
        <li key={row.taskCode} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4" data-indicator={row.taskCode}>
          <Link href={taskHref(row.taskCode)} className="text-blue-800 underline-offset-2 hover:underline">
            {row.title}
          </Link>
          <span className="shrink-0 sm:text-right">
            <Framing indicator={row.indicator} />
          </span>
        </li>
      ))}
    </ul>
  )
}
