// Everything a commune's progress page (app/(app)/communes/[code]/page.tsx) reads about it, in one
// call, kept while the data does not change (lib/db/snapshot-cache.ts), as the overview's is: a
// commune's page is read far more often than its staff report.
import 'server-only'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { communeAssignments, doneTrend } from './commune-detail'
import { lateAssignments, progressByGroup } from './district-overview'
import type { ProgressSource } from './progress-source'
import { unitIndicators } from './unit-indicators'

/** The late work the page lists first; every assignment, late ones included, is listed below it. */
export const COMMUNE_LATE_LIMIT = 10

async function readCommune(source: ProgressSource, unitId: string) {
  const [progress, late, trend, assignments, indicators] = await Promise.all([
    progressByGroup(source, unitId),
    lateAssignments(source, unitId, COMMUNE_LATE_LIMIT),
    doneTrend(unitId, source.day),
    communeAssignments(source, unitId),
    unitIndicators(source, unitId),
  ])
  return { progress, late, trend, assignments, indicators }
}

export type CommunePageData = Awaited<ReturnType<typeof readCommune>>

/** The communes being read at the moment, a few days each. */
const kept = snapshotCache<CommunePageData>('commune data', 64)

/** The commune's numbers and lists, from `source`. */
export function communePageData(source: ProgressSource, unitId: string): Promise<CommunePageData> {
  return kept(`${unitId} ${source.key}`, () => readCommune(source, unitId))
}
