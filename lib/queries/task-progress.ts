// Progress per task (/tasks, /tasks/[code]): each active task across the active units it is
// assigned to, counted in SQL; the indicator's district result is the sum of the units' figures.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { Prisma } from '@/lib/db/client'
import { assignmentsScopeSql, groupRowVisibleSql, type Actor, type Reader } from '@/lib/auth/permissions'
import type { ReviewState, TaskScope, UnitKind } from '@/lib/db/generated/enums'
import type { ReportChannel } from '@/lib/domain/notifications'
import type { TaskStatus } from '@/lib/domain/status'
import type { StatusCounts } from '@/lib/domain/status-counts'
import type { IndicatorKind } from '@/lib/domain/indicator'
import { unitIndicatorCounts } from './indicator-counts'
import { pathCodeSchema } from '@/lib/validation/admin'
import { latestReportOf, latestReportSql, type LatestReport, type LatestReportColumns } from './latest-report'
import { indicatorSumOf, statusCountColumnsOf } from './progress-counts'
import type { ProgressSource } from './progress-source'

export type TaskIndicator = {
  kind: IndicatorKind
  /** Unit of measure, e.g. "chức danh"; for CONDITION, what is counted ("đơn vị cấp xã"). */
  unit: string
  /** DECIMAL values as plain strings ("12.5"); the baseline may be missing; CONDITION has neither. */
  baseline: string | null
  target: string | null
  /** The sum of the units' reported figures ("0" before any report). */
  total: string
  /** Assignments that have reported a figure. */
  reported: number
  /** CONDITION: units that answered yes; PER_UNIT: units that reached their own target; SUM: 0. */
  met: number
  /** PER_UNIT: the sum of the units' own targets (null before any is set). */
  targetSum: string | null
}

export type TaskProgress = StatusCounts & {
  id: string
  code: string
  title: string
  description: string | null
  /** As Prisma returns a DATE column: midnight UTC of that day. */
  dueDate: Date
  scope: TaskScope
  group: { id: string; code: string; name: string }
  /** The member who leads the task's group; null when none (or no longer active). */
  lead: { code: string; name: string } | null
  indicator: TaskIndicator | null
}

type TaskProgressRow = Omit<TaskProgress, 'group' | 'lead' | 'indicator'> & {
  groupId: string
  groupCode: string
  groupName: string
  leadCode: string | null
  leadName: string | null
  indicatorKind: IndicatorKind | null
  indicatorUnit: string | null
  indicatorBaseline: string | null
  indicatorTarget: string | null
  indicatorTotal: string
  indicatorReported: number
  unitsMet: number
  targetSum: string | null
}

/** Active tasks (those `where` keeps) of the groups the reader reads (groupRowVisibleSql) with their counts over active units, in the groups' and tasks' order. */
async function taskProgress(source: ProgressSource, where: Prisma.Sql, tasks: 'few' | 'all'): Promise<TaskProgress[]> {
  const rows = await db().$queryRaw<TaskProgressRow[]>`
    SELECT t.id::text AS "id", t.code, t.title, t.description, t."dueDate", t.scope::text AS "scope",
           g.id::text AS "groupId", g.code AS "groupCode", g.name AS "groupName",
           m.code AS "leadCode", m.name AS "leadName",
           t."indicatorKind"::text AS "indicatorKind", t."indicatorUnit", trim_scale(t."indicatorBaseline")::text AS "indicatorBaseline",
           trim_scale(t."indicatorTarget")::text AS "indicatorTarget",
           trim_scale(${indicatorSumOf})::text AS "indicatorTotal", COALESCE(c."indicatorReported", 0)::int AS "indicatorReported",
           COALESCE(iu."unitsMet", 0)::int AS "unitsMet", iu."targetSum",
           ${statusCountColumnsOf()}
      FROM "Task" t
      JOIN "TaskGroup" g ON g.id = t."groupId"
      LEFT JOIN "Member" m ON m.id = g."leadMemberId" AND m.active
      ${await source.taskCounts()}
      ${unitIndicatorCounts(source, tasks)}
     WHERE t.active AND ${groupRowVisibleSql(source.scope, 'g')} AND ${where}
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`
  return rows.map(
    ({ groupId, groupCode, groupName, leadCode, leadName, indicatorKind, indicatorUnit, indicatorBaseline, indicatorTarget, indicatorTotal, indicatorReported, unitsMet, targetSum, ...task }) => ({
      ...task,
      group: { id: groupId, code: groupCode, name: groupName },
      lead: leadCode !== null && leadName !== null ? { code: leadCode, name: leadName } : null,
      indicator:
        indicatorKind !== null && indicatorUnit !== null
          ? { kind: indicatorKind, unit: indicatorUnit, baseline: indicatorBaseline, target: indicatorTarget, total: indicatorTotal, reported: indicatorReported, met: unitsMet, targetSum }
          : null,
    }),
  )
}

/** Every active task, by group. */
export const taskProgressList = cache((source: ProgressSource): Promise<TaskProgress[]> => taskProgress(source, Prisma.sql`true`, 'all'))

/** One active task with its district-wide counts; null when no active task has this code (as a page's or a download's path gives it, unchecked). */
export const taskProgressByCode = cache(async (source: ProgressSource, code: string): Promise<TaskProgress | null> => {
  const parsed = pathCodeSchema.safeParse(code)
  if (!parsed.success) return null
  // Each reader's page reads it (the title, the latest reports' indicator) as well as the kept section.
  return keptTasks(`${parsed.data} ${source.key}`, async () => (await taskProgress(source, Prisma.sql`t.code = ${parsed.data}`, 'few'))[0] ?? null)
})

/** The tasks being read at the moment, a few days and subtrees each. */
const keptTasks = snapshotCache<TaskProgress | null>('task figures', 256)

export type TaskUnitRow = {
  assignmentId: string
  unitCode: string
  unitName: string
  unitKind: UnitKind
  status: TaskStatus
  progress: number
  completedAt: Date | null
  /** DECIMAL as a plain string ("12.5"); null before a figure is reported. */
  indicatorActual: string | null
  /** The unit's own target of a PER_UNIT indicator; null otherwise, or before it is set. */
  unitTarget: string | null
  lastUpdateAt: Date | null
}

/** One page of a task's units; how many there are in all is the task's `assigned` (TaskProgress). */
export type TaskUnits = { rows: TaskUnitRow[] }

/** The units a task's page lists at a time; its download reads them as many at a time. */
export const TASK_UNITS_PER_PAGE = 100

/** The rows of taskUnits, with more columns read along each (`more`). */
function taskUnitsSql(source: ProgressSource, taskId: string, limit: number, offset: number, more = { columns: Prisma.empty, join: Prisma.empty }): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id::text AS "assignmentId", u.code AS "unitCode", u.name AS "unitName", u.kind::text AS "unitKind",
           a.status::text AS "status", a.progress, a."completedAt", trim_scale(a."indicatorActual")::text AS "indicatorActual",
           trim_scale(${source.unitTarget()})::text AS "unitTarget", a."lastUpdateAt" ${more.columns}
      FROM "Unit" u
      JOIN ${source.assignments} a ON a."unitId" = u.id AND a."taskId" = ${taskId}::uuid
      ${more.join}
     WHERE ${source.unitCounted()}
     ORDER BY u."sortOrder", u.name, u.code
     LIMIT ${limit} OFFSET ${offset}`
}

/**
 * Where each active unit stands on the task, in the district's order of units; one page of `limit`
 * rows. The walk follows that order (index on Unit (sortOrder, name, code)) and looks up each
 * unit's assignment, so a page reads its own rows, not the task's ten thousand.
 */
export const taskUnits = cache(async (source: ProgressSource, taskId: string, limit: number, offset: number): Promise<TaskUnits> => ({
  rows: await db().$queryRaw<TaskUnitRow[]>(taskUnitsSql(source, taskId, limit, offset)),
}))

export type TaskUnitReport = TaskUnitRow & LatestReport & { member: { name: string; title: string } | null }

/**
 * The same page of units, each with its latest report as `reader` may read it (./latest-report.ts)
 * and the unit's member in charge: what a clerk writes from, in the task's download.
 */
export async function taskUnitReports(source: ProgressSource, reader: Actor, taskId: string, limit: number, offset: number): Promise<TaskUnitReport[]> {
  const latest = latestReportSql(source, reader)
  const rows = await db().$queryRaw<(TaskUnitRow & LatestReportColumns & { memberName: string | null; memberTitle: string | null })[]>(
    taskUnitsSql(source, taskId, limit, offset, {
      columns: Prisma.sql`, m.name AS "memberName", m.title AS "memberTitle", ${latest.columns}`,
      join: Prisma.sql`LEFT JOIN "Member" m ON m.id = u."inChargeMemberId" ${latest.join}`,
    }),
  )
  return rows.map((row) => ({
    ...row,
    member: row.memberName === null || row.memberTitle === null ? null : { name: row.memberName, title: row.memberTitle },
    ...latestReportOf(row),
  }))
}

export type TaskHistoryEntry = {
  id: string
  createdAt: Date
  authorName: string
  /** Set when the office entered the report on the unit's behalf: how the unit sent it. */
  onBehalfVia: ReportChannel | null
  unitCode: string
  unitName: string
  status: TaskStatus
  progress: number
  indicatorActual: string | null
  /** The first NOTE_EXCERPT characters of the note. */
  note: string | null
  noteCut: boolean
  reviewState: ReviewState
}

export const NOTE_EXCERPT = 200

/**
 * The latest `limit` updates on the task in active units whose details the reader may read
 * (READ_RULES: staff their own unit's, leaders their scope's), made by the source's day, reviewed as
 * they stood then, newest first, returned ones included (and marked). Each report carries its task (kept by
 * the database, migration 20261129010000_task_history): the walk goes down the (taskId, createdAt)
 * index and stops after `limit` reports in active units, whatever the task's number of units.
 */
export const taskHistory = cache(async (source: ProgressSource, reader: Reader, taskId: string, limit: number): Promise<TaskHistoryEntry[]> => {
  const scope = assignmentsScopeSql(reader, 'assignment.readDetails', 'a')
  if (!scope) return []
  return db().$queryRaw<TaskHistoryEntry[]>`
    SELECT s.id::text AS "id", s."createdAt", author."displayName" AS "authorName", s."onBehalfVia"::text AS "onBehalfVia",
           u.code AS "unitCode", u.name AS "unitName",
           s.status::text AS "status", s.progress, trim_scale(s."indicatorActual")::text AS "indicatorActual",
           left(s.note, ${NOTE_EXCERPT}) AS "note", COALESCE(length(s.note) > ${NOTE_EXCERPT}, false) AS "noteCut",
           ${source.reviewState}::text AS "reviewState"
      FROM "StatusUpdate" s
      JOIN "Assignment" a ON a.id = s."assignmentId"
      JOIN "Unit" u ON u.id = a."unitId" AND u.active
      JOIN "User" author ON author.id = s."authorId"
     WHERE s."taskId" = ${taskId}::uuid AND ${source.madeBy} AND ${scope}
     ORDER BY s."createdAt" DESC, s.id DESC
     LIMIT ${limit}`
})
