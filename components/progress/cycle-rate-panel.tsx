// The reporting rate of one monthly or quarterly cycle (lib/queries/report-cycles.ts): of the units
// that owed it, those whose every report of the cycle came by its deadline; with links to the last
// months and quarters (`?cycle=2026-11`, keeping the page's other choices) and the units that missed it.
import { useTranslations } from 'next-intl'
import type { CycleChoice } from '@/lib/queries/report-cycles'
import { useCycleName } from '../report-cycle-note'
import { RateFigure, RateSwitch } from './rate-parts'

const DEFINITION_ID = 'cycle-rate-definition'

export function CycleRatePanel({ choice, keep }: { choice: CycleChoice; keep: Record<string, string | undefined> }) {
  const t = useTranslations('overview.cycles')
  const name = useCycleName()
  const { cycle, rate, offered } = choice
  const href = (key: string) => `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(keep).filter((e): e is [string, string] => e[1] !== undefined)), cycle: key })}`
  return (
    <div className="space-y-3">
      <RateSwitch label={t('switch')} choices={offered.map((c) => ({ key: c.key, href: href(c.key), name: name(c) }))} current={cycle.key} />
      {rate.expected === 0 ? (
        <p className="text-slate-700">{t('noUnits', { cycle: name(cycle) })}</p>
      ) : (
        <RateFigure
          rate={rate}
          label={t('rate', { cycle: name(cycle), reported: rate.reported, expected: rate.expected })}
          definition={t('definition')}
          definitionId={DEFINITION_ID}
          missingTitle={t('missing', { cycle: name(cycle) })}
        />
      )}
    </div>
  )
}
