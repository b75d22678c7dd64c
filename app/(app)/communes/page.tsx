import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CommuneTable } from '@/components/progress/commune-table'
import { requireUser } from '@/lib/auth/session'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { communeProgressList } from '@/lib/queries/communes'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('communes')
  return { title: t('title') }
}

/** Every signed-in user may read it: staff read everything in the district. */
export default async function CommunesPage() {
  await requireUser()
  const today = districtDay(new Date())
  const [rows, t, tOverview] = await Promise.all([communeProgressList(today, 'list'), getTranslations('communes'), getTranslations('overview')])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-700">{tOverview('asOf', { date: formatDay(today) })}</p>
      <CommuneTable rows={rows} />
      <p className="mt-3 text-sm text-slate-600">{tOverview('progressNote')}</p>
    </>
  )
}
