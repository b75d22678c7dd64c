// Where a progress view's figures come from, chosen once per request. "Kept counts", for today: the
// assignments as they stand and the counts the database keeps per unit and per task
// (./progress-counts.ts). "History", for a past day: each assignment as its reports said it stood
// at the end of that day (SQL function assignment_state_as_of, migration
// 20261128200000_assignment_state_as_of), counted with ./progress-rule.ts into rows of the same
// shape as the kept ones. A read model takes a source and reads through it, whichever it is.
import 'server-only'
import { cache } from 'react'
import { unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import { districtDay, endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import { progressCountsReady } from './progress-counts'
import { countColumns } from './progress-rule'
import { unitNameOn, unitStoodOn } from './unit-history'

export type ProgressSource = {
  name: 'kept counts' | 'history'
  /** The district day the figures speak of. */
  day: CalendarDay
  /** The instant the labels (overdue, due soon) are judged at: now, or the end of the past day. */
  at: Date
  /** The past day, for the links and downloads that keep it; undefined for today. */
  asOfDay: CalendarDay | undefined
  /** Names these figures in a cache. */
  key: string
  /**
   * The assignments, `FROM ${source.assignments} a`, with the columns of "Assignment" that progress
   * reads: id, taskId, unitId, status, progress, indicatorActual, completedAt, responsibleMemberId,
   * lastUpdateAt. Those assigned after a past day are not there.
   */
  assignments: Prisma.Sql
  /** The reports `s` made by then. */
  madeBy: Prisma.Sql
  /** A report `s`'s review state as it stood then: one confirmed or returned later was still waiting. */
  reviewState: Prisma.Sql
  /** The reports waiting for review then, as rows of "PendingReview" ("statusUpdateId", "assignmentId", "unitId", "taskId", "authorId", "createdAt"). */
  pendingReports: Prisma.Sql
  /** The name the unit `alias` had on the day: its Unit row's today, its UnitName of then for a past day. */
  unitName(alias?: string): Prisma.Sql
  /** Whether the unit `alias` counts on the day: active today; for a past day, standing then (a merged unit until its merge, unitStoodOn); in the reader's subtree (withinScope). */
  unitCounted(alias?: string): Prisma.Sql
  /** Whether the unit `alias` lies in the reader's subtree (withinScope), whatever the day: for what counts units of another day. */
  unitInScope(alias?: string): Prisma.Sql
  /**
   * The own target of a PER_UNIT indicator of the assignment `alias` (of `assignments`) as it stood
   * on the day: "Assignment"'s for today, the history's (AssignmentTarget) of then for a past day.
   */
  unitTarget(alias?: string): Prisma.Sql
  /** The assignment `alias`'s own baseline as it stood on the day, as unitTarget; null: the task's. */
  unitBaseline(alias?: string): Prisma.Sql
  /** Whose subtree the figures are of (withinScope); the whole deployment's: scopeUnitId null. */
  scope: Pick<Actor, 'scopeUnitId'>
  /** `LEFT JOIN … c`: the row of counts of each unit `u`, over active tasks, as "UnitProgressCount" holds it. */
  unitCounts(): Promise<Prisma.Sql>
  /** `LEFT JOIN … c`: the row of counts of each task `t`, over active units, as "TaskProgressCount" holds it. */
  taskCounts(): Promise<Prisma.Sql>
}

/** Today (`day`, `at` an instant of it): the assignments themselves and the counts kept of them, made `day`'s first. */
export function fromKeptCounts(day: CalendarDay, at: Date = endOfDistrictDay(day)): ProgressSource {
  // Once per source, which a request's reads share: also where React's cache does not reach (scripts).
  let ready: Promise<void> | undefined
  const countsReady = () => (ready ??= progressCountsReady(day))
  return {
    name: 'kept counts',
    day,
    at,
    asOfDay: undefined,
    key: `kept ${day}`,
    assignments: Prisma.sql`"Assignment"`,
    madeBy: Prisma.sql`true`,
    reviewState: Prisma.sql`s."reviewState"`,
    pendingReports: Prisma.sql`"PendingReview"`,
    unitName: (alias = 'u') => Prisma.raw(`${alias}.name`),
    unitCounted: (alias = 'u') => Prisma.raw(`${alias}.active`),
    unitInScope: () => Prisma.sql`true`,
    unitTarget: (alias = 'a') => Prisma.raw(`${alias}."indicatorTarget"`),
    unitBaseline: (alias = 'a') => Prisma.raw(`${alias}."indicatorBaseline"`),
    scope: { scopeUnitId: null },
    async unitCounts() {
      await countsReady()
      return Prisma.sql`LEFT JOIN "UnitProgressCount" c ON c."unitId" = u.id`
    },
    async taskCounts() {
      await countsReady()
      return Prisma.sql`LEFT JOIN "TaskProgressCount" c ON c."taskId" = t.id`
    },
  }
}

/** The assignment `alias`'s own `column` as the latest change made by the instant `asOf` (SQL) left it; null before any. */
export function targetOn(asOf: Prisma.Sql, alias: string, column: 'indicatorTarget' | 'indicatorBaseline'): Prisma.Sql {
  return Prisma.sql`(SELECT h.${Prisma.raw(`"${column}"`)} FROM "AssignmentTarget" h
     WHERE h."assignmentId" = ${Prisma.raw(alias)}.id AND h."effectiveAt" <= ${asOf}
     ORDER BY h."effectiveAt" DESC, h.id DESC LIMIT 1)`
}

/** A past day: everything as the history says it stood at the end of `day`. */
export function fromHistory(day: CalendarDay): ProgressSource {
  const asOf = endOfDistrictDay(day)
  const assignments = Prisma.sql`assignment_state_as_of(${asOf}::timestamptz)`
  const madeBy = Prisma.sql`s."createdAt" <= ${asOf}::timestamptz`
  const reviewState = Prisma.sql`(CASE WHEN s."reviewedAt" > ${asOf}::timestamptz THEN 'PENDING'::"ReviewState" ELSE s."reviewState" END)`
  return {
    name: 'history',
    day,
    at: asOf,
    asOfDay: day,
    key: `history ${day}`,
    assignments,
    madeBy,
    reviewState,
    pendingReports: Prisma.sql`(
      SELECT s.id AS "statusUpdateId", s."assignmentId", a."unitId", a."taskId", s."authorId", s."createdAt"
        FROM "StatusUpdate" s
        JOIN "Assignment" a ON a.id = s."assignmentId" AND a."createdAt" <= ${asOf}::timestamptz
       WHERE ${madeBy} AND ${reviewState} = 'PENDING')`,
    unitName: (alias = 'u') => unitNameOn(day, alias),
    unitCounted: (alias = 'u') => unitStoodOn(day, alias),
    unitInScope: () => Prisma.sql`true`,
    unitTarget: (alias = 'a') => targetOn(Prisma.sql`${asOf}::timestamptz`, alias, 'indicatorTarget'),
    unitBaseline: (alias = 'a') => targetOn(Prisma.sql`${asOf}::timestamptz`, alias, 'indicatorBaseline'),
    scope: { scopeUnitId: null },
    // Lateral, so that a query about a few units or tasks counts only theirs.
    unitCounts: async () => Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${countColumns(day)}
        FROM ${assignments} a
        JOIN "Task" t ON t.id = a."taskId" AND t.active
       WHERE a."unitId" = u.id) c ON true`,
    taskCounts: async () => Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${countColumns(day)}, sum(a."indicatorActual") AS "indicatorSum", COUNT(a."indicatorActual")::int AS "indicatorReported"
        FROM ${assignments} a
        JOIN "Unit" u ON u.id = a."unitId" AND ${unitStoodOn(day)}
       WHERE a."taskId" = t.id) c ON true`,
  }
}

/**
 * The source as the reader sees it (DESIGN.md "Roles", scopes follow the tree): only the units of
 * their subtree count, so every view and download built on it (the overview, the communes, a task's
 * units, the review report) counts and lists their subtree alone. The counts kept per task are of
 * the whole deployment: a task's row of counts is recounted over the subtree's assignments instead,
 * a lateral that costs what the subtree holds. A reader at the top of the tree gets `source` itself.
 */
export function withinScope(source: ProgressSource, reader: Pick<Actor, 'scopeUnitId'>): ProgressSource {
  if (reader.scopeUnitId === null) return source
  return { ...narrowed(source, `${source.key} ${reader.scopeUnitId}`, (alias = 'u') => unitRowInScopeSql(reader, alias)), scope: { scopeUnitId: reader.scopeUnitId } }
}

/**
 * The source narrowed to the units in a member's charge (as withinScope narrows it to a subtree): a
 * member's own figures, such as the units in their charge missing from a reporting cycle (mail).
 */
export function inChargeOf(source: ProgressSource, memberId: string): ProgressSource {
  return narrowed(source, `${source.key} member ${memberId}`, (alias = 'u') => Prisma.sql`${Prisma.raw(alias)}."inChargeMemberId" = ${memberId}::uuid`)
}

/** The source counting and listing only the units `unitInScope` keeps, its tasks' counts recounted over their assignments. */
function narrowed(source: ProgressSource, key: string, unitInScope: (alias?: string) => Prisma.Sql): ProgressSource {
  const unitCounted = (alias = 'u') => Prisma.sql`(${source.unitCounted(alias)} AND ${unitInScope(alias)})`
  return {
    ...source,
    key,
    unitCounted,
    unitInScope,
    taskCounts: async () => Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${countColumns(source.day)}, sum(a."indicatorActual") AS "indicatorSum", COUNT(a."indicatorActual")::int AS "indicatorReported"
        FROM ${source.assignments} a
        JOIN "Unit" u ON u.id = a."unitId" AND ${unitCounted()}
       WHERE a."taskId" = t.id) c ON true`,
  }
}

/** The day asked for (`?asOf=`) when it is past; else today, `now`'s district day. Of the whole deployment: a reader's is withinScope of it. */
export function progressSource(asked: CalendarDay | null, now: Date): ProgressSource {
  const today = districtDay(now)
  return asked !== null && asked < today ? fromHistory(asked) : fromKeptCounts(today, now)
}

const requestSourceOf = cache((asked: CalendarDay | null, scopeUnitId: string | null): ProgressSource => withinScope(progressSource(asked, new Date()), { scopeUnitId }))

/**
 * The source of one request's page (and of its metadata) for its reader, chosen once: every read
 * of the request gets the same source, so React's cache of each read is shared.
 */
export function requestSource(asked: CalendarDay | null, reader: Pick<Actor, 'scopeUnitId'>): ProgressSource {
  return requestSourceOf(asked, reader.scopeUnitId)
}
