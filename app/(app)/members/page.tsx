import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { MemberCard } from '@/components/members/member-card'
import { requireUser } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { asOfParam } from '@/lib/validation/as-of'
import { byMember, inChargeUnitProgress, ledGroupProgress, memberSummaryPage } from '@/lib/queries/member-progress'
import { requestSource } from '@/lib/queries/progress-source'
import { pageParam } from '@/lib/validation/page'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { Pagination } from '@/components/pagination'

/** A card shows the units needing help first; the member's page lists them all. */
const UNITS_PER_CARD = 5
/**
 * A card carries the member's groups and first units: 20 a page keep the page light on a slow link
 * however many members there are.
 */
const MEMBERS_PER_PAGE = 20

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Every active member, ranked so that the leader sees first who needs help. */
export default async function MembersPage({ searchParams }: Props) {
  const user = await requireUser()
  const now = new Date()
  const query = await searchParams
  const source = requestSource(asOfParam(query.asOf), user)
  const page = pageParam(query.page)
  const offset = offsetOf(page, MEMBERS_PER_PAGE)
  const [summaries, t] = await Promise.all([memberSummaryPage(source, MEMBERS_PER_PAGE, offset), getTranslations('members')])
  if (page > 1 && summaries.rows.length === 0) notFound()
  // The groups and units of this page's members only.
  const shown = summaries.rows.map((summary) => summary.id)
  const [groups, units] = await Promise.all([ledGroupProgress(source, shown), inChargeUnitProgress(source, shown, UNITS_PER_CARD)])
  const groupsOf = byMember(groups)
  const unitsOf = byMember(units)
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <AsOfPicker path="/members" day={source.day} past={source.asOfDay !== undefined} today={districtDay(now)} />
      <p className="mt-3 max-w-3xl text-sm text-slate-800">{t('ranking')}</p>
      <p className="mb-4 mt-1 max-w-3xl text-sm text-slate-700">{t('scope')}</p>
      {summaries.rows.length === 0 ? (
        <p className="text-slate-700">{t('empty')}</p>
      ) : (
        <ol start={offset + 1} className="space-y-4">
          {summaries.rows.map((summary, i) => {
            const memberUnits = unitsOf.get(summary.id) ?? []
            return (
              <li key={summary.id}>
                <MemberCard
                  rank={offset + i + 1}
                  summary={summary}
                  groups={groupsOf.get(summary.id) ?? []}
                  units={memberUnits}
                  unitCount={memberUnits[0]?.unitCount ?? 0}
                />
              </li>
            )
          })}
        </ol>
      )}
      <Pagination
        page={page}
        pageCount={pageCountOf(summaries.total, MEMBERS_PER_PAGE)}
        href={(n) => pagedHref('/members', { asOf: source.asOfDay }, n)}
        label={t('pages')}
      />
    </>
  )
}
