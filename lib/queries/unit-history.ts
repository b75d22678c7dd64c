// A unit's names and codes over time (UnitName, UnitCode, UnitChange: prisma/schema.prisma): the name
// a page read as of a past day shows, where an old address leads, and the line that says a unit
// was renamed or re-coded.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { dateColumnDay, type CalendarDay } from '@/lib/domain/calendar'

/**
 * Makes the Unit rows carry the names and codes in force on `today`: a change dated later than the
 * day it was recorded is applied by the first request of its day (SQL function unit_changes_due).
 */
export const unitChangesDue = cache(async (today: CalendarDay): Promise<void> => {
  await db().$queryRaw`SELECT unit_changes_due(${today}::date)`
})

/** The unit `u`'s name on `day` (its Unit row's name when no stretch covers the day). */
export function unitNameOn(day: CalendarDay, alias = 'u'): Prisma.Sql {
  const u = Prisma.raw(alias)
  return Prisma.sql`COALESCE((
    SELECT n.name FROM "UnitName" n
     WHERE n."unitId" = ${u}.id AND (n."validFrom" IS NULL OR n."validFrom" <= ${day}::date) AND (n."validTo" IS NULL OR n."validTo" > ${day}::date)), ${u}.name)`
}

/**
 * The code the unit that had `code` has on `today`, when `code` is no longer its code (an old address
 * to redirect); null when `code` is current or never was a unit's.
 */
export const currentCodeFor = cache(async (code: string, today: CalendarDay): Promise<string | null> => {
  await unitChangesDue(today)
  const [row] = await db().$queryRaw<{ code: string }[]>`
    SELECT u.code FROM "UnitCode" c JOIN "Unit" u ON u.id = c."unitId" WHERE c.code = ${code} AND u.code <> ${code}`
  return row?.code ?? null
})

export type UnitLabelChange = { from: string; day: CalendarDay }

/** The unit's name on `day`, and its latest rename and re-code in force by then. */
export type UnitHistory = { name: string; renamed: UnitLabelChange | null; recoded: UnitLabelChange | null }

export const unitHistory = cache(async (unitId: string, day: CalendarDay): Promise<UnitHistory | null> => {
  const [unit] = await db().$queryRaw<{ name: string }[]>`SELECT ${unitNameOn(day)} AS name FROM "Unit" u WHERE u.id = ${unitId}::uuid`
  if (!unit) return null
  const changes = await db().$queryRaw<{ kind: 'RENAME' | 'RECODE'; effectiveDate: Date; name: string; code: string }[]>`
    SELECT DISTINCT ON (c.kind) c.kind::text AS kind, c."effectiveDate", p.name, p.code
      FROM "UnitChangePart" p
      JOIN "UnitChange" c ON c.id = p."changeId"
     WHERE p."unitId" = ${unitId}::uuid AND p.side = 'BEFORE' AND c.kind IN ('RENAME', 'RECODE') AND c."effectiveDate" <= ${day}::date
     ORDER BY c.kind, c."effectiveDate" DESC`
  const of = (kind: 'RENAME' | 'RECODE'): UnitLabelChange | null => {
    const change = changes.find((c) => c.kind === kind)
    return change ? { from: kind === 'RENAME' ? change.name : change.code, day: dateColumnDay(change.effectiveDate) } : null
  }
  return { name: unit.name, renamed: of('RENAME'), recoded: of('RECODE') }
})
