import { describe, expect, it } from 'vitest'
import { compareDecimals, conditionAnswer, countsDown, perUnitTargetProblem, reachesTarget, unitIndicatorOf, unitShare } from './indicator'

describe('indicator maths', () => {
  it('compares decimals exactly, whatever their scale', () => {
    expect(compareDecimals('12', '12.00')).toBe(0)
    expect(compareDecimals('4.5', '12')).toBe(-1)
    expect(compareDecimals('-0.5', '0')).toBe(-1)
  })

  it('reads an indicator whose target is below its baseline as a reduction', () => {
    expect(countsDown('12', '7')).toBe(true)
    expect(countsDown(null, '38')).toBe(false)
    expect(countsDown('0', '0')).toBe(false)
  })

  it('reaches a target in the indicator’s direction: Minh Cầm’s 5 of 12 does not, 4 of 4 does', () => {
    expect(reachesTarget('5', '12', false)).toBe(false)
    expect(reachesTarget('4', '4', false)).toBe(true)
    expect(reachesTarget('7', '7', true)).toBe(true)
    expect(reachesTarget('8', '7', true)).toBe(false)
    expect(reachesTarget(null, '12', false)).toBe(false)
  })

  it('refuses a unit target below zero, or on the wrong side of the baseline', () => {
    expect(perUnitTargetProblem('-1', '0', false)).toBe('targetNegative')
    expect(perUnitTargetProblem('1', '2', false)).toBe('targetBelowBaseline')
    expect(perUnitTargetProblem('13', '12', true)).toBe('targetAboveBaseline')
    expect(perUnitTargetProblem('12', '0', false)).toBeNull()
    expect(perUnitTargetProblem('7', '12', true)).toBeNull()
  })

  it('takes yes or no for a condition, and counts 4 of 8 as half', () => {
    expect([conditionAnswer('1'), conditionAnswer('0.00'), conditionAnswer('2'), conditionAnswer('0.5')]).toEqual(['1', '0', null, null])
    expect(unitShare(4, 8)).toBe(0.5)
    expect(unitShare(0, 0)).toBeNull()
  })

  it('frames a unit’s figure by the kind of its indicator', () => {
    const columns = { indicatorUnit: 'chức danh', indicatorBaseline: '0', indicatorTarget: '38', unitTarget: '12', indicatorActual: '5' }
    expect(unitIndicatorOf({ ...columns, indicatorKind: 'PER_UNIT' }, true)).toEqual({ kind: 'PER_UNIT', unit: 'chức danh', target: '12', actual: '5', reached: false })
    expect(unitIndicatorOf({ ...columns, indicatorKind: 'SUM' }, true)).toEqual({ kind: 'SUM', unit: 'chức danh', target: '38', actual: '5', districtTarget: true })
    expect(unitIndicatorOf({ ...columns, indicatorKind: 'CONDITION', indicatorActual: '1' }, true)).toEqual({ kind: 'CONDITION', unit: 'chức danh', actual: '1' })
    expect(unitIndicatorOf({ ...columns, indicatorKind: null }, true)).toBeNull()
  })
})
