// The commune-level units (communes and the township) with their member in charge and counts.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import { assignmentSource } from './as-of'
import { statusCountColumns, type StatusCounts } from './status-counts'

export type CommuneProgress = StatusCounts & {
  unitId: string
  code: string
  name: string
  memberName: string | null
  memberTitle: string | null
}

/** `list`: the district's own order (the township first); `progress`: the best average progress first. */
export type CommuneOrder = 'list' | 'progress'

const orderBy: Record<CommuneOrder, Prisma.Sql> = {
  list: Prisma.sql`u."sortOrder", u.name`,
  progress: Prisma.sql`"progress" DESC, "overdue", u."sortOrder", u.name`,
}

/**
 * Every active commune-level unit, counted over the assignments of active tasks; `asOf`: as the
 * history says they stood then (lib/queries/as-of.ts), with `today` its district day.
 */
export const communeProgressList = cache(
  (today: CalendarDay, order: CommuneOrder, asOf: Date | null = null): Promise<CommuneProgress[]> => db().$queryRaw<CommuneProgress[]>`
    SELECT u.id::text AS "unitId", u.code, u.name, m.name AS "memberName", m.title AS "memberTitle",
           ${statusCountColumns(today)}
      FROM "Unit" u
      LEFT JOIN "Member" m ON m.id = u."inChargeMemberId"
      LEFT JOIN (${assignmentSource(asOf)} a JOIN "Task" t ON t.id = a."taskId" AND t.active) ON a."unitId" = u.id
     WHERE u.kind IN ('COMMUNE', 'TOWNSHIP') AND u.active
     GROUP BY u.id, m.id
     ORDER BY ${orderBy[order]}`,
)
