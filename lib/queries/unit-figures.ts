// A unit's profile: its key figures as they stood on a day (the latest count of each kind true on
// or before it), and, for the administrators, every count entered.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import type { UnitFigureKind } from '@/lib/db/generated/enums'
import type { CalendarDay } from '@/lib/domain/calendar'

export type UnitFigure = { kind: UnitFigureKind; value: number; /** As Prisma returns a DATE column: midnight UTC of that day. */ asOf: Date }

/** The unit's figure of each kind true on `day`: the count with the latest day on or before it (entered last, of two on one day). */
export const unitFiguresOn = cache(
  (unitId: string, day: CalendarDay): Promise<UnitFigure[]> => db().$queryRaw<UnitFigure[]>`
    SELECT DISTINCT ON (f.kind) f.kind::text AS "kind", f.value, f."asOf"
      FROM "UnitFigure" f
     WHERE f."unitId" = ${unitId}::uuid AND f."asOf" <= ${day}::date
     ORDER BY f.kind, f."asOf" DESC, f."createdAt" DESC, f.id DESC`,
)

export type UnitFigureEntry = UnitFigure & { id: string; createdAt: Date; createdBy: string }

/** Every count entered for the unit, the latest day first: the history the profile keeps. */
export async function unitFigureHistory(unitId: string, limit = 100): Promise<UnitFigureEntry[]> {
  const rows = await db().unitFigure.findMany({
    where: { unitId },
    orderBy: [{ asOf: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, kind: true, value: true, asOf: true, createdAt: true, createdBy: { select: { displayName: true } } },
  })
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy.displayName }))
}
