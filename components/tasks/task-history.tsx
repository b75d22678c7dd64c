import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { IndicatorFigure } from '@/components/indicator-value'
import { ReportAuthor } from '@/components/report-author'
import { ReviewBadge } from '@/components/review-badge'
import { assignmentHref } from '@/lib/domain/paths'
import { formatInstant } from '@/lib/domain/calendar'
import type { IndicatorKind } from '@/lib/domain/indicator'
import type { TaskHistoryEntry } from '@/lib/queries/task-progress'

/** The latest reports on a task across its units, newest first; a returned one is marked as not counted. */
export function TaskHistory({ entries, taskCode, indicator }: { entries: TaskHistoryEntry[]; taskCode: string; indicator: { kind: IndicatorKind; unit: string } | null }) {
  const t = useTranslations('tasks.history')
  const tStatus = useTranslations('assignment.taskStatus')
  if (entries.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ol className="space-y-3">
      {entries.map((entry) => {
        const returned = entry.reviewState === 'RETURNED'
        return (
          <li key={entry.id} className={`rounded-lg border bg-white p-3 text-sm sm:p-4 ${returned ? 'border-l-4 border-red-700' : 'border-slate-200'}`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p>
                <Link href={assignmentHref(entry.unitCode, taskCode, entry.id)} className="font-semibold text-blue-800 underline-offset-2 hover:underline">
                  {entry.unitName}
                </Link>
                <span className="text-slate-700">
                  {' '}
                  · <ReportAuthor name={entry.authorName} onBehalfVia={entry.onBehalfVia} unitName={entry.unitName} /> ·{' '}
                  <time dateTime={entry.createdAt.toISOString()} className="tabular-nums">
                    {formatInstant(entry.createdAt)}
                  </time>
                </span>
              </p>
              <span className="flex flex-wrap items-center gap-2">
                <ReviewBadge state={entry.reviewState} />
                {returned && <span className="font-medium text-red-800">{t('notCounted')}</span>}
              </span>
            </div>
            <p className="mt-1">
              <strong>{tStatus(entry.status)}</strong>, <span className="tabular-nums">{entry.progress}%</span>
              {indicator && entry.indicatorActual !== null && (
                <>
                  {', '}
                  <IndicatorFigure value={entry.indicatorActual} indicator={indicator} />
                </>
              )}
            </p>
            {entry.note && (
              <p className="mt-1 whitespace-pre-line text-slate-800">
                {entry.note}
                {entry.noteCut && '…'}
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
