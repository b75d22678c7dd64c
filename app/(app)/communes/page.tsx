import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { CommuneTable } from '@/components/progress/commune-table'
import { requireUser } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { communeProgressPage } from '@/lib/queries/communes'
import { requestSource } from '@/lib/queries/progress-source'
import { pageParam } from '@/lib/validation/page'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { Pagination } from '@/components/pagination'
import { asOfParam } from '@/lib/validation/as-of'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('communes')
  return { title: t('title') }
}

/** A page of communes stays light on a slow link, where a country has over 10,000 of them. */
const COMMUNES_PER_PAGE = 100

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Every signed-in user may read it: staff read everything in the district. */
export default async function CommunesPage({ searchParams }: Props) {
  const user = await requireUser()
  const now = new Date()
  const query = await searchParams
  const source = requestSource(asOfParam(query.asOf), user)
  const page = pageParam(query.page)
  const [communes, t, tOverview] = await Promise.all([
    communeProgressPage(source, COMMUNES_PER_PAGE, offsetOf(page, COMMUNES_PER_PAGE)),
    getTranslations('communes'),
    getTranslations('overview'),
  ])
  if (page > 1 && communes.rows.length === 0) notFound()
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <div className="mb-4">
        <AsOfPicker path="/communes" day={source.day} past={source.asOfDay !== undefined} today={districtDay(now)} />
      </div>
      <CommuneTable rows={communes.rows} />
      <Pagination
        page={page}
        pageCount={pageCountOf(communes.total, COMMUNES_PER_PAGE)}
        href={(n) => pagedHref('/communes', { asOf: source.asOfDay }, n)}
        label={t('pages')}
      />
      <p className="mt-3 text-sm text-slate-600">{tOverview('progressNote')}</p>
    </>
  )
}
