import { useFormatter, useTranslations } from 'next-intl'
import { ProgressBar } from '@/components/progress-bar'
import { onTimeShare } from '@/lib/domain/status-counts'
import type { MemberSummary } from '@/lib/queries/member-progress'

/** The figures a leader compares members by: overdue, done on time, awaiting confirmation, progress. */
export function MemberFigures({ summary }: { summary: MemberSummary }) {
  const t = useTranslations('members.figures')
  const format = useFormatter()
  const share = onTimeShare(summary)
  const judged = summary.doneOnTime + summary.doneLate + summary.overdue
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-5">
      <div>
        <dt className="text-slate-600">{t('overdue')}</dt>
        <dd className={`text-lg font-semibold tabular-nums ${summary.overdue > 0 ? 'text-red-800' : ''}`}>{summary.overdue}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('onTime')}</dt>
        <dd>
          {share === null ? (
            <span className="text-slate-700">{t('nothingDue')}</span>
          ) : (
            <>
              <span className="text-lg font-semibold tabular-nums">{format.number(share, { style: 'percent' })}</span>{' '}
              <span className="text-slate-600">{t('onTimeOf', { done: summary.doneOnTime, judged })}</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('pending')}</dt>
        <dd className="text-lg font-semibold tabular-nums">{summary.pending}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('assigned')}</dt>
        <dd className="text-lg font-semibold tabular-nums">{summary.assigned}</dd>
      </div>
      <div className="col-span-2 sm:col-span-1">
        <dt className="text-slate-600">{t('progress')}</dt>
        <dd className="mt-1">
          <ProgressBar value={summary.progress} />
        </dd>
      </div>
    </dl>
  )
}
