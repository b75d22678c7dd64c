// What a member's page (app/(app)/members/[code]/page.tsx) reads; its download
// (lib/reports/exports/member.ts) carries the same lists, read through memberWork.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import type { Paged } from '@/lib/domain/paging'
import {
  inChargeUnitProgress,
  ledGroupProgress,
  memberOverdueAssignments,
  memberOverdueReports,
  memberPendingUpdates,
  memberSummaries,
  type OverdueAssignment,
  type OverdueReport,
} from './member-progress'
import type { ProgressSource } from './progress-source'
import { inChargeIndicators } from './unit-indicators'

/** The lists stop here; their totals still count everything. */
const LIST_LIMIT = 50

/**
 * The task groups the member leads, every unit in their charge, and the first overdue work under
 * them; with `reader`, as the download carries it: each overdue assignment with its latest report
 * as `reader` may read it.
 */
export async function memberWork(source: ProgressSource, memberId: string): Promise<MemberWork<OverdueAssignment>>
export async function memberWork(source: ProgressSource, memberId: string, reader: Actor): Promise<MemberWork<OverdueReport>>
export async function memberWork(source: ProgressSource, memberId: string, reader?: Actor): Promise<MemberWork<OverdueAssignment | OverdueReport>> {
  const [groups, units, overdue] = await Promise.all([
    ledGroupProgress(source, memberId),
    inChargeUnitProgress(source, memberId, null),
    reader ? memberOverdueReports(source, reader, memberId, LIST_LIMIT) : memberOverdueAssignments(source, memberId, LIST_LIMIT),
  ])
  return { groups, units, overdue }
}

type MemberWork<Overdue> = {
  groups: Awaited<ReturnType<typeof ledGroupProgress>>
  units: Awaited<ReturnType<typeof inChargeUnitProgress>>
  overdue: Paged<Overdue>
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
