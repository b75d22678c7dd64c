// How many of the units that have work reported in the chosen period, with links to switch the
// period (`?period=<code>`, so the page can be shared) and the units still to report.
import { useTranslations } from 'next-intl'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import type { PeriodChoice, ReportingPeriod, ReportingRate } from '@/lib/queries/reporting-rate'
import { RateFigure, RateSwitch } from './rate-parts'

const DEFINITION_ID = 'reporting-rate-definition'

type Props = {
  periods: ReportingPeriod[]
  choice: PeriodChoice
  rate: ReportingRate | null
}

export function ReportingRatePanel({ periods, choice, rate }: Props) {
  const t = useTranslations('overview.reporting')
  const { period, unknownCode } = choice
  return (
    <div className="space-y-3">
      {unknownCode !== null && <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('unknownPeriod', { code: unknownCode })}</p>}
      {period === null || rate === null ? (
        <p className="text-slate-700">{t('noPeriod')}</p>
      ) : (
        <>
          <RateSwitch label={t('switch')} choices={periods.map((p) => ({ key: p.code, href: `/?period=${encodeURIComponent(p.code)}`, name: p.name }))} current={period.code} />
          <p className="text-sm text-slate-700">
            {t('period', { name: period.name, start: formatDay(period.startDay), end: formatDay(period.endDay) })}
            {period.lockedAt && ` ${t('locked', { date: formatDay(districtDay(period.lockedAt)) })}`}
          </p>
          {rate.expected === 0 ? (
            <p className="text-slate-700">{t('noUnits')}</p>
          ) : (
            <>
              <RateFigure rate={rate} label={t('rate', { reported: rate.reported, expected: rate.expected })} definition={t('definition')} definitionId={DEFINITION_ID} missingTitle={t('missing')} />
              {rate.missing.length === 0 && <p className="text-sm text-slate-700">{t('allReported')}</p>}
            </>
          )}
        </>
      )}
    </div>
  )
}
