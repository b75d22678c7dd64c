import { useFormatter, useTranslations } from 'next-intl'

/** An indicator figure (a DECIMAL as a plain string) in the reader's number format; "—" when not reported. */
export function IndicatorNumber({ value }: { value: string | null }) {
  const format = useFormatter()
  return <span className="tabular-nums">{value === null ? '—' : format.number(Number(value), { maximumFractionDigits: 2 })}</span>
}

/**
 * What the unit has achieved against the target, with the unit of measure: "8 / 8 cơ quan", or
 * "5 chức danh (mục tiêu toàn huyện: 30)" when the target is the district's, shared by the communes.
 */
export function IndicatorProgress({ actual, target, unit, districtTarget }: { actual: string | null; target: string; unit: string; districtTarget: boolean }) {
  const t = useTranslations('assignment.indicator')
  const reported = actual === null ? <span className="text-slate-600">{t('notReported')}</span> : <IndicatorNumber value={actual} />
  return districtTarget ? (
    <span>
      {reported} {unit}{' '}
      <span className="text-slate-600">
        ({t('districtTarget')}: <IndicatorNumber value={target} />)
      </span>
    </span>
  ) : (
    <span>
      {reported} / <IndicatorNumber value={target} /> {unit}
    </span>
  )
}
