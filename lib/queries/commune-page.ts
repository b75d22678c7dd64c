// Everything a commune's progress page (app/(app)/communes/[code]/page.tsx) reads about it, in one
// call, kept while the data does not change (lib/db/snapshot-cache.ts), as the overview's is: a
// commune's page is read far more often than its staff report.
import 'server-only'
import type { CalendarDay } from '@/lib/domain/calendar'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { communeAssignments, doneTrend } from './commune-detail'
import { lateAssignments, progressByGroup } from './district-overview'

/** The late work the page lists first; every assignment, late ones included, is listed below it. */
export const COMMUNE_LATE_LIMIT = 10

async function readCommune(unitId: string, day: CalendarDay, asOf: Date | null) {
  const [progress, late, trend, assignments] = await Promise.all([
    progressByGroup(day, unitId, asOf),
    lateAssignments(day, unitId, COMMUNE_LATE_LIMIT, asOf),
    doneTrend(unitId, day),
    communeAssignments(unitId, asOf),
  ])
  return { progress, late, trend, assignments }
}

export type CommunePageData = Awaited<ReturnType<typeof readCommune>>

/** The communes being read at the moment, a few days each. */
const kept = snapshotCache<CommunePageData>(64)

/** The commune's numbers and lists for `day` (as of `asOf`, when a past day). */
export function communePageData(unitId: string, day: CalendarDay, asOf: Date | null): Promise<CommunePageData> {
  return kept(`${unitId} ${day} ${asOf?.toISOString() ?? ''}`, () => readCommune(unitId, day, asOf))
}
