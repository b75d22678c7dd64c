// Everything the district overview page (app/(app)/page.tsx) reads, in one call, kept while the
// data does not change (lib/db/snapshot-cache.ts): leaders open this page far more often than the
// data changes, and twenty of them at once should not each redo the same queries. Its download
// (lib/reports/exports/overview.ts) reads the same figures through overviewFigures.
import 'server-only'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { communeRankingEnds } from './communes'
import { indicatorResults, lateAssignments, progressByGroup } from './district-overview'
import type { ProgressSource } from './progress-source'
import { choosePeriod, reportingPeriods, reportingRate, unitsDayOf } from './reporting-rate'
import { chosenCycle } from './report-cycles'

/** How many late assignments and units yet to report the overview lists; the counts cover them all. */
const LATE_LIMIT = 50
const MISSING_LIMIT = 30
/** The ranking lists every commune of a district; of more than twice this many, its head and tail. */
const RANKING_ENDS = 10

/** The overview's figures that its page shows and its download carries: the counts per task group, the indicators, the late work. */
export async function overviewFigures(source: ProgressSource) {
  const [progress, indicators, late] = await Promise.all([progressByGroup(source, null), indicatorResults(source), lateAssignments(source, null, LATE_LIMIT)])
  return { progress, indicators, late }
}

async function reporting(code: string | undefined, source: ProgressSource) {
  const periods = await reportingPeriods(source.scope)
  const choice = choosePeriod(periods, code, source.day)
  const rate = choice.period
    ? await reportingRate(choice.period.startDay, choice.period.endDay, unitsDayOf(choice.period, source.day), MISSING_LIMIT, source.unitInScope())
    : null
  return { periods, choice, rate }
}

async function readOverview(source: ProgressSource, period: string | undefined, cycle: string | undefined) {
  const [figures, communes, report, cycles] = await Promise.all([
    overviewFigures(source),
    communeRankingEnds(source, RANKING_ENDS),
    reporting(period, source),
    chosenCycle(source, cycle, MISSING_LIMIT),
  ])
  return { ...figures, communes, report, cycles }
}

export type OverviewPageData = Awaited<ReturnType<typeof readOverview>>

/** A few days and periods at a time: today's, and the past days someone is looking at. */
const kept = snapshotCache<OverviewPageData>('overview data', 16)

/** The overview's numbers from `source` with the reporting `period` and monthly or quarterly `cycle` asked for. */
export function overviewPageData(source: ProgressSource, period: string | undefined, cycle?: string): Promise<OverviewPageData> {
  return kept(`${source.key} ${period ?? ''} ${cycle ?? ''}`, () => readOverview(source, period, cycle))
}
