// How an indicator ("chỉ tiêu") counts, as the article counts them (schema.prisma, enum
// IndicatorKind). Figures are DECIMAL values as plain strings; comparisons are exact on them.

export const INDICATOR_KINDS = ['SUM', 'CONDITION', 'PER_UNIT'] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

/** A CONDITION indicator's answers, as its figure stores them. */
export const CONDITION_YES = '1'
export const CONDITION_NO = '0'

/** Compares two plain decimal strings ("12.5", "7") exactly: negative, zero or positive. */
export function compareDecimals(a: string, b: string): number {
  const [aWhole = '0', aFraction = ''] = a.split('.')
  const [bWhole = '0', bFraction = ''] = b.split('.')
  const aInt = BigInt(aWhole + aFraction.padEnd(2, '0').slice(0, 2))
  const bInt = BigInt(bWhole + bFraction.padEnd(2, '0').slice(0, 2))
  return aInt === bInt ? 0 : aInt < bInt ? -1 : 1
}

/**
 * An indicator counts down (a reduction: "còn lại" posts, sites) when its target is below its
 * baseline; then a unit reaches its target by going down to it. A missing baseline is 0.
 */
export function countsDown(baseline: string | null, target: string | null): boolean {
  return target !== null && compareDecimals(target, baseline ?? '0') < 0
}

/** Whether a unit's figure reaches its own target, in the indicator's direction; not before a figure or a target is there. */
export function reachesTarget(actual: string | null, target: string | null, down: boolean): boolean {
  if (actual === null || target === null) return false
  const c = compareDecimals(actual, target)
  return down ? c <= 0 : c >= 0
}

export type PerUnitTargetProblem = 'targetNegative' | 'targetAboveBaseline' | 'targetBelowBaseline'

/**
 * Why a unit's own target does not fit its task's indicator, or null. Below zero never fits
 * (parseDecimal already refuses a minus sign; this says so for any other path). A target lies on
 * the indicator's side of the baseline: at or above it when the indicator counts up, at or below
 * it when it counts down.
 */
export function perUnitTargetProblem(target: string, baseline: string | null, down: boolean): PerUnitTargetProblem | null {
  if (compareDecimals(target, '0') < 0) return 'targetNegative'
  const c = compareDecimals(target, baseline ?? '0')
  if (down && c > 0) return 'targetAboveBaseline'
  if (!down && c < 0) return 'targetBelowBaseline'
  return null
}

/** Why a unit's own baseline and target of a PER_UNIT indicator do not fit it, and on which field; null when they do. */
export type OwnIndicatorProblem = { field: 'baseline'; problem: 'baselineNegative' } | { field: 'target'; problem: PerUnitTargetProblem; baseline: string }

/**
 * A unit's own baseline (null: the task's) and own target (null: none yet), checked as
 * perUnitTargetProblem checks a target, against the unit's own baseline where it has one. The
 * direction (`down`) is the task's, so that every unit of the indicator counts the same way; a
 * baseline is never below zero.
 */
export function ownIndicatorProblem(own: { target: string | null; baseline: string | null }, taskBaseline: string | null, down: boolean): OwnIndicatorProblem | null {
  if (own.baseline !== null && compareDecimals(own.baseline, '0') < 0) return { field: 'baseline', problem: 'baselineNegative' }
  if (own.target === null) return null
  const baseline = own.baseline ?? taskBaseline
  const problem = perUnitTargetProblem(own.target, baseline, down)
  return problem === null ? null : { field: 'target', problem, baseline: baseline ?? '0' }
}

/** A share of whole units ("4/8": 0.5); null when nothing is assigned. */
export function unitShare(met: number, assigned: number): number | null {
  return assigned === 0 ? null : met / assigned
}

/** One unit's indicator on one task, as its pages show it. */
export type UnitIndicator =
  /** The unit's figure adds up with the others' to `target`, the district's, when `districtTarget`; else it is the unit's to reach alone. */
  | { kind: 'SUM'; unit: string; target: string; actual: string | null; districtTarget: boolean }
  /** The unit's answer: CONDITION_YES, CONDITION_NO, or null before it answers. */
  | { kind: 'CONDITION'; unit: string; actual: string | null }
  /** The unit's figure against its own target (null until the administrator sets it). */
  | { kind: 'PER_UNIT'; unit: string; target: string | null; actual: string | null; reached: boolean }

/** One indicator over several units (those in a member's charge), as its kind counts them there. */
export type UnitsIndicator =
  /** How many of the units said yes ("3/4 đơn vị đạt"). */
  | { kind: 'CONDITION'; unit: string; met: number; assigned: number }
  /** Each unit's figure against its own target ("Xã Minh Cầm: 5 / 12"). */
  | { kind: 'PER_UNIT'; unit: string; units: { unitCode: string; unitName: string; indicator: Extract<UnitIndicator, { kind: 'PER_UNIT' }> }[] }
  /** The units' figures summed (`actual`, null before any is reported), toward `target`. */
  | { kind: 'SUM'; unit: string; target: string; actual: string | null; districtTarget: boolean; reported: number; assigned: number }

/** A task's indicator columns and the unit's figures, as a read model selects them. */
export type UnitIndicatorColumns = {
  indicatorKind: IndicatorKind | null
  indicatorUnit: string | null
  indicatorBaseline: string | null
  indicatorTarget: string | null
  /** The assignment's own target (PER_UNIT). */
  unitTarget: string | null
  indicatorActual: string | null
}

/** The unit's indicator from its columns; null when the task has none. `districtTarget`: a SUM target shared by the task's communes. */
export function unitIndicatorOf(c: UnitIndicatorColumns, districtTarget: boolean): UnitIndicator | null {
  if (c.indicatorKind === null || c.indicatorUnit === null) return null
  switch (c.indicatorKind) {
    case 'CONDITION':
      return { kind: 'CONDITION', unit: c.indicatorUnit, actual: c.indicatorActual }
    case 'PER_UNIT':
      return {
        kind: 'PER_UNIT',
        unit: c.indicatorUnit,
        target: c.unitTarget,
        actual: c.indicatorActual,
        reached: reachesTarget(c.indicatorActual, c.unitTarget, countsDown(c.indicatorBaseline, c.indicatorTarget)),
      }
    case 'SUM':
      return c.indicatorTarget === null ? null : { kind: 'SUM', unit: c.indicatorUnit, target: c.indicatorTarget, actual: c.indicatorActual, districtTarget }
  }
}

/** A CONDITION answer as stored (CONDITION_YES or CONDITION_NO), or null when the figure is neither 1 nor 0. */
export function conditionAnswer(figure: string): string | null {
  if (compareDecimals(figure, CONDITION_YES) === 0) return CONDITION_YES
  if (compareDecimals(figure, CONDITION_NO) === 0) return CONDITION_NO
  return null
}
