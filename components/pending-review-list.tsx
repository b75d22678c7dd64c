import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { formatInstant } from '@/lib/domain/calendar'
import type { PendingReview } from '@/lib/queries/pending-reviews'
import { IndicatorFigure } from './indicator-value'
import { ReportAuthor } from './report-author'
import { assignmentHref } from '@/lib/domain/paths'

/** Updates waiting for confirmation (the reader's, or those they follow), each linking to its place on the assignment page. */
export function PendingReviewList({ reviews }: { reviews: PendingReview[] }) {
  const t = useTranslations('review')
  const tStatus = useTranslations('assignment.taskStatus')
  if (reviews.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ul className="space-y-3">
      {reviews.map((review) => {
        const href = assignmentHref(review.unit.code, review.task.code, review.id)
        return (
          <li key={review.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm font-medium text-slate-700">{review.unit.name}</p>
            <h2 className="font-medium">
              <Link href={href} className="text-blue-800 underline-offset-2 hover:underline">
                {review.task.title}
              </Link>
            </h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t('reported')}</dt>
              <dd>
                <strong>{tStatus(review.status)}</strong>, <span className="tabular-nums">{review.progress}%</span>
                {review.task.indicatorUnit && review.task.indicatorKind && review.indicatorActual !== null && (
                  <>
                    {', '}
                    <IndicatorFigure value={review.indicatorActual} indicator={{ kind: review.task.indicatorKind, unit: review.task.indicatorUnit }} />
                  </>
                )}
              </dd>
              <dt className="text-slate-600">{t('by')}</dt>
              <dd>
                <ReportAuthor name={review.authorName} onBehalfVia={review.onBehalfVia} unitName={review.unit.name} />, <span className="tabular-nums">{formatInstant(review.createdAt)}</span>
              </dd>
              {review.note && (
                <>
                  <dt className="text-slate-600">{t('note')}</dt>
                  <dd className="line-clamp-4 whitespace-pre-line">{review.note}</dd>
                </>
              )}
              {review.attachmentCount > 0 && (
                <>
                  <dt className="text-slate-600">{t('files')}</dt>
                  <dd>{t('fileCount', { count: review.attachmentCount })}</dd>
                </>
              )}
            </dl>
          </li>
        )
      })}
    </ul>
  )
}
