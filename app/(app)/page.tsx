import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { CommuneProgressTable } from '@/components/commune-progress-table'
import { landingPath } from '@/lib/auth/landing'
import { requireUser } from '@/lib/auth/session'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { communeProgress } from '@/lib/queries/commune-progress'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview')
  return { title: t('title') }
}

export default async function OverviewPage() {
  const user = await requireUser()
  // Staff start from their own unit; the overview is the leaders' page.
  if (user.role === 'STAFF') redirect(landingPath(user))
  const today = districtDay(new Date())
  const [rows, t] = await Promise.all([communeProgress(today), getTranslations('overview')])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t('asOf', { date: formatDay(today) })}</p>
      <CommuneProgressTable rows={rows} />
    </>
  )
}
