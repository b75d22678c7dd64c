import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { PendingReviewList } from '@/components/pending-review-list'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { pendingReviews } from '@/lib/queries/pending-reviews'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review')
  return { title: t('title') }
}

/** Leaders and the administrator: the updates waiting for their confirmation. */
export default async function ReviewsPage() {
  const user = await requireUser()
  if (!allows(user, 'review.queue')) notFound()
  const [reviews, t] = await Promise.all([pendingReviews(user), getTranslations('review')])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {reviews.length > 0 && <p className="mb-4 mt-1 text-sm text-slate-600">{t('intro', { count: reviews.length })}</p>}
      <PendingReviewList reviews={reviews} />
    </>
  )
}
