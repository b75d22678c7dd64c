// The reports waiting for confirmation (/reviews and the header's count). The queue and the count
// are those the reader confirms: each report's own confirmer (lib/auth/rules.ts reportConfirmerOf,
// in SQL reportsReviewSql), never the reader's own reports. The followed list ("theo dõi") holds the
// reports the reader may read ('assignment.readDetails') that someone else confirms: those another
// member confirms, and a member's own reports, which wait for the group's lead.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { assignmentsScopeSql, reportsReviewSql, type Actor } from '@/lib/auth/permissions'
import type { IndicatorKind } from '@/lib/domain/indicator'
import { pagedRows, type Paged } from '@/lib/domain/paging'
import { unitOnRecord } from './unit-history'
import type { ReportChannel } from '@/lib/domain/notifications'
import type { TaskStatus } from '@/lib/domain/status'

export type PendingReview = {
  id: string
  createdAt: Date
  authorName: string
  /** Set when the office entered the report on the unit's behalf: how the unit sent it. */
  onBehalfVia: ReportChannel | null
  status: TaskStatus
  progress: number
  /** DECIMAL as a plain string ("12.5"). */
  indicatorActual: string | null
  note: string | null
  attachmentCount: number
  unit: { code: string; name: string }
  task: { code: string; title: string; indicatorUnit: string | null; indicatorKind: IndicatorKind | null }
}

type PendingReviewRow = Omit<PendingReview, 'unit' | 'task'> & {
  unitCode: string
  unitName: string
  taskCode: string
  taskTitle: string
  indicatorUnit: string | null
  indicatorKind: IndicatorKind | null
  total: number
}

/** The waiting reports the actor confirms, as a condition on "PendingReview" p; null when none. */
const confirmedBy = (actor: Actor): Prisma.Sql | null => reportsReviewSql(actor, 'p')

/**
 * The waiting reports the actor reads but someone else confirms, as a condition on p; null when
 * none. Only those who confirm follow: staff and the office wait for confirmation, they do not follow it.
 */
function followedBy(actor: Actor): Prisma.Sql | null {
  const readable = assignmentsScopeSql(actor, 'assignment.readDetails', 'p')
  const confirmable = confirmedBy(actor)
  return readable && confirmable && Prisma.sql`${readable} AND NOT ${confirmable}`
}

/**
 * `limit` of the waiting reports that `where` picks (on live tasks, in units on record: a report of a
 * unit merged since still waits for its confirmer, unitOnRecord), from the `offset`-th,
 * oldest first (what has waited longest is reviewed first; the id breaks ties, so pages neither
 * repeat nor skip), and how many wait in all. Read from the reports kept as waiting
 * (PendingReview), which carry their unit and task; only the page's reports are read in full.
 */
async function waitingReviews(where: Prisma.Sql | null, limit: number, offset: number): Promise<Paged<PendingReview>> {
  if (!where) return { rows: [], total: 0 }
  const rows = await db().$queryRaw<PendingReviewRow[]>`
    WITH page AS (
      SELECT p."statusUpdateId", p."createdAt", u.code AS "unitCode", u.name AS "unitName",
             t.code AS "taskCode", t.title AS "taskTitle", t."indicatorUnit", t."indicatorKind"::text AS "indicatorKind", (COUNT(*) OVER ())::int AS "total"
        FROM "PendingReview" p
        JOIN "Unit" u ON u.id = p."unitId" AND ${unitOnRecord()}
        JOIN "Task" t ON t.id = p."taskId" AND t.active
       WHERE ${where}
       ORDER BY p."createdAt", p."statusUpdateId"
       LIMIT ${limit} OFFSET ${offset}
    )
    SELECT s.id::text AS "id", s."createdAt", s.status::text AS "status", s.progress, trim_scale(s."indicatorActual")::text AS "indicatorActual", s.note,
           author."displayName" AS "authorName", s."onBehalfVia"::text AS "onBehalfVia",
           (SELECT COUNT(*) FROM "Attachment" f WHERE f."statusUpdateId" = s.id)::int AS "attachmentCount",
           page."unitCode", page."unitName", page."taskCode", page."taskTitle", page."indicatorUnit", page."indicatorKind", page."total"
      FROM page
      JOIN "StatusUpdate" s ON s.id = page."statusUpdateId"
      JOIN "User" author ON author.id = s."authorId"
     ORDER BY page."createdAt", page."statusUpdateId"`
  const { rows: page, total } = pagedRows(rows)
  return {
    rows: page.map(({ unitCode, unitName, taskCode, taskTitle, indicatorUnit, indicatorKind, ...review }) => ({
      ...review,
      unit: { code: unitCode, name: unitName },
      task: { code: taskCode, title: taskTitle, indicatorUnit, indicatorKind },
    })),
    total,
  }
}

/** The reports waiting for the actor's confirmation: `limit` of them from the `offset`-th, and how many in all. */
export const pendingReviews = cache((actor: Actor, limit: number, offset: number) => waitingReviews(confirmedBy(actor), limit, offset))

/** The reports waiting in the actor's reach that another member confirms ("theo dõi"), paged as pendingReviews. */
export const followedReviews = cache((actor: Actor, limit: number, offset: number) => waitingReviews(followedBy(actor), limit, offset))

/** Header counts by scope, for as long as the data has not changed (lib/db/snapshot-cache.ts). */
const keptCounts = snapshotCache<number>('pending review counts', 256)

/**
 * How many updates wait for the actor's confirmation, counted in SQL over the reports kept as waiting
 * (PendingReview), which carry their unit and task: the header shows it on every leader's page,
 * so the count is kept while no write has happened. The scope follows from the role, the unit and
 * the member (permissions.ts), and the own reports left out from the account: so does the key.
 */
export const pendingReviewCount = cache(
  (actor: Actor): Promise<number> => keptCounts(`${actor.id} ${actor.role} ${actor.unitId} ${actor.memberId ?? ''}`, () => countPendingReviews(actor)),
)

async function countPendingReviews(actor: Actor): Promise<number> {
  const where = confirmedBy(actor)
  if (!where) return 0
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS "count"
      FROM "PendingReview" p
      JOIN "Unit" u ON u.id = p."unitId" AND ${unitOnRecord()}
      JOIN "Task" t ON t.id = p."taskId" AND t.active
     WHERE ${where}`
  return row?.count ?? 0
}
