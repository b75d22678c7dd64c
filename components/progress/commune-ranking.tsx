import { useTranslations } from 'next-intl'
import { BarChart } from '@/components/charts/bar-chart'
import type { CommuneProgress } from '@/lib/queries/communes'
import { communeHref } from '@/lib/domain/paths'

/** The communes and the township as ranked by the query, each linked to its progress page. */
export function CommuneRanking({ communes }: { communes: CommuneProgress[] }) {
  const t = useTranslations('overview')
  if (communes.length === 0)
    return (
      <>
        <p className="mb-2 font-semibold">{t('ranking.title')}</p>
        <p className="text-slate-700">{t('empty')}</p>
      </>
    )
  return (
    <BarChart
      title={t('ranking.title')}
      labelHeading={t('ranking.label')}
      valueHeading={t('progress')}
      max={100}
      bars={communes.map((c) => ({
        key: c.unitId,
        label: c.name,
        href: communeHref(c.code),
        value: c.progress,
        display: t('ranking.bar', { progress: c.progress, overdue: c.overdue }),
      }))}
    />
  )
}
