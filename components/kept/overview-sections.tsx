// The overview's sections below the reader's reminders: the same for every reader
// of one key, rendered once per key by the app's request to itself and kept (lib/queries/kept-html.ts).
import { getTranslations } from 'next-intl/server'
import { DownloadLinks } from '@/components/exports/download-links'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { CommuneRanking } from '@/components/progress/commune-ranking'
import { GroupProgressChart } from '@/components/progress/group-progress-chart'
import { IndicatorCards } from '@/components/progress/indicator-cards'
import { LateAssignmentList } from '@/components/progress/late-assignment-list'
import { Panel } from '@/components/progress/panel'
import { ReportingRatePanel } from '@/components/progress/reporting-rate-panel'
import { StatusSummary } from '@/components/progress/status-summary'
import { sectionSource, type SectionKey } from '@/lib/queries/kept-section'
import { formatDay } from '@/lib/domain/calendar'
import { overviewPageData } from '@/lib/queries/overview-page'
import { CycleRatePanel } from '@/components/progress/cycle-rate-panel'
import { statusLabelsOf } from '@/lib/domain/status'

/** What makes the overview's sections what they are: the state of the data, the day asked for, the reader's subtree, the language. */
export type OverviewKey = SectionKey & { period: string | undefined; cycle: string | undefined }

/**
 * Everything below the reminders, the same for every reader of one subtree: rendered once per
 * state of the data (the snapshot, lib/db/snapshot-cache.ts) and key, and kept for the next reader.
 */
export async function OverviewSections(key: OverviewKey) {
  const { today, period, cycle } = key
  const source = sectionSource(key)
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
