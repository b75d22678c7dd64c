import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { groupHref, memberHref, unitHref } from '@/lib/domain/paths'
import type { GroupProgress, MemberSummary, UnitProgress } from '@/lib/queries/member-progress'
import { MemberFigures } from './member-figures'
import { ProgressList } from './progress-list'

type Props = {
  rank: number
  summary: MemberSummary
  groups: GroupProgress[]
  /** The units needing help first, perhaps not all of them. */
  units: UnitProgress[]
  /** How many units the member is in charge of in all. */
  unitCount: number
}

/** One member in the ranking: the figures, the groups they lead and the units in their charge. */
export function MemberCard({ rank, summary, groups, units, unitCount }: Props) {
  const t = useTranslations('members')
  const headingId = `member-${summary.code}`
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <header className="flex items-start gap-3">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-800 text-sm font-semibold text-white tabular-nums">
          {rank}
        </span>
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold">
            <span className="sr-only">{t('rank', { rank })} </span>
            <Link href={memberHref(summary.code)} className="text-blue-800 underline-offset-2 hover:underline">
              {summary.name}
            </Link>
          </h2>
          <p className="text-sm text-slate-700">{summary.title}</p>
        </div>
      </header>
      <div className="mt-4">
        <MemberFigures summary={summary} />
      </div>
      <div className="mt-4 grid gap-4 border-t border-slate-100 pt-4 md:grid-cols-2">
        <section aria-labelledby={`${headingId}-groups`}>
          <h3 id={`${headingId}-groups`} className="mb-2 text-sm font-semibold text-slate-800">
            {t('groupsLed')}
          </h3>
          <ProgressList
            items={groups.map((g) => ({ key: g.groupId, href: groupHref(g.code), name: g.name, progress: g.progress, overdue: g.overdue }))}
            emptyMessage={t('noGroups')}
          />
        </section>
        <section aria-labelledby={`${headingId}-units`}>
          <h3 id={`${headingId}-units`} className="mb-2 text-sm font-semibold text-slate-800">
            {t('unitsInCharge')}
          </h3>
          <ProgressList
            items={units.map((u) => ({ key: u.unitId, href: unitHref(u.code, u.kind), name: u.name, progress: u.progress, overdue: u.overdue }))}
            emptyMessage={t('noUnits')}
          />
          {unitCount > units.length && (
            <p className="mt-2 text-sm">
              <Link href={memberHref(summary.code)} className="font-medium text-blue-800 underline underline-offset-2">
                {t('moreUnits', { count: unitCount - units.length })}
              </Link>
            </p>
          )}
        </section>
      </div>
    </article>
  )
}
