// Reporting periods are locked after their review: nothing dated inside a locked period may be
// added or changed. A period applies to its owner's subtree (ReportingPeriod.ownerUnitId): one
// district's lock leaves another district's reports open; a top of the tree's covers everything.
import 'server-only'
import { Prisma } from '@/lib/db/client'

/**
 * The query for the reporting period locked on this day (its `name`) over a unit whose ancestors'
 * ids (Unit.ancestorIds, itself last) are `unitAncestorIds`, for use inside a larger statement.
 */
export function lockedPeriodSql(instant: Date, unitAncestorIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT name FROM "ReportingPeriod"
     WHERE "lockedAt" IS NOT NULL
       AND (${instant}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN "startDate" AND "endDate"
       AND ("ownerUnitId" = ANY(${unitAncestorIds}) OR "ownerUnitId" IN (SELECT t.id FROM "Unit" t WHERE t."parentId" IS NULL))
     ORDER BY "endDate" DESC LIMIT 1`
}

/** The reporting period that is locked on this day over the unit (its Unit.ancestorIds), if any: nothing of the unit's in it may be added or changed. */
export async function lockedPeriodOn(tx: Prisma.TransactionClient, instant: Date, unitAncestorIds: readonly string[]): Promise<{ name: string } | null> {
  const [period] = await tx.$queryRaw<{ name: string }[]>(lockedPeriodSql(instant, Prisma.sql`${[...unitAncestorIds]}::uuid[]`))
  return period ?? null
}
