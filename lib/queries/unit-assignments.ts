// One unit's page: the unit and its assignments, grouped by task group in the agreed order, with
// the filters the page offers (by status, by group) read from the URL.
import 'server-only'
import { cache } from 'react'
import { z } from 'zod'
import { db } from '@/lib/db'
import type { ReviewState, TaskScope } from '@/lib/db/generated/enums'
import { STATUS_LABELS, statusLabelsOf, type TaskStatus } from '@/lib/domain/status'
import type { ProgressSource } from './progress-source'

export type Indicator = {
  /** Unit of measure, e.g. "chức danh". */
  unit: string
  /** DECIMAL values as plain strings ("12.5"). */
  target: string
  actual: string | null
  /** The target is the district's figure, which every commune's actual adds up to (COMMUNE tasks). */
  districtTarget: boolean
}

export type UnitAssignment = {
  id: string
  taskCode: string
  title: string
  status: TaskStatus
  progress: number
  dueDate: Date
  completedAt: Date | null
  indicator: Indicator | null
  /** How the member in charge has received the latest update; null before any update. */
  latestReview: ReviewState | null
}

export type UnitTaskGroup = { id: string; code: string; name: string; assignments: UnitAssignment[] }

export type UnitAssignments = {
  unit: { id: string; code: string; name: string; member: { name: string; title: string } | null }
  groups: UnitTaskGroup[]
}

type AssignmentRow = Omit<UnitAssignment, 'indicator'> & {
  groupId: string
  groupCode: string
  groupName: string
  indicatorUnit: string | null
  indicatorTarget: string | null
  indicatorActual: string | null
  scope: TaskScope
}

/** null when no active unit has this code; each assignment with its latest report and that report's review state as `source` has them. */
export const unitAssignments = cache(async (source: ProgressSource, code: string): Promise<UnitAssignments | null> => {
  const unit = await db().unit.findFirst({
    where: { code, active: true },
    select: { id: true, code: true, name: true, inChargeMember: { select: { name: true, title: true } } },
  })
  if (!unit) return null
  const groups = new Map<string, UnitTaskGroup>()
  for (const row of await assignmentRows(source, unit.id)) {
    const { groupId, groupCode, groupName, indicatorUnit, indicatorTarget, indicatorActual, scope, ...assignment } = row
    const entry = groups.get(groupId) ?? { id: groupId, code: groupCode, name: groupName, assignments: [] }
    entry.assignments.push({
      ...assignment,
      indicator:
        indicatorUnit !== null && indicatorTarget !== null
          ? { unit: indicatorUnit, target: indicatorTarget, actual: indicatorActual, districtTarget: scope === 'COMMUNE' }
          : null,
    })
    groups.set(groupId, entry)
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, member: unit.inChargeMember },
    groups: [...groups.values()],
  }
})

/**
 * The unit's assignments of active tasks in the agreed order, each with the review state of its
 * latest report: one index probe per assignment, not the unit's whole history.
 */
function assignmentRows(source: ProgressSource, unitId: string): Promise<AssignmentRow[]> {
  return db().$queryRaw<AssignmentRow[]>`
    SELECT a.id::text AS "id", t.code AS "taskCode", t.title, a.status::text AS "status", a.progress,
           t."dueDate", a."completedAt", g.id::text AS "groupId", g.code AS "groupCode", g.name AS "groupName",
           t."indicatorUnit", trim_scale(t."indicatorTarget")::text AS "indicatorTarget",
           trim_scale(a."indicatorActual")::text AS "indicatorActual", t.scope::text AS "scope",
           latest."reviewState"::text AS "latestReview"
      FROM ${source.assignments} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
      LEFT JOIN LATERAL (
        SELECT ${source.reviewState} AS "reviewState"
          FROM "StatusUpdate" s
         WHERE s."assignmentId" = a.id AND ${source.madeBy}
         ORDER BY s."createdAt" DESC, s.id DESC
         LIMIT 1) latest ON true
     WHERE a."unitId" = ${unitId}::uuid
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`
}

/** An empty, malformed or repeated parameter counts as absent. */
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined)

/** `?status=…&group=…`; anything unknown or malformed is ignored (no filter). */
export const unitFilterSchema = z.object({
  status: lenient(z.enum(STATUS_LABELS)),
  group: lenient(z.string().max(64)),
})
export type UnitFilter = z.infer<typeof unitFilterSchema>

/** The filter as it applies to these groups: a group code the unit does not have is dropped. */
export function applicableFilter(groups: UnitTaskGroup[], filter: UnitFilter): UnitFilter {
  return groups.some((g) => g.code === filter.group) ? filter : { ...filter, group: undefined }
}

/**
 * The groups and assignments the filter keeps, empty groups left out. A status matches any label
 * the assignment shows, so "blocked" also finds blocked work that is overdue. Statuses come from
 * the one rule in lib/domain/status.ts, applied to this unit's rows.
 */
export function filterAssignments(groups: UnitTaskGroup[], filter: UnitFilter, now: Date): UnitTaskGroup[] {
  const { status, group } = applicableFilter(groups, filter)
  return groups
    .filter((g) => group === undefined || g.code === group)
    .map((g) => ({ ...g, assignments: status ? g.assignments.filter((a) => statusLabelsOf(a, now).includes(status)) : g.assignments }))
    .filter((g) => g.assignments.length > 0)
}
