import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { cacheLife } from 'next/cache'
import { redirect } from 'next/navigation'
import { DownloadLinks } from '@/components/exports/download-links'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { CommuneRanking } from '@/components/progress/commune-ranking'
import { GroupProgressChart } from '@/components/progress/group-progress-chart'
import { IndicatorCards } from '@/components/progress/indicator-cards'
import { LateAssignmentList } from '@/components/progress/late-assignment-list'
import { Panel } from '@/components/progress/panel'
import { RemindersNotice } from '@/components/reminders'
import { ReportingRatePanel } from '@/components/progress/reporting-rate-panel'
import { StatusSummary } from '@/components/progress/status-summary'
import { landingPath } from '@/lib/auth/landing'
import { mayReadView } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot, renderCounter } from '@/lib/db/snapshot-cache'
import { sectionSource, type SectionKey } from '@/lib/queries/kept-section'
import { districtDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { overviewPageData } from '@/lib/queries/overview-page'
import { pendingReviewCount } from '@/lib/queries/pending-reviews'
import { reminderCounts } from '@/lib/queries/reminders'
import { periodParamsSchema } from '@/lib/queries/reporting-rate'
import { cycleParamsSchema } from '@/lib/queries/report-cycles'
import { CycleRatePanel } from '@/components/progress/cycle-rate-panel'
import { statusLabelsOf } from '@/lib/domain/status'
import { asOfParam } from '@/lib/validation/as-of'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser()
  // Staff start from their own unit; the overview is the leaders' page.
  if (!mayReadView(user, 'overview')) redirect(landingPath(user))
  const today = districtDay(new Date())
  const params = await searchParams
  const { period } = periodParamsSchema.parse(params)
  const { cycle } = cycleParamsSchema.parse(params)
  const [locale, snapshot] = await Promise.all([getLocale(), dataSnapshot()])
  overviewRenders.asked()
  return (
    <div className="space-y-8">
      {/* Two async siblings, rendered at once: neither waits for the other. No Suspense boundary, so
          the HTML comes whole and in order (a streamed boundary needs scripts to show). */}
      <Reminders user={user} today={today} />
      {/* ?asOf=YYYY-MM-DD: the district as the history says it stood at the end of that day. */}
      <OverviewSections
          snapshot={snapshot}
          locale={locale}
          today={today}
          asked={asOfParam(params.asOf)}
          scopeUnitId={user.scopeUnitId}
          period={period}
          cycle={cycle}
        />
    </div>
  )
}

/** The reader's own reminders and reports to confirm. */
async function Reminders({ user, today }: { user: CurrentUser; today: CalendarDay }) {
  const [reminders, pending] = await Promise.all([reminderCounts(user, today), pendingReviewCount(user)])
  return <RemindersNotice counts={reminders} pendingReviews={pending} />
}

const overviewRenders = renderCounter('overview sections')

/** What makes the overview's sections what they are: the state of the data, the day asked for, the reader's subtree, the language. */
type SectionsKey = SectionKey & { period: string | undefined; cycle: string | undefined }

/**
 * Everything below the reminders, the same for every reader of one subtree: rendered once per
 * state of the data (the snapshot, lib/db/snapshot-cache.ts) and key, and kept for the next reader.
 */
async function OverviewSections(key: SectionsKey) {
  'use cache'
  cacheLife('max')
  const { today, period, cycle } = key
  const source = sectionSource(overviewRenders, key)
  const [{ progress, indicators, communes, late, report, cycles }, t] = await Promise.all([overviewPageData(source, period, cycle), getTranslations('overview')])
  const shownPeriod = report.choice.period
  return (
    <>
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <AsOfPicker path="/" day={source.day} past={source.asOfDay !== undefined} today={today} keep={{ period }}>
          {shownPeriod && ` ${t('periodLine', { name: shownPeriod.name, start: formatDay(shownPeriod.startDay), end: formatDay(shownPeriod.endDay) })}`}
        </AsOfPicker>
        <DownloadLinks view="overview" table="ranking" filters={{ asOf: source.asOfDay }} />
        <DownloadLinks view="assignments" table="register" filters={{ asOf: source.asOfDay }} register />
      </header>

      <StatusSummary counts={progress.total} headingId="summary-title" />

      <div className="space-y-2">
        <div className="space-y-6">
          <Panel name={t('groups.title')}>
            <GroupProgressChart groups={progress.groups} />
          </Panel>
          <Panel name={t('ranking.title')}>
            <CommuneRanking ranking={communes} />
          </Panel>
        </div>
        <p className="text-sm text-slate-600">{t('progressNote')}</p>
      </div>

      <section aria-labelledby="indicators-title" className="space-y-3">
        <h2 id="indicators-title" className="text-lg font-semibold">
          {t('indicators.title')}
        </h2>
        <IndicatorCards indicators={indicators} />
      </section>

      <Panel name={t('reporting.title')} className="space-y-3">
        <h2 className="text-lg font-semibold">{t('reporting.title')}</h2>
        <ReportingRatePanel {...report} />
      </Panel>

      {cycles && (
        <Panel name={t('cycles.title')} className="space-y-3">
          <h2 className="text-lg font-semibold">{t('cycles.title')}</h2>
          <CycleRatePanel choice={cycles} keep={{ period, asOf: source.asOfDay }} />
        </Panel>
      )}

      <section aria-labelledby="late-title" className="space-y-3">
        <h2 id="late-title" className="text-lg font-semibold">
          {t('late.title')}
        </h2>
        <LateAssignmentList
          labelledBy="late-title"
          showUnit
          total={progress.total.late}
          rows={late.map((row) => ({ ...row, labels: statusLabelsOf(row, source.at) }))}
        />
      </section>
    </>
  )
}
