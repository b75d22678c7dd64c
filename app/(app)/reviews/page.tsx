import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/pagination'
import { PendingReviewList } from '@/components/pending-review-list'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { pendingReviews } from '@/lib/queries/pending-reviews'
import { pageParam } from '@/lib/validation/page'

/** A report with its note is about 2 KB of HTML: 50 a page, more than a leader reviews in one sitting. */
const REVIEWS_PER_PAGE = 50

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review')
  return { title: t('title') }
}

/** Leaders and the administrator: the updates waiting for their confirmation. */
export default async function ReviewsPage({ searchParams }: Props) {
  const user = await requireUser()
  if (!allows(user, 'review.queue')) notFound()
  const page = pageParam((await searchParams).page)
  const [reviews, t] = await Promise.all([pendingReviews(user, REVIEWS_PER_PAGE, offsetOf(page, REVIEWS_PER_PAGE)), getTranslations('review')])
  if (page > 1 && reviews.rows.length === 0) notFound()
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {reviews.total > 0 && <p className="mb-4 mt-1 text-sm text-slate-600">{t('intro', { count: reviews.total })}</p>}
      <PendingReviewList reviews={reviews.rows} />
      <Pagination page={page} pageCount={pageCountOf(reviews.total, REVIEWS_PER_PAGE)} href={(n) => pagedHref('/reviews', {}, n)} label={t('pages')} />
    </>
  )
}
