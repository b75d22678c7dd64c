import { useTranslations } from 'next-intl'
import { StatusBadge } from '@/components/status-badge'
import type { StatusCounts } from '@/lib/domain/status-counts'
import { DISPLAY_STATUSES } from '@/lib/domain/status'

/** The display statuses that have work, each as its coloured label with the count beside it. */
export function StatusCountList({ counts }: { counts: StatusCounts }) {
  const t = useTranslations('tasks.counts')
  const shown = DISPLAY_STATUSES.filter((status) => counts[status] > 0)
  if (shown.length === 0) return <p className="text-sm text-slate-700">{t('nothingAssigned')}</p>
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {shown.map((status) => (
        <div key={status} className="flex items-center gap-1.5">
          <dt>
            <StatusBadge kind={status} />
          </dt>
          <dd className="font-semibold tabular-nums">{counts[status]}</dd>
        </div>
      ))}
    </dl>
  )
}
