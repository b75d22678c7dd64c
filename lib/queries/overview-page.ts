// Everything the district overview page (app/(app)/page.tsx) reads, in one call, kept while the
// data does not change (lib/db/snapshot-cache.ts): leaders open this page far more often than the
// data changes, and twenty of them at once should not each redo the same queries.
import 'server-only'
import type { CalendarDay } from '@/lib/domain/calendar'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { communeRankingEnds } from './communes'
import { indicatorResults, lateAssignments, progressByGroup } from './district-overview'
import { choosePeriod, reportingPeriods, reportingRate } from './reporting-rate'

/** How many late assignments and units yet to report the page lists; the counts cover them all. */
const LATE_LIMIT = 50
const MISSING_LIMIT = 30
/** The ranking lists every commune of a district; of more than twice this many, its head and tail. */
const RANKING_ENDS = 10

async function reporting(code: string | undefined, today: CalendarDay) {
  const periods = await reportingPeriods()
  const choice = choosePeriod(periods, code, today)
  const rate = choice.period ? await reportingRate(choice.period.startDay, choice.period.endDay, MISSING_LIMIT) : null
  return { periods, choice, rate }
}

async function readOverview(today: CalendarDay, asOf: Date | null, period: string | undefined) {
  const [progress, indicators, communes, late, report] = await Promise.all([
    progressByGroup(today, null, asOf),
    indicatorResults(today, asOf),
    communeRankingEnds(today, RANKING_ENDS, asOf),
    lateAssignments(today, null, LATE_LIMIT, asOf),
    reporting(period, today),
  ])
  return { progress, indicators, communes, late, report }
}

export type OverviewPageData = Awaited<ReturnType<typeof readOverview>>

/** A few days and periods at a time: today's, and the past days someone is looking at. */
const kept = snapshotCache<OverviewPageData>(16)

/** The overview's numbers for `today` (as of `asOf`, when a past day) with the reporting `period` asked for. */
export function overviewPageData(today: CalendarDay, asOf: Date | null, period: string | undefined): Promise<OverviewPageData> {
  return kept(`${today} ${asOf?.toISOString() ?? ''} ${period ?? ''}`, () => readOverview(today, asOf, period))
}
