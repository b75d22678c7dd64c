import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { formatInstant } from '@/lib/domain/calendar'
import type { IndicatorKind } from '@/lib/domain/indicator'
import type { HistoryEntry } from '@/lib/queries/assignment-detail'
import { FileSize } from './file-size'
import { IndicatorFigure, IndicatorNumber } from './indicator-value'
import { ReportAuthor } from './report-author'
import { ReviewBadge } from './review-badge'

type Props = {
  /** Newest first. */
  entries: HistoryEntry[]
  /** The indicator's unit of measure; null when the task has none. */
  /** The task's indicator: how it counts and its unit of measure; null when it has none. */
  indicator: { kind: IndicatorKind; unit: string } | null
  /** The assignment's unit: a report entered on its behalf names it. */
  unitName: string
  /** The confirm-or-return form of an update, for those who may review it. */
  reviewSlot?: (entry: HistoryEntry) => ReactNode
}

/** Every status update of an assignment: who, when, what changed, the evidence and the review. */
export function UpdateHistory({ entries, indicator, unitName, reviewSlot }: Props) {
  const t = useTranslations('assignment.history')
  const tRole = useTranslations('roles')
  if (entries.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ol className="space-y-4">
      {entries.map((entry) => (
        <li
          key={entry.id}
          id={`update-${entry.id}`}
          className={`rounded-lg border bg-white p-4 ${entry.review.state === 'RETURNED' ? 'border-red-700 border-l-4' : 'border-slate-200'}`}
        >
          <article aria-labelledby={`update-${entry.id}-title`}>
            <header className="flex flex-wrap items-start justify-between gap-2">
              <h3 id={`update-${entry.id}-title`} className="text-sm">
                <ReportAuthor name={entry.author.name} onBehalfVia={entry.onBehalfVia} unitName={unitName} nameClassName="font-semibold" />
                <span className="text-slate-600">
                  {' '}
                  · {tRole(entry.author.role)}, {entry.author.unitName} ·{' '}
                </span>
                <time dateTime={entry.createdAt.toISOString()} className="tabular-nums text-slate-700">
                  {formatInstant(entry.createdAt)}
                </time>
              </h3>
              <ReviewBadge state={entry.review.state} />
            </header>
            <Changes entry={entry} indicator={indicator} />
            {entry.note && (
              <div className="mt-3 text-sm">
                <p className="font-medium text-slate-700">{t('note')}</p>
                <p className="whitespace-pre-line">{entry.note}</p>
              </div>
            )}
            {entry.attachments.length > 0 && (
              <div className="mt-3 text-sm">
                <p className="font-medium text-slate-700">{t('files')}</p>
                <ul className="mt-1 space-y-1">
                  {entry.attachments.map((file) => (
                    <li key={file.id}>
                      <a href={`/attachments/${file.id}`} download className="break-all font-medium text-blue-800 underline underline-offset-2">
                        {file.fileName}
                      </a>{' '}
                      <span className="text-slate-600">
                        (<FileSize bytes={file.byteSize} />)
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <Review review={entry.review} />
            {reviewSlot?.(entry)}
          </article>
        </li>
      ))}
    </ol>
  )
}

function Changes({ entry, indicator }: { entry: HistoryEntry; indicator: Props['indicator'] }) {
  const t = useTranslations('assignment.history')
  const tStatus = useTranslations('assignment.taskStatus')
  const change = (before: ReactNode, after: ReactNode, same: boolean) =>
    same ? (
      <>
        {after} <span className="text-slate-600">({t('unchanged')})</span>
      </>
    ) : (
      <>
        {before} <span aria-hidden>→</span>
        <span className="sr-only">{t('changedTo')}</span> {after}
      </>
    )
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600">{t('status')}</dt>
      <dd>{change(tStatus(entry.previousStatus), <strong>{tStatus(entry.status)}</strong>, entry.previousStatus === entry.status)}</dd>
      <dt className="text-slate-600">{t('progress')}</dt>
      <dd className="tabular-nums">
        {change(`${entry.previousProgress}%`, <strong>{entry.progress}%</strong>, entry.previousProgress === entry.progress)}
      </dd>
      {indicator !== null && (
        <>
          <dt className="text-slate-600">{t('indicator')}</dt>
          <dd>
            {/* A condition's answers are words ("Đạt"); a figure's unit of measure follows both numbers once. */}
            {indicator.kind === 'CONDITION' ? (
              change(
                <IndicatorFigure value={entry.previousIndicatorActual} indicator={indicator} />,
                <strong>
                  <IndicatorFigure value={entry.indicatorActual} indicator={indicator} />
                </strong>,
                entry.previousIndicatorActual === entry.indicatorActual,
              )
            ) : (
              <>
                {change(
                  <IndicatorNumber value={entry.previousIndicatorActual} />,
                  <strong>
                    <IndicatorNumber value={entry.indicatorActual} />
                  </strong>,
                  entry.previousIndicatorActual === entry.indicatorActual,
                )}{' '}
                {indicator.unit}
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  )
}

function Review({ review }: { review: HistoryEntry['review'] }) {
  const t = useTranslations('assignment.history')
  const when = review.reviewedAt ? formatInstant(review.reviewedAt) : ''
  switch (review.state) {
    case 'PENDING':
      return (
        <p className="mt-3 text-sm text-amber-900">{review.confirmerName ? t('waitingFor', { name: review.confirmerName }) : t('waitingForAdmin')}</p>
      )
    case 'CONFIRMED':
      return (
        <div className="mt-3 text-sm text-green-900">
          <p>{t('confirmedBy', { name: review.reviewerName ?? '', time: when })}</p>
          {review.note && (
            <p className="mt-1 whitespace-pre-line rounded border-l-4 border-green-700 bg-green-50 px-3 py-2 text-slate-900">
              <span className="font-medium">{t('reviewerComment', { name: review.reviewerName ?? '' })}</span> {review.note}
            </p>
          )}
        </div>
      )
    case 'RETURNED':
      return (
        <div className="mt-3 rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">{t('returnedBy', { name: review.reviewerName ?? '', time: when })}</p>
          {review.note && (
            <p className="mt-1 whitespace-pre-line">
              <span className="font-medium">{t('returnReason')}</span> {review.note}
            </p>
          )}
        </div>
      )
  }
}
