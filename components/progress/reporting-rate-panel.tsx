// How many of the units that have work reported in the chosen period, with links to switch the
// period (`?period=<code>`, so the page can be shared) and the units still to report.
import { useFormatter, useTranslations } from 'next-intl'
import Link from '@/components/link'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import type { PeriodChoice, ReportingPeriod, ReportingRate } from '@/lib/queries/reporting-rate'
import { unitPageHref } from '@/lib/domain/paths'

const DEFINITION_ID = 'reporting-rate-definition'

type Props = {
  periods: ReportingPeriod[]
  choice: PeriodChoice
  rate: ReportingRate | null
}

function PeriodSwitch({ periods, current }: { periods: ReportingPeriod[]; current: string }) {
  const t = useTranslations('overview.reporting')
  return (
    <nav aria-label={t('switch')}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {periods.map((p) => (
          <li key={p.code}>
            <Link
              href={`/?period=${encodeURIComponent(p.code)}`}
              aria-current={p.code === current ? 'page' : undefined}
              className="inline-block rounded-full border border-slate-300 px-3 py-1 text-blue-800 hover:bg-slate-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
            >
              {p.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function ReportingRatePanel({ periods, choice, rate }: Props) {
  const t = useTranslations('overview.reporting')
  const format = useFormatter()
  const { period, unknownCode } = choice
  return (
    <div className="space-y-3">
      {unknownCode !== null && <p className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('unknownPeriod', { code: unknownCode })}</p>}
      {period === null || rate === null ? (
        <p className="text-slate-700">{t('noPeriod')}</p>
      ) : (
        <>
          <PeriodSwitch periods={periods} current={period.code} />
          <p className="text-sm text-slate-700">
            {t('period', { name: period.name, start: formatDay(period.startDay), end: formatDay(period.endDay) })}
            {period.lockedAt && ` ${t('locked', { date: formatDay(districtDay(period.lockedAt)) })}`}
          </p>
          {rate.expected === 0 ? (
            <p className="text-slate-700">{t('noUnits')}</p>
          ) : (
            <>
              <p aria-describedby={DEFINITION_ID} className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
                <span>{t('rate', { reported: rate.reported, expected: rate.expected })}</span>
                <span className="tabular-nums">{format.number(rate.reported / rate.expected, { style: 'percent', maximumFractionDigits: 0 })}</span>
              </p>
              <span aria-hidden className="block h-2.5 overflow-hidden rounded-full bg-slate-200">
                <span className="block h-full rounded-full bg-blue-700" style={{ width: `${(rate.reported / rate.expected) * 100}%` }} />
              </span>
              <p id={DEFINITION_ID} className="text-sm text-slate-600">
                {t('definition')}
              </p>
              {rate.missing.length === 0 ? (
                <p className="text-sm text-slate-700">{t('allReported')}</p>
              ) : (
                <div className="text-sm">
                  <h3 className="font-medium">{t('missing')}</h3>
                  <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {rate.missing.map((unit) => (
                      <li key={unit.code}>
                        <Link href={unitPageHref(unit.code)} className="text-blue-800 underline-offset-2 hover:underline">
                          {unit.name}
                        </Link>
                      </li>
                    ))}
                    {rate.expected - rate.reported > rate.missing.length && <li className="text-slate-700">{t('more', { count: rate.expected - rate.reported - rate.missing.length })}</li>}
                  </ul>
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  )
}
