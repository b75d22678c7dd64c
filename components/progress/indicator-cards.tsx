// The indicators ("chỉ tiêu") of the district: what the units have achieved against each target.
// The numbers are the text; the bar only repeats them.
import { useFormatter, useTranslations } from 'next-intl'
import type { IndicatorResult } from '@/lib/queries/district-overview'

export function IndicatorCards({ indicators }: { indicators: IndicatorResult[] }) {
  const t = useTranslations('overview.indicators')
  const format = useFormatter()
  if (indicators.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  const figure = (value: string) => format.number(Number(value), { maximumFractionDigits: 2 })
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {indicators.map((i) => (
        <li key={i.taskId} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-medium">{i.title}</h3>
          <p className="mt-auto text-lg font-semibold">{t('result', { actual: figure(i.actual), target: figure(i.target), unit: i.unit })}</p>
          <span aria-hidden className="block h-2.5 overflow-hidden rounded-full bg-slate-200">
            <span className="block h-full rounded-full bg-blue-700" style={{ width: `${Math.min(100, Math.max(0, (i.share ?? 0) * 100))}%` }} />
          </span>
          <p className="text-sm text-slate-700">
            {i.share === null ? t('noShare') : t('share', { share: format.number(i.share, { style: 'percent', maximumFractionDigits: 0 }) })}
            {' · '}
            {t('baseline', { baseline: figure(i.baseline), unit: i.unit })}
          </p>
          <p className="text-xs text-slate-600">{t('reported', { reported: i.reported, assigned: i.assigned })}</p>
        </li>
      ))}
    </ul>
  )
}
