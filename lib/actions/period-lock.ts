// Reporting periods are locked after their review: nothing dated inside a locked period may be
// added or changed.
import 'server-only'
import { Prisma } from '@/lib/db/client'

/** The query for the reporting period locked on this day (its `name`), for use inside a larger statement. */
export function lockedPeriodSql(instant: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT name FROM "ReportingPeriod"
     WHERE "lockedAt" IS NOT NULL
       AND (${instant}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN "startDate" AND "endDate"
     ORDER BY "endDate" DESC LIMIT 1`
}

/** The reporting period that is locked on this day, if any: nothing in it may be added or changed. */
export async function lockedPeriodOn(tx: Prisma.TransactionClient, instant: Date): Promise<{ name: string } | null> {
  const [period] = await tx.$queryRaw<{ name: string }[]>(lockedPeriodSql(instant))
  return period ?? null
}
