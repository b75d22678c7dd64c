// What the overview's two reporting rates (a review period's, a monthly or quarterly cycle's) show
// alike: the pills that switch what is counted, the rate with its bar and definition, and the
// units still missing.
import { useFormatter, useTranslations } from 'next-intl'
import Link from '@/components/link'
import { unitPageHref } from '@/lib/domain/paths'

export type RateChoice = { key: string; href: string; name: string }

/** Links to the other periods or cycles, the one shown marked as the current page. */
export function RateSwitch({ label, choices, current }: { label: string; choices: RateChoice[]; current: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {choices.map((c) => (
          <li key={c.key}>
            <Link
              href={c.href}
              aria-current={c.key === current ? 'page' : undefined}
              className="inline-block rounded-full border border-slate-300 px-3 py-1 text-blue-800 hover:bg-slate-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

type Rate = { reported: number; expected: number; missing: { code: string; name: string }[] }

/** "x/y units …" with its percentage and bar, what it counts, and the units missing under `missingTitle` (when any). */
export function RateFigure({ rate, label, definition, definitionId, missingTitle }: { rate: Rate; label: string; definition: string; definitionId: string; missingTitle: string }) {
  const t = useTranslations('overview.reporting')
  const format = useFormatter()
  const more = rate.expected - rate.reported - rate.missing.length
  return (
    <>
      <p aria-describedby={definitionId} className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
        <span>{label}</span>
        <span className="tabular-nums">{format.number(rate.reported / rate.expected, { style: 'percent', maximumFractionDigits: 0 })}</span>
      </p>
      <span aria-hidden className="block h-2.5 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full rounded-full bg-blue-700" style={{ width: `${(rate.reported / rate.expected) * 100}%` }} />
      </span>
      <p id={definitionId} className="text-sm text-slate-600">
        {definition}
      </p>
      {rate.missing.length > 0 && (
        <div className="text-sm">
          <h3 className="font-medium">{missingTitle}</h3>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {rate.missing.map((unit) => (
              <li key={unit.code}>
                <Link href={unitPageHref(unit.code)} className="text-blue-800 underline-offset-2 hover:underline">
                  {unit.name}
                </Link>
              </li>
            ))}
            {more > 0 && <li className="text-slate-700">{t('more', { count: more })}</li>}
          </ul>
        </div>
      )}
    </>
  )
}
