import { describe, expect, it } from 'vitest'
import { cycleOf, effectiveCadence, lastClosedCycle, previousCycle } from './report-cycle'

const monthly25 = { kind: 'MONTHLY', day: 25 } as const
const quarterly20 = { kind: 'QUARTERLY', day: 20 } as const

describe('report cycles', () => {
  it('a monthly report by day 25 is due on the 25th of its month; the cycle starts the day after the previous deadline', () => {
    expect(cycleOf(monthly25, '2026-11-25')).toEqual({ kind: 'MONTHLY', key: '2026-11', year: 2026, number: 11, startDay: '2026-10-26', deadline: '2026-11-25' })
    expect(cycleOf(monthly25, '2026-10-26').key).toBe('2026-11')
  })

  it('the day after the deadline belongs to the next month, across a year end', () => {
    expect(cycleOf(monthly25, '2026-11-26').key).toBe('2026-12')
    expect(cycleOf(monthly25, '2026-12-26')).toMatchObject({ key: '2027-01', startDay: '2026-12-26', deadline: '2027-01-25' })
    expect(lastClosedCycle(monthly25, '2026-11-26').key).toBe('2026-11')
    expect(lastClosedCycle(monthly25, '2026-11-25').key).toBe('2026-10')
  })

  it('a quarterly report by day 20 is due in the quarter’s last month', () => {
    expect(cycleOf(quarterly20, '2026-11-30')).toEqual({ kind: 'QUARTERLY', key: '2026-Q4', year: 2026, number: 4, startDay: '2026-09-21', deadline: '2026-12-20' })
    expect(cycleOf(quarterly20, '2026-12-21').key).toBe('2027-Q1')
    expect(previousCycle(quarterly20, cycleOf(quarterly20, '2026-02-01'))).toMatchObject({ key: '2025-Q4', deadline: '2025-12-20', startDay: '2025-09-21' })
  })

  it('a task’s own cadence overrides its group’s; NONE on the task means none', () => {
    const group = { reportCadence: 'MONTHLY', reportDay: 25 } as const
    expect(effectiveCadence({ reportCadence: null, reportDay: null }, group)).toEqual(monthly25)
    expect(effectiveCadence({ reportCadence: 'QUARTERLY', reportDay: 20 }, group)).toEqual(quarterly20)
    expect(effectiveCadence({ reportCadence: 'NONE', reportDay: null }, group)).toBeNull()
    expect(effectiveCadence({ reportCadence: null, reportDay: null }, { reportCadence: 'NONE', reportDay: null })).toBeNull()
  })
})
