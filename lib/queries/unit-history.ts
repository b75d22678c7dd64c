// A unit's names and codes over time (UnitName, UnitCode, UnitChange: prisma/schema.prisma): the name
// a page read as of a past day shows, where an old address leads, and the lines that say a unit
// was renamed, re-coded, merged or split.
import 'server-only'
import { cache } from 'react'
import { applyDueUnitChanges } from '@/lib/actions/admin/unit-changes-due'
import { db } from '@/lib/db'
import { unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import { dateColumnDay, type CalendarDay } from '@/lib/domain/calendar'

/**
 * Makes the Unit rows carry the names and codes in force on `today`: a change dated later than the
 * day it was recorded is applied at the district's midnight by the queue's job
 * (lib/actions/admin/unit-changes-job.ts), else by the first request of its day (a rename or re-code
 * by the SQL function unit_changes_due; a merge or a split, which moves work and accounts, by the
 * app's: the one write a read makes, so that every page of the day shows it). One probe of the
 * index of changes not yet applied when there is nothing to do.
 */
export const unitChangesDue = cache(async (today: CalendarDay): Promise<void> => {
  const [due] = await db().$queryRaw<{ moves: boolean }[]>`
    SELECT unit_changes_due(${today}::date) AS renamed,
           EXISTS (SELECT 1 FROM "UnitChange" c WHERE c."appliedAt" IS NULL AND c."effectiveDate" <= ${today}::date AND c.kind IN ('MERGE', 'SPLIT')) AS moves`
  if (due?.moves) await applyDueUnitChanges(today, new Date())
})

/**
 * A day for the conditions below: a calendar day (a bind parameter), or an SQL expression of type
 * date, for SQL written as text (the register's COPY takes no parameters).
 */
export type DayExpression = CalendarDay | Prisma.Sql

const dateOf = (day: DayExpression): Prisma.Sql => (typeof day === 'string' ? Prisma.sql`${day}::date` : day)

/** The unit `u`'s name on `day` (its Unit row's name when no stretch covers the day). */
export function unitNameOn(day: DayExpression, alias = 'u'): Prisma.Sql {
  const u = Prisma.raw(alias)
  const d = dateOf(day)
  return Prisma.sql`COALESCE((
    SELECT n.name FROM "UnitName" n
     WHERE n."unitId" = ${u}.id AND (n."validFrom" IS NULL OR n."validFrom" <= ${d}) AND (n."validTo" IS NULL OR n."validTo" > ${d})), ${u}.name)`
}

/**
 * Whether the unit `u` is on record: active, or merged into another or split (its stretches of name
 * all ended, none follows). Such a unit's assignments, reports and questions are still read, and a
 * report of it still waiting is still confirmed; a unit deactivated otherwise is not on record.
 */
export function unitOnRecord(alias = 'u'): Prisma.Sql {
  const u = Prisma.raw(alias)
  return Prisma.sql`(${u}.active OR NOT EXISTS (SELECT 1 FROM "UnitName" n WHERE n."unitId" = ${u}.id AND n."validTo" IS NULL))`
}

/**
 * Whether the unit `u` stood on `day`, for a page read as of that day: a unit merged into another
 * or split stood until that day (its stretches of name end there and none follows), a unit made by
 * a merge or a split from its day (its first stretch begins there); a unit deactivated otherwise,
 * as before, does not stand on any day.
 */
export function unitStoodOn(day: DayExpression, alias = 'u'): Prisma.Sql {
  const u = Prisma.raw(alias)
  const d = dateOf(day)
  return Prisma.sql`(${unitOnRecord(alias)}
    AND EXISTS (SELECT 1 FROM "UnitName" n WHERE n."unitId" = ${u}.id AND (n."validFrom" IS NULL OR n."validFrom" <= ${d}) AND (n."validTo" IS NULL OR n."validTo" > ${d})))`
}

/**
 * The code the unit that had `code` has on `today`, when `code` is no longer its code (an old address
 * to redirect); for the code of a unit merged into another, the successor's code; null when `code`
 * is current or never was a unit's; null too when that unit is outside the reader's subtree.
 */
export const currentCodeFor = cache(async (reader: Pick<Actor, 'scopeUnitId'>, code: string, today: CalendarDay): Promise<string | null> => {
  await unitChangesDue(today)
  const [row] = await db().$queryRaw<{ code: string }[]>`
    SELECT u.code FROM "UnitCode" c JOIN "Unit" u ON u.id = c."unitId" WHERE c.code = ${code} AND u.code <> ${code} AND ${unitRowInScopeSql(reader, 'u')}
    UNION ALL
    SELECT s.code
      FROM "Unit" p
      JOIN "UnitChangePart" b ON b."unitId" = p.id AND b.side = 'BEFORE'
      JOIN "UnitChange" m ON m.id = b."changeId" AND m.kind = 'MERGE'
      JOIN "UnitChangePart" a ON a."changeId" = m.id AND a.side = 'AFTER' AND a."unitId" <> p.id
      JOIN "Unit" s ON s.id = a."unitId"
     WHERE p.code = ${code} AND NOT p.active AND ${unitRowInScopeSql(reader, 's')}
     LIMIT 1`
  return row?.code ?? null
})

export type UnitLabelChange = { from: string; day: CalendarDay }

/** A unit at the other end of a merge: its name then, its code today (for the link), the merge's day. */
export type MergeLink = { name: string; code: string; day: CalendarDay }

/** The successor of a merge dated ahead; `standing`: it stands today (a new unit does from the merge's day on, and has no page until then). */
export type PendingMergeLink = MergeLink & { standing: boolean }

/**
 * The unit's name on `day`, its latest rename and re-code in force by then, its merges in force by
 * then (the unit it was merged into, the units merged into it) and its splits (the parts it was
 * split into, the unit it was split from); and the merge or the split dated ahead, after `day` and
 * not yet applied, that will merge it into another or split it.
 */
export type UnitHistory = {
  name: string
  renamed: UnitLabelChange | null
  recoded: UnitLabelChange | null
  mergedInto: MergeLink | null
  mergedFrom: MergeLink[]
  splitInto: MergeLink[]
  splitFrom: MergeLink | null
  mergingInto: PendingMergeLink | null
  splittingInto: PendingMergeLink[]
}

export const unitHistory = cache(async (unitId: string, day: CalendarDay): Promise<UnitHistory | null> => {
  const [unit] = await db().$queryRaw<{ name: string }[]>`SELECT ${unitNameOn(day)} AS name FROM "Unit" u WHERE u.id = ${unitId}::uuid`
  if (!unit) return null
  const changes = await db().$queryRaw<{ kind: 'RENAME' | 'RECODE'; effectiveDate: Date; name: string; code: string }[]>`
    SELECT DISTINCT ON (c.kind) c.kind::text AS kind, c."effectiveDate", p.name, p.code
      FROM "UnitChangePart" p
      JOIN "UnitChange" c ON c.id = p."changeId"
     WHERE p."unitId" = ${unitId}::uuid AND p.side = 'BEFORE' AND c.kind IN ('RENAME', 'RECODE') AND c."effectiveDate" <= ${day}::date AND c."cancelledAt" IS NULL
     ORDER BY c.kind, c."effectiveDate" DESC`
  const of = (kind: 'RENAME' | 'RECODE'): UnitLabelChange | null => {
    const change = changes.find((c) => c.kind === kind)
    return change ? { from: kind === 'RENAME' ? change.name : change.code, day: dateColumnDay(change.effectiveDate) } : null
  }
  // The other side of each merge and split of the unit, in force by `day`, or dated after it and not
  // yet applied (for a unit on its BEFORE side): for a merge, the successor of a unit merged away,
  // the units merged away for the successor (a successor that was one of the units merged is on both
  // sides, and is not its own other side); for a split, the parts of the unit split, the unit split
  // for a part (an existing part is on both sides, the unit split only BEFORE: it is the one BEFORE
  // that is not AFTER). One read: every unit page asks.
  const others = await db().$queryRaw<{ kind: 'MERGE' | 'SPLIT'; side: 'BEFORE' | 'AFTER'; ahead: boolean; effectiveDate: Date; name: string; code: string; standing: boolean }[]>`
    SELECT c.kind::text AS kind, mine.side::text AS side, c."effectiveDate" > ${day}::date AS ahead, c."effectiveDate", other.name, u.code, u.active AS standing
      FROM "UnitChangePart" mine
      JOIN "UnitChange" c ON c.id = mine."changeId" AND c.kind IN ('MERGE', 'SPLIT')
       AND (c."effectiveDate" <= ${day}::date OR (c."appliedAt" IS NULL AND mine.side = 'BEFORE'))
      JOIN "UnitChangePart" other ON other."changeId" = c.id AND other.side <> mine.side AND other."unitId" <> mine."unitId"
      JOIN "Unit" u ON u.id = other."unitId"
     WHERE mine."unitId" = ${unitId}::uuid
       AND (c.kind = 'MERGE' OR NOT EXISTS (SELECT FROM "UnitChangePart" part WHERE part."changeId" = c.id AND part.side = 'AFTER' AND part."unitId" = CASE WHEN mine.side = 'BEFORE' THEN mine."unitId" ELSE other."unitId" END))
     ORDER BY c."effectiveDate", other.name`
  const sideOf = (kind: 'MERGE' | 'SPLIT', ahead: boolean) => others.filter((o) => o.kind === kind && o.ahead === ahead)
  const merges = sideOf('MERGE', false)
  const splits = sideOf('SPLIT', false)
  const link = (m: (typeof others)[number]): MergeLink => ({ name: m.name, code: m.code, day: dateColumnDay(m.effectiveDate) })
  const pending = (m: (typeof others)[number]): PendingMergeLink => ({ ...link(m), standing: m.standing })
  const into = merges.filter((m) => m.side === 'BEFORE').at(-1)
  const lastSplit = splits.filter((m) => m.side === 'BEFORE').at(-1)?.effectiveDate.getTime()
  const from = splits.filter((m) => m.side === 'AFTER').at(-1)
  const [merging] = sideOf('MERGE', true)
  const splitting = sideOf('SPLIT', true)
  const firstSplitting = splitting[0]?.effectiveDate.getTime()
  return {
    name: unit.name,
    renamed: of('RENAME'),
    recoded: of('RECODE'),
    mergedInto: into ? link(into) : null,
    mergedFrom: merges.filter((m) => m.side === 'AFTER').map(link),
    splitInto: splits.filter((m) => m.side === 'BEFORE' && m.effectiveDate.getTime() === lastSplit).map(link),
    splitFrom: from ? link(from) : null,
    mergingInto: merging ? pending(merging) : null,
    splittingInto: splitting.filter((p) => p.effectiveDate.getTime() === firstSplitting).map(pending),
  }
})

/** A change of the unit decided but not applied (dated ahead, or its day come and not yet applied), as its administration page lists it, to be cancelled. */
export type PendingUnitChange = { id: string; kind: 'RENAME' | 'RECODE' | 'MERGE' | 'SPLIT'; effectiveDate: CalendarDay; reason: string; from: string; to: string; fromCode: string; toCode: string }

/** The changes not yet applied nor cancelled that the unit (of the administrator's subtree: the caller read it so) takes part in, by day. */
export async function pendingUnitChanges(unitId: string): Promise<PendingUnitChange[]> {
  const rows = await db().$queryRaw<(Omit<PendingUnitChange, 'effectiveDate'> & { effectiveDate: Date })[]>`
    SELECT c.id::text AS id, c.kind::text AS kind, c."effectiveDate", c.reason,
           -- Of a merge or a split, the units that end: those before it that are not after it too.
           string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE p.side = 'BEFORE' AND NOT (c.kind IN ('MERGE', 'SPLIT') AND EXISTS (
             SELECT FROM "UnitChangePart" q WHERE q."changeId" = c.id AND q.side = 'AFTER' AND q."unitId" = p."unitId"))) AS "from",
           string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE p.side = 'AFTER') AS "to",
           min(p.code) FILTER (WHERE p.side = 'BEFORE') AS "fromCode",
           min(p.code) FILTER (WHERE p.side = 'AFTER') AS "toCode"
      FROM "UnitChange" c
      JOIN "UnitChangePart" p ON p."changeId" = c.id
     WHERE c."appliedAt" IS NULL AND c."cancelledAt" IS NULL
       AND EXISTS (SELECT FROM "UnitChangePart" mine WHERE mine."changeId" = c.id AND mine."unitId" = ${unitId}::uuid)
     GROUP BY c.id
     ORDER BY c."effectiveDate", c."createdAt"`
  return rows.map((r) => ({ ...r, effectiveDate: dateColumnDay(r.effectiveDate), from: r.from ?? '', to: r.to ?? '', fromCode: r.fromCode ?? '', toCode: r.toCode ?? '' }))
}
