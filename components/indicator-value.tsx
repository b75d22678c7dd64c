import { useFormatter, useTranslations } from 'next-intl'
import { CONDITION_YES, type IndicatorKind, type UnitIndicator } from '@/lib/domain/indicator'

/** An indicator figure (a DECIMAL as a plain string) in the reader's number format; "—" when not reported. */
export function IndicatorNumber({ value }: { value: string | null }) {
  const format = useFormatter()
  return <span className="tabular-nums">{value === null ? '—' : format.number(Number(value), { maximumFractionDigits: 2 })}</span>
}

/**
 * What the unit has achieved, as its indicator's kind counts it: "8 / 8 cơ quan"; "5 chức danh
 * (mục tiêu toàn huyện: 30)" when the target is the district's, shared by the communes; "Đạt" or
 * "Chưa đạt" for a condition; "5 / 12 chức danh (chưa đạt mục tiêu)" against the unit's own target.
 */
export function IndicatorProgress(indicator: UnitIndicator) {
  const t = useTranslations('assignment.indicator')
  const notReported = <span className="text-slate-600">{t('notReported')}</span>
  const reported = indicator.actual === null ? notReported : <IndicatorNumber value={indicator.actual} />
  switch (indicator.kind) {
    case 'CONDITION':
      return indicator.actual === null ? notReported : <span className="font-medium">{t(indicator.actual === CONDITION_YES ? 'met' : 'notMet')}</span>
    case 'PER_UNIT':
      return indicator.target === null ? (
        <span>
          {reported} {indicator.unit} <span className="text-slate-600">({t('noUnitTarget')})</span>
        </span>
      ) : (
        <span>
          {reported} / <IndicatorNumber value={indicator.target} /> {indicator.unit}{' '}
          <span className="text-slate-600">({t(indicator.reached ? 'reached' : 'notReached')})</span>
        </span>
      )
    case 'SUM':
      return indicator.districtTarget ? (
        <span>
          {reported} {indicator.unit}{' '}
          <span className="text-slate-600">
            ({t('districtTarget')}: <IndicatorNumber value={indicator.target} />)
          </span>
        </span>
      ) : (
        <span>
          {reported} / <IndicatorNumber value={indicator.target} /> {indicator.unit}
        </span>
      )
  }
}

/** A reported figure as its indicator reads it: a condition's "Đạt" or "Chưa đạt", else the number and its unit of measure. */
export function IndicatorFigure({ value, indicator }: { value: string | null; indicator: { kind: IndicatorKind; unit: string } }) {
  const t = useTranslations('assignment.indicator')
  if (indicator.kind !== 'CONDITION')
    return (
      <>
        <IndicatorNumber value={value} /> {indicator.unit}
      </>
    )
  return <>{value === null ? '—' : t(value === CONDITION_YES ? 'met' : 'notMet')}</>
}
