// The indicators ("chỉ tiêu") of the district, each framed as the article frames its kind: a sum
// against the district target ("Đạt 8/8 cơ quan, đơn vị"), units meeting a condition out of those
// assigned ("4/8 đơn vị cấp xã (50%)"), or units reaching their own targets with the sums.
// The numbers are the text; the bar only repeats them.
import { useFormatter, useTranslations } from 'next-intl'
import type { IndicatorResult } from '@/lib/queries/district-overview'

export function IndicatorCards({ indicators }: { indicators: IndicatorResult[] }) {
  const t = useTranslations('overview.indicators')
  const format = useFormatter()
  if (indicators.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  const figure = (value: string | null) => format.number(Number(value ?? 0), { maximumFractionDigits: 2 })
  // A share of units keeps its half: 1/8 is 12,5%, as the article would write it.
  const share = (i: IndicatorResult) => (i.share === null ? null : format.number(i.share, { style: 'percent', maximumFractionDigits: i.kind === 'SUM' ? 0 : 1 }))
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {indicators.map((i) => (
        <li key={i.taskId} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-indicator={i.taskCode}>
          <h3 className="font-medium">{i.title}</h3>
          <p className="mt-auto text-lg font-semibold">
            {i.kind === 'SUM'
              ? t('result', { actual: figure(i.actual), target: figure(i.target), unit: i.unit })
              : i.kind === 'CONDITION'
                ? t('conditionResult', { met: i.met, assigned: i.assigned, unit: i.unit, share: share(i) ?? '–' })
                : t('perUnitResult', { met: i.met, assigned: i.assigned, share: share(i) ?? '–' })}
          </p>
          <span aria-hidden className="block h-2.5 overflow-hidden rounded-full bg-slate-200">
            <span className="block h-full rounded-full bg-blue-700" style={{ width: `${Math.min(100, Math.max(0, (i.share ?? 0) * 100))}%` }} />
          </span>
          {i.kind === 'SUM' && (
            <p className="text-sm text-slate-700">
              {i.share === null ? t('noShare') : t('share', { share: share(i) ?? '' })}
              {' · '}
              {t('baseline', { baseline: figure(i.baseline), unit: i.unit })}
            </p>
          )}
          {i.kind === 'PER_UNIT' && (
            <p className="text-sm text-slate-700">
              {i.targetSum === null ? t('perUnitNoTargets', { actual: figure(i.actual), unit: i.unit }) : t('perUnitSums', { actual: figure(i.actual), target: figure(i.targetSum), unit: i.unit })}
            </p>
          )}
          <p className="text-xs text-slate-600">{t(i.kind === 'CONDITION' ? 'answered' : 'reported', { reported: i.reported, assigned: i.assigned })}</p>
        </li>
      ))}
    </ul>
  )
}
