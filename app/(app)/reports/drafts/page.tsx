import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import Link from '@/components/link'
import { ReviewReportList } from '@/components/reports/review-report-list'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { reviewReports } from '@/lib/queries/review-drafts'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.drafts')
  return { title: t('listTitle') }
}

/** The drafts and issued reports of the office's district; for anyone who may not write them the page does not exist. */
export default async function ReviewDraftsPage() {
  const user = await requireUser()
  if (!allows(user, 'report.write')) notFound()
  const [reports, t] = await Promise.all([reviewReports(user), getTranslations('reports.drafts')])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('listTitle')}</h1>
      <p className="mb-4 mt-1 max-w-3xl text-sm text-slate-700">{t('listIntro')}</p>
      {reports.length === 0 ? <p>{t('empty')}</p> : <ReviewReportList reports={reports} caption={t('listTitle')} />}
      <p className="mt-4 text-sm">
        <Link href="/reports" className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {t('backToReports')}
        </Link>
      </p>
    </>
  )
}
