// Reporting periods ("kỳ báo cáo") and how many of the units that have work reported in one.
import 'server-only'
import { cache } from 'react'
import { z } from 'zod'
import { ownersAboveWhere, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { PeriodKind } from '@/lib/db/generated/enums'
import { dateColumnDay, type CalendarDay } from '@/lib/domain/calendar'
import { unitNameOn, unitStoodOn } from './unit-history'

export type ReportingPeriod = {
  code: string
  name: string
  kind: PeriodKind
  startDay: CalendarDay
  endDay: CalendarDay
  /** Set once the period has been reviewed and closed to changes. */
  lockedAt: Date | null
}

/** The reporting periods that apply to the reader's subtree (owned by their scope root or above it), oldest first. */
export const reportingPeriods = cache(async (reader: Pick<Actor, 'scopeUnitId'>): Promise<ReportingPeriod[]> => {
  const rows = await db().reportingPeriod.findMany({
    where: { owner: await ownersAboveWhere(reader) },
    orderBy: [{ startDate: 'asc' }, { endDate: 'asc' }, { code: 'asc' }],
    select: { code: true, name: true, kind: true, startDate: true, endDate: true, lockedAt: true },
  })
  return rows.map(({ startDate, endDate, ...period }) => ({ ...period, startDay: dateColumnDay(startDate), endDay: dateColumnDay(endDate) }))
})

/** `?period=<code>`: anything malformed counts as no choice. */
export const periodParamsSchema = z.object({
  period: z.string().trim().min(1).max(64).optional().catch(undefined),
})

export type PeriodChoice = {
  period: ReportingPeriod | null
  /** A code was asked for that no period has: the default is shown instead. */
  unknownCode: string | null
}

/**
 * The period asked for by code; else the one containing today that started last; else the one
 * that started last before today; else the first one still to come.
 */
export function choosePeriod(periods: readonly ReportingPeriod[], code: string | undefined, today: CalendarDay): PeriodChoice {
  const asked = code === undefined ? undefined : periods.find((p) => p.code === code)
  if (asked) return { period: asked, unknownCode: null }
  const latestStart = (list: readonly ReportingPeriod[]) => list.reduce<ReportingPeriod | null>((best, p) => (best && best.startDay >= p.startDay ? best : p), null)
  const period =
    latestStart(periods.filter((p) => p.startDay <= today && today <= p.endDay)) ??
    latestStart(periods.filter((p) => p.startDay <= today)) ??
    periods.find((p) => p.startDay > today) ??
    null
  return { period, unknownCode: code ?? null }
}

export type UnitRef = { code: string; name: string }

export type ReportingRate = {
  /** The units standing on the day asked for with at least one assignment of an active task. */
  expected: number
  /**
   * Of those, the units with at least one report dated inside the period (district days), on
   * whatever task: a report sent then counts even if its task has been withdrawn since.
   */
  reported: number
  /** The first units that have not reported: the township and communes first, then the others. */
  missing: UnitRef[]
}

/**
 * The day whose units a period's rate counts: its last day, or `day` (the page's, today or the day it
 * is read as of) while the period runs on past it; so a period that ends before a merge counts the
 * units merged, and one that ends after it their successor.
 */
export const unitsDayOf = (period: { endDay: CalendarDay }, day: CalendarDay): CalendarDay => (period.endDay < day ? period.endDay : day)

/**
 * The rate of the period from `startDay` to `endDay` over the units that stood on `unitsDay`
 * (unitsDayOf), named as they were then, of the units `inScope` takes (a condition on "Unit" u:
 * ProgressSource.unitInScope, the reader's subtree). `limit` caps the list of units that have not
 * reported, not the counts.
 */
export const reportingRate = cache(async (startDay: CalendarDay, endDay: CalendarDay, unitsDay: CalendarDay, limit: number, inScope: Prisma.Sql): Promise<ReportingRate> => {
  const [rate] = await db().$queryRaw<ReportingRate[]>`
    WITH expected AS (
      SELECT u.id, u.code, ${unitNameOn(unitsDay)} AS name, u.kind, u."sortOrder"
        FROM "Unit" u
       WHERE ${unitStoodOn(unitsDay)} AND ${inScope}
         AND EXISTS (SELECT 1 FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" AND t.active WHERE a."unitId" = u.id)
    ), reported AS (
      -- One probe per unit into the days it reported on (kept by a trigger, UnitReportDay).
      SELECT e.id
        FROM expected e
       WHERE EXISTS (SELECT 1 FROM "UnitReportDay" r WHERE r."unitId" = e.id AND r."day" BETWEEN ${startDay}::date AND ${endDay}::date)
    )
    SELECT (SELECT COUNT(*) FROM expected)::int AS "expected",
           (SELECT COUNT(*) FROM reported)::int AS "reported",
           COALESCE((SELECT json_agg(json_build_object('code', m.code, 'name', m.name) ORDER BY m.kind, m."sortOrder", m.name)
                       FROM (SELECT e.code, e.name, e.kind, e."sortOrder"
                               FROM expected e
                              WHERE NOT EXISTS (SELECT 1 FROM reported r WHERE r.id = e.id)
                              ORDER BY e.kind, e."sortOrder", e.name
                              LIMIT ${limit}) m),
                    '[]'::json) AS "missing"`
  // A SELECT without FROM answers exactly one row.
  if (!rate) throw new Error('reportingRate: no row')
  return rate
})
