// What a member's page (app/(app)/members/[code]/page.tsx) reads; its download
// (lib/reports/exports/member.ts) carries the same lists, read through memberWork.
import 'server-only'
import { inChargeUnitProgress, ledGroupProgress, memberOverdueAssignments, memberPendingUpdates, memberSummaries } from './member-progress'
import type { ProgressSource } from './progress-source'
import { inChargeIndicators } from './unit-indicators'

/** The lists stop here; their totals still count everything. */
const LIST_LIMIT = 50

/** The task groups the member leads, every unit in their charge, and the first overdue work under them. */
export async function memberWork(source: ProgressSource, memberId: string) {
  const [groups, units, overdue] = await Promise.all([
    ledGroupProgress(source, memberId),
    inChargeUnitProgress(source, memberId, null),
    memberOverdueAssignments(source, memberId, LIST_LIMIT),
  ])
  return { groups, units, overdue }
}

/**
 * Everything the member's page shows: memberWork, the member's summary (undefined for an inactive
 * member), the first updates awaiting them and the indicators of the units in their charge.
 */
export async function memberPageData(source: ProgressSource, memberId: string) {
  const [[summary], work, pending, indicators] = await Promise.all([
    memberSummaries(source, memberId),
    memberWork(source, memberId),
    memberPendingUpdates(source, memberId, LIST_LIMIT),
    inChargeIndicators(source, memberId),
  ])
  return { summary, pending, indicators, ...work }
}
