// A commune's indicators ("chỉ tiêu"), each as its kind frames one unit's share: its figure toward
// the district's sum, its yes or no to a condition, its figure against its own target (Minh Cầm:
// 5 / 12 chức danh). Read through the progress source, so a past day shows the figures of then.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import {
  CONDITION_YES,
  countsDown,
  reachesTarget,
  unitIndicatorOf,
  type IndicatorKind,
  type UnitIndicator,
  type UnitIndicatorColumns,
  type UnitsIndicator,
} from '@/lib/domain/indicator'
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

/** One active indicator over the units in a member's charge (inChargeIndicators). */
export type InChargeIndicatorRow = { taskCode: string; title: string; indicator: UnitsIndicator }

type InChargeRow = {
  taskCode: string
  title: string
  scope: 'COMMUNE' | 'DISTRICT'
  indicatorKind: IndicatorKind
  indicatorUnit: string
  indicatorBaseline: string | null
  indicatorTarget: string | null
  assigned: number
  conditionMet: number
  actual: string | null
  reported: number
  units: { unitCode: string; unitName: string; actual: string | null; target: string | null }[]
}

/**
 * The indicators of the units in the member's charge that count on the source's day (a member's
 * page), each as its kind counts them over those units alone: how many meet a condition, each
 * unit's figure against its own target (of that day), the sum of their figures toward a sum's target.
 */
export const inChargeIndicators = cache(async (source: ProgressSource, memberId: string): Promise<InChargeIndicatorRow[]> => {
  const rows = await db().$queryRaw<InChargeRow[]>`
    SELECT t.code AS "taskCode", t.title, t.scope::text AS "scope", t."indicatorKind"::text AS "indicatorKind", t."indicatorUnit",
           trim_scale(t."indicatorBaseline")::text AS "indicatorBaseline", trim_scale(t."indicatorTarget")::text AS "indicatorTarget",
           count(*)::int AS "assigned", count(*) FILTER (WHERE a."indicatorActual" = ${Number(CONDITION_YES)})::int AS "conditionMet",
           trim_scale(sum(a."indicatorActual"))::text AS "actual", count(a."indicatorActual")::int AS "reported",
           COALESCE(json_agg(json_build_object('unitCode', u.code, 'unitName', ${source.unitName()}, 'actual', trim_scale(a."indicatorActual")::text, 'target', trim_scale(own.target)::text)
                             ORDER BY u."sortOrder", u.name, u.code) FILTER (WHERE t."indicatorKind" = 'PER_UNIT'), '[]') AS "units"
      FROM ${source.assignments} a
      CROSS JOIN LATERAL (SELECT ${source.unitTarget()} AS target) own
      JOIN "Unit" u ON u.id = a."unitId" AND u."inChargeMemberId" = ${memberId}::uuid AND ${source.unitCounted()}
      JOIN "Task" t ON t.id = a."taskId" AND t.active AND t."indicatorKind" IS NOT NULL
      JOIN "TaskGroup" g ON g.id = t."groupId"
     GROUP BY t.id, g."sortOrder", g.code
     ORDER BY g."sortOrder", g.code, t."sortOrder", t.code`
  return rows.flatMap(({ taskCode, title, ...row }): InChargeIndicatorRow[] => {
    const unit = row.indicatorUnit
    switch (row.indicatorKind) {
      case 'CONDITION':
        return [{ taskCode, title, indicator: { kind: 'CONDITION', unit, met: row.conditionMet, assigned: row.assigned } }]
      case 'PER_UNIT': {
        const down = countsDown(row.indicatorBaseline, row.indicatorTarget)
        const units = row.units.map(({ unitCode, unitName, actual, target }) => ({
          unitCode,
          unitName,
          indicator: { kind: 'PER_UNIT' as const, unit, target, actual, reached: reachesTarget(actual, target, down) },
        }))
        return [{ taskCode, title, indicator: { kind: 'PER_UNIT', unit, units } }]
      }
      case 'SUM':
        if (row.indicatorTarget === null) return []
        // A commune task's target is the district's, shared; so is a district task's when the member answers for several units.
        return [{ taskCode, title, indicator: { kind: 'SUM', unit, target: row.indicatorTarget, actual: row.actual, districtTarget: row.scope === 'COMMUNE' || row.assigned > 1, reported: row.reported, assigned: row.assigned } }]
    }
  })
})
