import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { BarChart } from '@/components/charts/bar-chart'
import type { CommuneProgress, CommuneRankingEnds } from '@/lib/queries/communes'
import { communeHref } from '@/lib/domain/paths'

/**
 * The communes and the township as ranked by the query, each linked to its progress page: all of
 * them in a district; the head and the tail of the ranking when there are too many for one page.
 */
export function CommuneRanking({ ranking }: { ranking: CommuneRankingEnds }) {
  const t = useTranslations('overview')
  const chart = (title: string, communes: CommuneProgress[]) => (
    <BarChart
      title={title}
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
  const link = (
    <Link href="/communes" className="mt-3 inline-block text-sm font-medium text-blue-800 underline-offset-2 hover:underline">
      {ranking.worst.length > 0 ? t('ranking.allCount', { count: ranking.communes }) : t('ranking.all')}
    </Link>
  )
  if (ranking.communes === 0)
    return (
      <>
        <p className="mb-2 font-semibold">{t('ranking.title')}</p>
        <p className="text-slate-700">{t('empty')}</p>
        {link}
      </>
    )
  if (ranking.worst.length === 0)
    return (
      <>
        {chart(t('ranking.title'), ranking.best)}
        {link}
      </>
    )
  return (
    <>
      <p className="mb-3 font-semibold">{t('ranking.title')}</p>
      <div className="space-y-4">
        {chart(t('ranking.best', { count: ranking.best.length }), ranking.best)}
        {chart(t('ranking.worst', { count: ranking.worst.length }), ranking.worst)}
      </div>
      {link}
    </>
  )
}
