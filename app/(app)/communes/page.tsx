import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { CommuneTable } from '@/components/progress/commune-table'
import { requireUser } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { progressMoment } from '@/lib/queries/as-of'
import { communeProgressList } from '@/lib/queries/communes'
import { asOfParam } from '@/lib/validation/as-of'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('communes')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Every signed-in user may read it: staff read everything in the district. */
export default async function CommunesPage({ searchParams }: Props) {
  await requireUser()
  const now = new Date()
  const { day, asOf } = progressMoment(asOfParam((await searchParams).asOf), now)
  const [rows, t, tOverview] = await Promise.all([communeProgressList(day, 'list', asOf), getTranslations('communes'), getTranslations('overview')])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <div className="mb-4">
        <AsOfPicker path="/communes" day={day} past={asOf !== null} today={districtDay(now)} />
      </div>
      <CommuneTable rows={rows} />
      <p className="mt-3 text-sm text-slate-600">{tOverview('progressNote')}</p>
    </>
  )
}
