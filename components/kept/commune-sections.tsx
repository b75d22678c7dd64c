// A commune's page: the same for every reader
// of one key, rendered once per key by the app's request to itself and kept (lib/queries/kept-html.ts).
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { TrendLine } from '@/components/charts/trend-line'
import { DownloadLinks } from '@/components/exports/download-links'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { CommuneAssignmentList } from '@/components/progress/commune-assignment-list'
import { GroupProgressChart } from '@/components/progress/group-progress-chart'
import { LateAssignmentList } from '@/components/progress/late-assignment-list'
import { Panel } from '@/components/progress/panel'
import { StatusSummary } from '@/components/progress/status-summary'
import { UnitIndicatorList } from '@/components/progress/unit-indicator-list'
import { sectionSource, type SectionKey } from '@/lib/queries/kept-section'
import { addDays, formatDay } from '@/lib/domain/calendar'
import type { AssignmentTiming } from '@/lib/domain/status'
import { type Commune } from '@/lib/queries/commune-detail'
import { communePageData } from '@/lib/queries/commune-page'
import { statusLabelsOf } from '@/lib/domain/status'
import { communeHref, unitPageHref } from '@/lib/domain/paths'
import { unitHistory } from '@/lib/queries/unit-history'
import { UnitChangeNote } from '@/components/unit-change-note'
import { UnitProfile } from '@/components/unit-profile'
import { unitFiguresOn } from '@/lib/queries/unit-figures'

/** What makes the page what it is: the state of the data, the day asked for, the reader's subtree (which found the commune), the language. */
export type CommuneKey = SectionKey & { commune: Commune }

/**
 * The whole page, the same for every reader of one subtree: rendered once per state of the data
 * (the snapshot, lib/db/snapshot-cache.ts) and key, and kept for the next reader.
 */
export async function CommuneSections(key: CommuneKey) {
  const { today, asked, commune } = key
  // A split commune's figures are those of its last day: from the split on, its parts carry its work.
  const [split] = (await unitHistory(commune.id, today))?.splitInto ?? []
  const lastDay = split ? addDays(split.day, -1) : null
  const source = sectionSource(key, lastDay !== null && (asked === null || asked > lastDay) ? lastDay : asked)
  const [{ progress, late, trend, assignments, indicators }, history, figures, t, tOverview] = await Promise.all([
    communePageData(source, commune.id),
    // On its last day, the line that says where its work went.
    unitHistory(commune.id, source.day === lastDay ? today : source.day),
    unitFiguresOn(commune.id, source.day),
    getTranslations('communes.detail'),
    getTranslations('overview'),
  ])
  const labelled = <T extends AssignmentTiming>(row: T) => ({ ...row, labels: statusLabelsOf(row, source.at) })
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href="/communes" className="text-blue-800 underline-offset-2 hover:underline">
            {t('allCommunes')}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold">{history?.name ?? commune.name}</h1>
        <UnitChangeNote history={history} />
        <UnitProfile figures={figures} />
        <p className="mt-1 text-sm text-slate-700">
          {commune.member ? t('memberInCharge', { name: commune.member.name, title: commune.member.title }) : t('noMember')}
        </p>
        <AsOfPicker path={communeHref(commune.code)} day={source.day} past={source.asOfDay !== undefined} today={today} />
        <DownloadLinks view="communes" code={commune.code} table="assignments" filters={{ asOf: source.asOfDay }} />
      </header>

      <StatusSummary counts={progress.total} headingId="summary-title" />

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel name={tOverview('groups.title')}>
          <GroupProgressChart groups={progress.groups} />
          <p className="mt-1 text-sm text-slate-600">{tOverview('progressNote')}</p>
        </Panel>
        <Panel name={t('trend.title')}>
          <TrendLine
            title={t('trend.title')}
            dateHeading={t('trend.date')}
            valueHeading={t('trend.value')}
            points={trend.map((p) => ({ label: formatDay(p.day), value: p.done }))}
          />
          <p className="mt-2 text-sm text-slate-600">{t('trend.note')}</p>
        </Panel>
      </div>

      {indicators.length > 0 && (
        <section aria-labelledby="indicators-title" className="space-y-3">
          <h2 id="indicators-title" className="text-lg font-semibold">
            {t('indicators')}
          </h2>
          <UnitIndicatorList unitCode={commune.code} rows={indicators} labelledBy="indicators-title" />
        </section>
      )}

      <section aria-labelledby="late-title" className="space-y-3">
        <h2 id="late-title" className="text-lg font-semibold">
          {t('late')}
        </h2>
        <LateAssignmentList
          labelledBy="late-title"
          showUnit={false}
          total={progress.total.late}
          rows={late.map(labelled)}
          rest={{ href: '#assignments-title', label: t('lateRest') }}
        />
      </section>

      <section aria-labelledby="assignments-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id="assignments-title" className="text-lg font-semibold">
            {t('assignments.title')}
          </h2>
          <Link href={unitPageHref(commune.code)} className="text-sm text-blue-800 underline-offset-2 hover:underline">
            {t('unitPage')}
          </Link>
        </div>
        <CommuneAssignmentList unitCode={commune.code} rows={assignments.map(labelled)} emptyMessage={t('assignments.empty')} />
      </section>
    </div>
  )
}
