import { useTranslations } from 'next-intl'
import { BarChart } from '@/components/charts/bar-chart'
import type { GroupProgress } from '@/lib/queries/district-overview'

/** Average progress of each task group, with how many of its assignments are done. */
export function GroupProgressChart({ groups }: { groups: GroupProgress[] }) {
  const t = useTranslations('overview')
  if (groups.length === 0)
    return (
      <>
        <p className="mb-2 font-semibold">{t('groups.title')}</p>
        <p className="text-slate-700">{t('groups.empty')}</p>
      </>
    )
  return (
    <>
      <BarChart
        title={t('groups.title')}
        labelHeading={t('groups.label')}
        valueHeading={t('progress')}
        max={100}
        bars={groups.map((g) => ({
          key: g.groupId,
          label: g.name,
          value: g.progress,
          display: t('groups.bar', { progress: g.progress, done: g.doneOnTime + g.doneLate, assigned: g.assigned }),
        }))}
      />
      <p className="mt-2 text-sm text-slate-600">{t('groups.note')}</p>
    </>
  )
}
