// A commune's indicators ("chỉ tiêu"), each as its kind frames one unit's share: its figure toward
// the district's sum, its yes or no to a condition, its figure against its own target (Minh Cầm:
// 5 / 12 chức danh). Read through the progress source, so a past day shows the figures of then.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { unitIndicatorOf, type UnitIndicator, type UnitIndicatorColumns } from '@/lib/domain/indicator'
import type { ProgressSource } from './progress-source'

export type UnitIndicatorRow = { taskCode: string; title: string; indicator: UnitIndicator }

type Row = UnitIndicatorColumns & { taskCode: string; title: string; scope: 'COMMUNE' | 'DISTRICT' }

/** The unit's assignments of active tasks that have an indicator, in the groups' and tasks' order. */
export const unitIndicators = cache(async (source: ProgressSource, unitId: string): Promise<UnitIndicatorRow[]> => {
  const rows = await db().$queryRaw<Row[]>`
    SELECT t.code AS "taskCode", t.title, t.scope::text AS "scope", t."indicatorKind"::text AS "indicatorKind", t."indicatorUnit",
           trim_scale(t."indicatorBaseline")::text AS "indicatorBaseline", trim_scale(t."indicatorTarget")::text AS "indicatorTarget",
           trim_scale(${source.unitTarget()})::text AS "unitTarget", trim_scale(a."indicatorActual")::text AS "indicatorActual"
      FROM ${source.assignments} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active AND t."indicatorKind" IS NOT NULL
      JOIN "TaskGroup" g ON g.id = t."groupId"
     WHERE a."unitId" = ${unitId}::uuid
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`
  return rows.flatMap(({ taskCode, title, scope, ...columns }) => {
    const indicator = unitIndicatorOf(columns, scope === 'COMMUNE')
    return indicator ? [{ taskCode, title, indicator }] : []
  })
})
