// The headline counts of a progress page: what is assigned, due and done, the share done on time,
// and the work by status, each status with its colour and its label.
import { useFormatter, useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { StatusBadge } from '@/components/status-badge'
import { DISPLAY_STATUSES } from '@/lib/domain/status'
import { onTimeShare } from '@/lib/domain/status-counts'
import type { ProgressCounts } from '@/lib/domain/status-counts'

function Figure({ term, hint, value, large }: { term: ReactNode; hint?: string; value: string; large?: boolean }) {
  return (
    <div className="flex flex-col justify-between gap-1 rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-sm text-slate-700">
        {term}
        {hint && <span className="block text-xs text-slate-600">{hint}</span>}
      </dt>
      <dd className={`font-semibold tabular-nums ${large ? 'text-3xl' : 'text-2xl'}`}>{value}</dd>
    </div>
  )
}

export function StatusSummary({ counts, headingId }: { counts: ProgressCounts; headingId: string }) {
  const t = useTranslations('overview.summary')
  const format = useFormatter()
  const share = onTimeShare(counts)
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('title')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure large term={t('assigned')} value={format.number(counts.assigned)} />
        <Figure large term={t('due')} hint={t('dueHint')} value={format.number(counts.due)} />
        <Figure large term={t('done')} value={format.number(counts.doneOnTime + counts.doneLate)} />
        <Figure
          large
          term={t('onTimeShare')}
          hint={t('onTimeShareHint')}
          value={share === null ? t('noShare') : format.number(share, { style: 'percent', maximumFractionDigits: 0 })}
        />
      </dl>
      <h3 className="sr-only">{t('byStatus')}</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {DISPLAY_STATUSES.map((kind) => (
          <Figure key={kind} term={<StatusBadge kind={kind} />} value={format.number(counts[kind])} />
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t('overdueNote')}</p>
    </section>
  )
}
