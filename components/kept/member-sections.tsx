// A member's page: the same for every reader
// of one key, rendered once per key by the app's request to itself and kept (lib/queries/kept-html.ts).
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { notFound } from 'next/navigation'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { BarChart } from '@/components/charts/bar-chart'
import { DownloadLinks } from '@/components/exports/download-links'
import { MemberFigures } from '@/components/members/member-figures'
import { MemberIndicatorList } from '@/components/members/member-indicator-list'
import { OverdueTable } from '@/components/members/overdue-table'
import { PendingUpdateList } from '@/components/members/pending-update-list'
import { groupHref, memberHref, unitHref } from '@/lib/domain/paths'
import { StatusCountList } from '@/components/tasks/status-count-list'
import { StatusCountsTable } from '@/components/tasks/status-counts-table'
import { sectionSource, type SectionKey } from '@/lib/queries/kept-section'
import { memberPageData } from '@/lib/queries/member-page'
import { type Member } from '@/lib/queries/member-progress'

/**
 * What makes the page what it is: the state of the data, the day asked for, the reader's subtree
 * (which found the member), the language, and whether the reader is that member (who is sent to
 * the reports awaiting them).
 */
export type MemberKey = SectionKey & { member: Member; ownPage: boolean }

/**
 * The whole page, the same for every reader of one key: rendered once per state of the data (the
 * snapshot, lib/db/snapshot-cache.ts) and kept for the next reader.
 */
export async function MemberSections(key: MemberKey) {
  const { today, member, ownPage } = key
  const source = sectionSource(key)
  const [{ summary, groups, units, pending, overdue, indicators }, t, tTasks] = await Promise.all([
    memberPageData(source, member.id),
    getTranslations('members'),
    getTranslations('tasks'),
  ])
  if (!summary) notFound()
  const section = 'mt-8'
  const sectionTitle = 'text-lg font-semibold'
  return (
    <>
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link href="/members" className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {t('detail.list')}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{member.name}</h1>
      <p className="text-slate-700">{member.title}</p>
      <AsOfPicker path={memberHref(member.code)} day={source.day} past={source.asOfDay !== undefined} today={today} />
      <DownloadLinks view="members" code={member.code} table="unitsInCharge" filters={{ asOf: source.asOfDay }} />

      <section aria-labelledby="summary-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary-title" className={sectionTitle}>
          {t('detail.summary')}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t('scope')}</p>
        <MemberFigures summary={summary} />
        <div className="mt-4">
          <StatusCountList counts={summary} />
        </div>
        <p className="mt-3 text-sm text-slate-600">{tTasks('counts.overdueNote')}</p>
      </section>

      <section aria-labelledby="groups-title" className={section}>
        <h2 id="groups-title" className={`${sectionTitle} mb-3`}>
          {t('groupsLed')}
        </h2>
        {groups.length === 0 ? (
          <p className="text-slate-700">{t('noGroups')}</p>
        ) : (
          <div className="space-y-4">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <BarChart
                title={t('detail.groupChart')}
                labelHeading={t('detail.group')}
                valueHeading={t('detail.progress')}
                max={100}
                bars={groups.map((g) => ({ key: g.groupId, label: g.name, value: g.progress, display: `${g.progress}%`, href: groupHref(g.code) }))}
              />
            </div>
            <StatusCountsTable
              caption={t('detail.groupTable')}
              rowHeading={t('detail.group')}
              rows={groups.map((g) => ({
                key: g.groupId,
                label: (
                  <Link href={groupHref(g.code)} className="text-blue-800 underline-offset-2 hover:underline">
                    {g.name}
                  </Link>
                ),
                counts: g,
              }))}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="units-title" className={section}>
        <h2 id="units-title" className={`${sectionTitle} mb-3`}>
          {t('unitsInCharge')}
        </h2>
        {units.length === 0 ? (
          <p className="text-slate-700">{t('noUnits')}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">{t('detail.unitOrder')}</p>
            <StatusCountsTable
              caption={t('detail.unitTable')}
              rowHeading={t('detail.unit')}
              rows={units.map((u) => ({
                key: u.unitId,
                label: (
                  <Link href={unitHref(u.code, u.kind)} className="text-blue-800 underline-offset-2 hover:underline">
                    {u.name}
                  </Link>
                ),
                counts: u,
              }))}
            />
          </>
        )}
      </section>

      {indicators.length > 0 && (
        <section aria-labelledby="indicators-title" className={section}>
          <h2 id="indicators-title" className={sectionTitle}>
            {t('indicators.title')}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t('indicators.intro')}</p>
          <MemberIndicatorList rows={indicators} labelledBy="indicators-title" />
        </section>
      )}

      <section aria-labelledby="pending-title" className={section}>
        <h2 id="pending-title" className={sectionTitle}>
          {t('pending.title')}
        </h2>
        {pending.total > 0 && (
          <p className="mb-3 text-sm text-slate-700">
            {t('pending.intro', { count: pending.total })}
            {pending.total > pending.rows.length && ` ${t('showing', { shown: pending.rows.length, total: pending.total })}`}
            {ownPage && (
              <>
                {' '}
                <Link href="/reviews" className="font-medium text-blue-800 underline underline-offset-2">
                  {t('pending.review')}
                </Link>
              </>
            )}
          </p>
        )}
        <PendingUpdateList rows={pending.rows} emptyMessage={t('pending.empty')} />
      </section>

      <section aria-labelledby="overdue-title" className={section}>
        <h2 id="overdue-title" className={sectionTitle}>
          {t('overdue.title')}
        </h2>
        {overdue.total > 0 && (
          <p className="mb-3 text-sm text-slate-700">
            {t('overdue.intro', { count: overdue.total })}
            {overdue.total > overdue.rows.length && ` ${t('showing', { shown: overdue.rows.length, total: overdue.total })}`}
          </p>
        )}
        <OverdueTable rows={overdue.rows} today={source.day} emptyMessage={t('overdue.empty')} />
      </section>
    </>
  )
}
