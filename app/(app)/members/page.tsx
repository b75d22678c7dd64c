import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { MemberCard } from '@/components/members/member-card'
import { requireUser } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { progressMoment } from '@/lib/queries/as-of'
import { asOfParam } from '@/lib/validation/as-of'
import { byMember, inChargeUnitProgress, ledGroupProgress, memberSummaries } from '@/lib/queries/member-progress'

/** A card shows the units needing help first; the member's page lists them all. */
const UNITS_PER_CARD = 5

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Every active member, ranked so that the leader sees first who needs help. */
export default async function MembersPage({ searchParams }: Props) {
  await requireUser()
  const now = new Date()
  const { day: today, asOf } = progressMoment(asOfParam((await searchParams).asOf), now)
  const [summaries, groups, units, t] = await Promise.all([
    memberSummaries(today, null, asOf),
    ledGroupProgress(today, null, asOf),
    inChargeUnitProgress(today, null, UNITS_PER_CARD, asOf),
    getTranslations('members'),
  ])
  const groupsOf = byMember(groups)
  const unitsOf = byMember(units)
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <AsOfPicker path="/members" day={today} past={asOf !== null} today={districtDay(now)} />
      <p className="mt-3 max-w-3xl text-sm text-slate-800">{t('ranking')}</p>
      <p className="mb-4 mt-1 max-w-3xl text-sm text-slate-700">{t('scope')}</p>
      {summaries.length === 0 ? (
        <p className="text-slate-700">{t('empty')}</p>
      ) : (
        <ol className="space-y-4">
          {summaries.map((summary, i) => {
            const memberUnits = unitsOf.get(summary.id) ?? []
            return (
              <li key={summary.id}>
                <MemberCard
                  rank={i + 1}
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
    </>
  )
}
