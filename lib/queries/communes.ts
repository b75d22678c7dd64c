// The commune-level units (communes and the township) with their member in charge and counts.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { pagedRows, type Paged } from '@/lib/domain/paging'
import type { StatusCounts } from '@/lib/domain/status-counts'
import { progressColumnOf, statusCountColumnsOf } from './progress-counts'
import type { ProgressSource } from './progress-source'

export type CommuneProgress = StatusCounts & {
  unitId: string
  code: string
  name: string
  /** The district's own order of its units (the township first). */
  sortOrder: number
  memberName: string | null
  memberTitle: string | null
}

/** `list`: the district's own order (the township first); `progress`: the best average progress first. */
export type CommuneOrder = 'list' | 'progress'

/** Over the rows `r` of communeRows; the code last, so that each order is total and pages neither repeat nor skip a unit. */
const orderBy: Record<CommuneOrder, Prisma.Sql> = {
  list: Prisma.sql`r."sortOrder", r.name, r.code`,
  progress: Prisma.sql`r."progress" DESC, r."overdue", r."sortOrder", r.name, r.code`,
}

/** Every commune-level unit that counts on the source's day (source.unitCounted) with its counts over the assignments of active tasks. Unordered: a subquery. */
async function communeRows(source: ProgressSource): Promise<Prisma.Sql> {
  return Prisma.sql`
    SELECT u.id::text AS "unitId", u.code, ${source.unitName()} AS name, u."sortOrder", m.name AS "memberName", m.title AS "memberTitle",
           ${statusCountColumnsOf()}
      FROM "Unit" u
      LEFT JOIN "Member" m ON m.id = u."inChargeMemberId"
      ${await source.unitCounts()}
     WHERE u.kind IN ('COMMUNE', 'TOWNSHIP') AND ${source.unitCounted()}`
}

/** Every active commune-level unit with its counts, in `order`. */
export const communeProgressList = cache(
  async (source: ProgressSource, order: CommuneOrder): Promise<CommuneProgress[]> =>
    db().$queryRaw<CommuneProgress[]>`SELECT r.* FROM (${await communeRows(source)}) r ORDER BY ${orderBy[order]}`,
)

/** `limit` active commune-level units from the `offset`-th in the district's order, with their counts, and how many there are. */
export const communeProgressPage = cache(
  async (source: ProgressSource, limit: number, offset: number): Promise<Paged<CommuneProgress>> =>
    pagedRows(
      await db().$queryRaw<(CommuneProgress & { total: number })[]>`
        SELECT r.*, (count(*) OVER ())::int AS "total" FROM (${await communeRows(source)}) r
         ORDER BY ${orderBy.list} LIMIT ${limit} OFFSET ${offset}`,
    ),
)

/** The head and the tail of the ranking by progress, and how many units it ranks. */
export type CommuneRankingEnds = { communes: number; best: CommuneProgress[]; worst: CommuneProgress[] }

/**
 * The `ends` best and the `ends` last units of the ranking by progress (every unit in `best` when
 * there are no more than 2 × `ends`): what a page can show of thousands of communes.
 */
export const communeRankingEnds = cache(async (source: ProgressSource, ends: number): Promise<CommuneRankingEnds> => {
  // The ranking sorts only what orders it; the full rows (member, every count) are read for the ends alone.
  const rows = await db().$queryRaw<{ rank: number; communes: number; unit: CommuneProgress }[]>`
    SELECT x."rank", x."communes", to_jsonb(f) AS "unit" FROM (
      SELECT r.id, (row_number() OVER (ORDER BY ${orderBy.progress}))::int AS "rank", (count(*) OVER ())::int AS "communes"
        FROM (SELECT u.id, u.code, ${source.unitName()} AS name, u."sortOrder", ${progressColumnOf()}, COALESCE(c.overdue, 0)::int AS "overdue"
                FROM "Unit" u ${await source.unitCounts()}
               WHERE u.kind IN ('COMMUNE', 'TOWNSHIP') AND ${source.unitCounted()}) r) x
    CROSS JOIN LATERAL (${await communeRows(source)} AND u.id = x.id) f
     WHERE x."communes" <= ${2 * ends} OR x."rank" <= ${ends} OR x."rank" > x."communes" - ${ends}
     ORDER BY x."rank"`
  const communes = rows[0]?.communes ?? 0
  const split = communes > 2 * ends
  const best: CommuneProgress[] = []
  const worst: CommuneProgress[] = []
  for (const { rank, unit } of rows) (split && rank > ends ? worst : best).push(unit)
  return { communes, best, worst }
})
