import type { Metadata } from 'next'
import type { ComponentProps } from 'react'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/pagination'
import { PendingReviewList } from '@/components/pending-review-list'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { followedReviews, pendingReviews, type PendingReview } from '@/lib/queries/pending-reviews'
import { pageParam } from '@/lib/validation/page'

/** A report with its note is about 2 KB of HTML: 50 a page, more than a leader reviews in one sitting. */
const REVIEWS_PER_PAGE = 50

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review')
  return { title: t('title') }
}

/**
 * Leaders and the administrator: the updates waiting for their confirmation, then those they follow
 * ("theo dõi") that someone else confirms (their own among them), read-only here. Each list is paged on its own
 * (`page`, `followed`).
 */
export default async function ReviewsPage({ searchParams }: Props) {
  const user = await requireUser()
  if (!allows(user, 'review.queue')) notFound()
  const params = await searchParams
  const page = pageParam(params.page)
  const followedPage = pageParam(params.followed)
  const [reviews, followed, t] = await Promise.all([
    pendingReviews(user, REVIEWS_PER_PAGE, offsetOf(page, REVIEWS_PER_PAGE)),
    followedReviews(user, REVIEWS_PER_PAGE, offsetOf(followedPage, REVIEWS_PER_PAGE)),
    getTranslations('review'),
  ])
  if ((page > 1 && reviews.rows.length === 0) || (followedPage > 1 && followed.rows.length === 0)) notFound()
  const pageParams = (n: number) => (n > 1 ? String(n) : undefined)
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ReviewSection
        id="confirm-title"
        title={t('confirmTitle')}
        intro={reviews.total > 0 ? t('intro', { count: reviews.total }) : null}
        reviews={reviews.rows}
        pagination={{ page, pageCount: pageCountOf(reviews.total, REVIEWS_PER_PAGE), href: (n) => pagedHref('/reviews', { followed: pageParams(followedPage) }, n), label: t('pages') }}
      />
      {/* For a member who follows what another confirms, their own reports included (the administrator confirms every other report). */}
      {followed.total > 0 && (
        <ReviewSection
          id="followed-title"
          title={t('followedTitle')}
          intro={t('followedIntro', { count: followed.total })}
          reviews={followed.rows}
          pagination={{
            page: followedPage,
            pageCount: pageCountOf(followed.total, REVIEWS_PER_PAGE),
            href: (n) => pagedHref('/reviews', { followed: pageParams(n) }, page),
            label: t('followedPages'),
          }}
        />
      )}
    </>
  )
}

type SectionProps = {
  id: string
  title: string
  intro: string | null
  reviews: PendingReview[]
  pagination: ComponentProps<typeof Pagination>
}

/** One list of the page under its heading, with its count and its own page navigation. */
function ReviewSection({ id, title, intro, reviews, pagination }: SectionProps) {
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro && <p className="mb-4 mt-1 text-sm text-slate-600">{intro}</p>}
      <PendingReviewList reviews={reviews} />
      <Pagination {...pagination} />
    </section>
  )
}
