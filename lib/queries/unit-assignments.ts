// One unit's page: the unit and its assignments, grouped by task group in the agreed order, with
// the filters the page offers (by status, by group) read from the URL.
import 'server-only'
import { cache } from 'react'
import { z } from 'zod'
import { db } from '@/lib/db'
import type { ReviewState } from '@/lib/db/generated/enums'
import { STATUS_LABELS, statusLabelsOf, type TaskStatus } from '@/lib/domain/status'

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

/** null when no active unit has this code. */
export const unitAssignments = cache(async (code: string): Promise<UnitAssignments | null> => {
  const [unit, reviews] = await Promise.all([unitWithAssignments(code), latestReviewStates(code)])
  if (!unit) return null
  const groups = new Map<string, UnitTaskGroup>()
  for (const a of unit.assignments) {
    const { group, indicatorUnit, indicatorTarget, scope } = a.task
    const entry = groups.get(group.id) ?? { ...group, assignments: [] }
    entry.assignments.push({
      id: a.id,
      taskCode: a.task.code,
      title: a.task.title,
      status: a.status,
      progress: a.progress,
      dueDate: a.task.dueDate,
      completedAt: a.completedAt,
      indicator:
        indicatorUnit && indicatorTarget
          ? {
              unit: indicatorUnit,
              target: indicatorTarget.toString(),
              actual: a.indicatorActual?.toString() ?? null,
              districtTarget: scope === 'COMMUNE',
            }
          : null,
      latestReview: reviews.get(a.id) ?? null,
    })
    groups.set(group.id, entry)
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, member: unit.inChargeMember },
    groups: [...groups.values()],
  }
})

function unitWithAssignments(code: string) {
  return db().unit.findFirst({
    where: { code, active: true },
    select: {
      id: true,
      code: true,
      name: true,
      inChargeMember: { select: { name: true, title: true } },
      assignments: {
        where: { task: { active: true } },
        orderBy: [
          { task: { group: { sortOrder: 'asc' } } },
          { task: { group: { code: 'asc' } } },
          { task: { sortOrder: 'asc' } },
          { task: { code: 'asc' } },
        ],
        select: {
          id: true,
          status: true,
          progress: true,
          completedAt: true,
          indicatorActual: true,
          task: {
            select: {
              code: true,
              title: true,
              dueDate: true,
              indicatorUnit: true,
              indicatorTarget: true,
              scope: true,
              group: { select: { id: true, code: true, name: true } },
            },
          },
        },
      },
    },
  })
}

/**
 * The review state of each assignment's latest report, one index probe per assignment (a nested
 * Prisma `take: 1` would read the unit's whole history and keep one row in memory).
 */
async function latestReviewStates(code: string): Promise<Map<string, ReviewState>> {
  const rows = await db().$queryRaw<{ id: string; reviewState: ReviewState }[]>`
    SELECT a.id::text AS id, s."reviewState"::text AS "reviewState"
      FROM "Unit" u
      JOIN "Assignment" a ON a."unitId" = u.id
     CROSS JOIN LATERAL (
       SELECT "reviewState" FROM "StatusUpdate"
        WHERE "assignmentId" = a.id
        ORDER BY "createdAt" DESC, id DESC
        LIMIT 1) s
     WHERE u.code = ${code}`
  return new Map(rows.map((r) => [r.id, r.reviewState]))
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
