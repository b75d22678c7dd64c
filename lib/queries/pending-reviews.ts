// The updates waiting for a leader's confirmation (/reviews and the header's count). The scope is
// the permission table's: assignmentsWhere(actor, 'statusUpdate.review').
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { assignmentsScopeSql, assignmentsWhere, type Actor } from '@/lib/auth/permissions'
import type { TaskStatus } from '@/lib/domain/status'

export type PendingReview = {
  id: string
  createdAt: Date
  authorName: string
  status: TaskStatus
  progress: number
  /** DECIMAL as a plain string ("12.5"). */
  indicatorActual: string | null
  note: string | null
  attachmentCount: number
  unit: { code: string; name: string }
  task: { code: string; title: string; indicatorUnit: string | null }
}

/** Pending updates on live tasks and units the actor may review; null when the actor may review none. */
function pendingWhere(actor: Actor): Prisma.StatusUpdateWhereInput | null {
  const scope = assignmentsWhere(actor, 'statusUpdate.review')
  if (!scope) return null
  return { reviewState: 'PENDING', assignment: { AND: [scope, { task: { active: true }, unit: { active: true } }] } }
}

/** Oldest first: what has waited longest is reviewed first. */
export const pendingReviews = cache(async (actor: Actor): Promise<PendingReview[]> => {
  const where = pendingWhere(actor)
  if (!where) return []
  const updates = await db().statusUpdate.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      createdAt: true,
      status: true,
      progress: true,
      indicatorActual: true,
      note: true,
      author: { select: { displayName: true } },
      _count: { select: { attachments: true } },
      assignment: {
        select: {
          unit: { select: { code: true, name: true } },
          task: { select: { code: true, title: true, indicatorUnit: true } },
        },
      },
    },
  })
  return updates.map((u) => ({
    id: u.id,
    createdAt: u.createdAt,
    authorName: u.author.displayName,
    status: u.status,
    progress: u.progress,
    indicatorActual: u.indicatorActual?.toString() ?? null,
    note: u.note,
    attachmentCount: u._count.attachments,
    unit: u.assignment.unit,
    task: u.assignment.task,
  }))
})

/** Header counts by scope, for as long as the data has not changed (lib/db/snapshot-cache.ts). */
const keptCounts = snapshotCache<number>(256)

/**
 * How many updates wait for the actor, counted in SQL over the reports kept as waiting
 * (PendingReview), which carry their unit and task: the header shows it on every leader's page,
 * so the count is kept while no write has happened. The scope follows from the role, the unit and
 * the member alone (permissions.ts), and so does the key.
 */
export const pendingReviewCount = cache(
  (actor: Actor): Promise<number> => keptCounts(`${actor.role} ${actor.unitId} ${actor.memberId ?? ''}`, () => countPendingReviews(actor)),
)

async function countPendingReviews(actor: Actor): Promise<number> {
  const scope = assignmentsScopeSql(actor, 'statusUpdate.review', 'p')
  if (!scope) return 0
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS "count"
      FROM "PendingReview" p
      JOIN "Unit" u ON u.id = p."unitId" AND u.active
      JOIN "Task" t ON t.id = p."taskId" AND t.active
     WHERE ${scope}`
  return row?.count ?? 0
}
