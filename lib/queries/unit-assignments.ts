// One unit's page: the unit and its assignments, grouped by task group in the agreed order, with
// the filters the page offers (by status, by group, returned reports) read from the URL.
import 'server-only'
import { cache } from 'react'
import { z } from 'zod'
import { unitsWhere, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import type { TaskScope } from '@/lib/db/generated/enums'
import { unitIndicatorOf, type UnitIndicator, type UnitIndicatorColumns } from '@/lib/domain/indicator'
import { STATUS_LABELS, statusLabelsOf, type TaskStatus } from '@/lib/domain/status'
import { latestReportOf, latestReportSql, type LatestReport, type LatestReportColumns } from './latest-report'
import type { ProgressSource } from './progress-source'

export type Indicator = UnitIndicator

export type UnitAssignment = LatestReport & {
  id: string
  taskCode: string
  title: string
  status: TaskStatus
  progress: number
  dueDate: Date
  completedAt: Date | null
  indicator: Indicator | null
}

export type UnitTaskGroup = { id: string; code: string; name: string; assignments: UnitAssignment[] }

export type UnitAssignments = {
  unit: { id: string; code: string; name: string; member: { name: string; title: string } | null }
  groups: UnitTaskGroup[]
  /** Whether the reader may read the details (and so the reviewers' comments) of any of these assignments. */
  commentsReadable: boolean
}

type AssignmentRow = Omit<UnitAssignment, 'indicator' | keyof LatestReport> &
  LatestReportColumns & {
    groupId: string
    groupCode: string
    groupName: string
    scope: TaskScope
  } & UnitIndicatorColumns

/**
 * null when no active unit, nor a unit merged into another or split, has this code; each assignment with its latest report and that report's
 * review state as `source` has them, and the reviewer's comment when `reader` may read it.
 */
export const unitAssignments = cache(async (source: ProgressSource, code: string, reader: Actor): Promise<UnitAssignments | null> => {
  const unit = await db().unit.findFirst({
    // A unit merged into another or split keeps its page: its reports stay its own (lib/actions/admin/unit-merge.ts, unit-split.ts).
    where: { ...unitsWhere(reader), code, OR: [{ active: true }, { changeParts: { some: { side: 'BEFORE', change: { kind: { in: ['MERGE', 'SPLIT'] } } } } }] },
    select: { id: true, code: true, name: true, inChargeMember: { select: { name: true, title: true } } },
  })
  if (!unit) return null
  const groups = new Map<string, UnitTaskGroup>()
  let commentsReadable = false
  for (const row of await assignmentRows(source, unit.id, reader)) {
    const { id, taskCode, title, status, progress, dueDate, completedAt, groupId, groupCode, groupName, indicatorKind, indicatorUnit, indicatorBaseline, indicatorTarget, unitTarget, indicatorActual, scope, readable } = row
    commentsReadable ||= readable
    const entry = groups.get(groupId) ?? { id: groupId, code: groupCode, name: groupName, assignments: [] }
    entry.assignments.push({
      id,
      taskCode,
      title,
      status,
      progress,
      dueDate,
      completedAt,
      indicator: unitIndicatorOf({ indicatorKind, indicatorUnit, indicatorBaseline, indicatorTarget, unitTarget, indicatorActual }, scope === 'COMMUNE'),
      ...latestReportOf(row),
    })
    groups.set(groupId, entry)
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, member: unit.inChargeMember },
    groups: [...groups.values()],
    commentsReadable,
  }
})

/**
 * The unit's assignments of active tasks in the agreed order, each with its latest report as
 * `reader` may read it (./latest-report.ts): one index probe per assignment, not the unit's whole history.
 */
function assignmentRows(source: ProgressSource, unitId: string, reader: Actor): Promise<AssignmentRow[]> {
  const latest = latestReportSql(source, reader)
  return db().$queryRaw<AssignmentRow[]>`
    SELECT a.id::text AS "id", t.code AS "taskCode", t.title, a.status::text AS "status", a.progress,
           t."dueDate", a."completedAt", g.id::text AS "groupId", g.code AS "groupCode", g.name AS "groupName",
           t."indicatorKind"::text AS "indicatorKind", t."indicatorUnit", trim_scale(t."indicatorBaseline")::text AS "indicatorBaseline",
           trim_scale(t."indicatorTarget")::text AS "indicatorTarget", trim_scale(${source.unitTarget()})::text AS "unitTarget",
           trim_scale(a."indicatorActual")::text AS "indicatorActual", t.scope::text AS "scope", ${latest.columns}
      FROM ${source.assignments} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
      ${latest.join}
     WHERE a."unitId" = ${unitId}::uuid
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`
}

/** An empty, malformed or repeated parameter counts as absent. */
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined)

/** `?status=…&group=…&review=returned`; anything unknown or malformed is ignored (no filter). */
export const unitFilterSchema = z.object({
  status: lenient(z.enum(STATUS_LABELS)),
  group: lenient(z.string().max(64)),
  review: lenient(z.enum(['returned'])),
})
export type UnitFilter = z.infer<typeof unitFilterSchema>

/** The filter as it applies to these groups: a group code the unit does not have is dropped. */
export function applicableFilter(groups: UnitTaskGroup[], filter: UnitFilter): UnitFilter {
  return groups.some((g) => g.code === filter.group) ? filter : { ...filter, group: undefined }
}

/** Whether any filter is in force. */
export function isFiltered(filter: UnitFilter): boolean {
  return filter.status !== undefined || filter.group !== undefined || filter.review !== undefined
}

/**
 * Returned and not reported again since: a new report would be the latest, so the latest report
 * being the returned one is the whole rule.
 */
const isReturned = (a: UnitAssignment) => a.latestReview === 'RETURNED'

/** How many of the unit's assignments wait for a new report after a return (the filter's count). */
export function returnedCount(groups: UnitTaskGroup[]): number {
  return groups.reduce((sum, g) => sum + g.assignments.filter(isReturned).length, 0)
}

/**
 * The groups and assignments the filter keeps, empty groups left out. A status matches any label
 * the assignment shows, so "blocked" also finds blocked work that is overdue. Statuses come from
 * the one rule in lib/domain/status.ts, applied to this unit's rows.
 */
export function filterAssignments(groups: UnitTaskGroup[], filter: UnitFilter, now: Date): UnitTaskGroup[] {
  const { status, group, review } = applicableFilter(groups, filter)
  const keeps = (a: UnitAssignment) => (status === undefined || statusLabelsOf(a, now).includes(status)) && (review === undefined || isReturned(a))
  return groups
    .filter((g) => group === undefined || g.code === group)
    .map((g) => ({ ...g, assignments: g.assignments.filter(keeps) }))
    .filter((g) => g.assignments.length > 0)
}
