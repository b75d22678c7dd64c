// The reporting rate of one monthly or quarterly cycle (lib/queries/report-cycles.ts): of the units
// that owed it, those whose every report of the cycle came by its deadline; with links to the last
// months and quarters (`?cycle=2026-11`, keeping the page's other choices) and the units that missed it.
import { useFormatter, useTranslations } from 'next-intl'
import Link from '@/components/link'
import { unitPageHref } from '@/lib/domain/paths'
import type { CycleChoice } from '@/lib/queries/report-cycles'
import { useCycleName } from '../report-cycle-note'

const DEFINITION_ID = 'cycle-rate-definition'

export function CycleRatePanel({ choice, keep }: { choice: CycleChoice; keep: Record<string, string | undefined> }) {
  const t = useTranslations('overview.cycles')
  const format = useFormatter()
  const name = useCycleName()
  const { cycle, rate, offered } = choice
  const href = (key: string) => `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(keep).filter((e): e is [string, string] => e[1] !== undefined)), cycle: key })}`
  return (
    <div className="space-y-3">
      <nav aria-label={t('switch')}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {offered.map((c) => (
            <li key={c.key}>
              <Link
                href={href(c.key)}
                aria-current={c.key === cycle.key ? 'page' : undefined}
                className="inline-block rounded-full border border-slate-300 px-3 py-1 text-blue-800 hover:bg-slate-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
              >
                {name(c)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rate.expected === 0 ? (
        <p className="text-slate-700">{t('noUnits', { cycle: name(cycle) })}</p>
      ) : (
        <>
          <p aria-describedby={DEFINITION_ID} className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
            <span>{t('rate', { cycle: name(cycle), reported: rate.reported, expected: rate.expected })}</span>
            <span className="tabular-nums">{format.number(rate.reported / rate.expected, { style: 'percent', maximumFractionDigits: 0 })}</span>
          </p>
          <span aria-hidden className="block h-2.5 overflow-hidden rounded-full bg-slate-200">
            <span className="block h-full rounded-full bg-blue-700" style={{ width: `${(rate.reported / rate.expected) * 100}%` }} />
          </span>
          <p id={DEFINITION_ID} className="text-sm text-slate-600">
            {t('definition')}
          </p>
          {rate.missing.length > 0 && (
            <div className="text-sm">
              <h3 className="font-medium">{t('missing', { cycle: name(cycle) })}</h3>
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
    </div>
  )
}
