import { describe, expect, it } from 'vitest'
import { addWorkingDays, dateColumnDay, daysBetween, districtDay, endOfDistrictDay, formatDay, formatInstant, workingDaysBetween } from './calendar'

describe('districtDay', () => {
  it('is already the next day in Ba Chẽ at 17:00 UTC', () => {
    expect(districtDay(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29')
  })

  it('is still the same day in Ba Chẽ at 16:59 UTC', () => {
    expect(districtDay(new Date('2026-11-28T16:59:59Z'))).toBe('2026-11-28')
  })

  it('crosses the year at 17:00 UTC on 31 December', () => {
    expect(districtDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01')
  })

  it('agrees with the time-zone database on every hour around each day boundary from 1970 to 2100', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
    const mismatches: string[] = []
    for (let time = Date.UTC(1970, 0, 1); time < Date.UTC(2100, 0, 1); time += 7 * 86_400_000 + 3_600_000) {
      for (const instant of [new Date(time), new Date(time - 1)]) if (districtDay(instant) !== zone.format(instant)) mismatches.push(instant.toISOString())
    }
    expect(mismatches).toEqual([])
  })
})

describe('dateColumnDay', () => {
  it('reads the day of a DATE column as stored, whatever the server zone', () => {
    expect(dateColumnDay(new Date('2026-06-30T00:00:00Z'))).toBe('2026-06-30')
  })
})

describe('daysBetween', () => {
  it('counts whole days forward and backward', () => {
    expect(daysBetween('2026-11-28', '2026-12-12')).toBe(14)
    expect(daysBetween('2026-12-12', '2026-11-28')).toBe(-14)
    expect(daysBetween('2026-11-28', '2026-11-28')).toBe(0)
  })

  it('counts 29 February in a leap year', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
  })
})

describe('formatDay', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDay('2026-03-05')).toBe('05/03/2026')
  })
})

describe('formatInstant', () => {
  it('writes an instant as the district reads it, day first, 24-hour clock', () => {
    // 17:05 UTC on 28/11 is 00:05 on 29/11 in Ba Chẽ.
    expect(formatInstant(new Date('2026-11-28T17:05:00Z'))).toBe('29/11/2026 00:05')
    expect(formatInstant(new Date('2026-03-03T01:30:00Z'))).toBe('03/03/2026 08:30')
  })
})

describe('endOfDistrictDay', () => {
  it('is 23:59:59.999 in Ba Chẽ, 16:59:59.999 UTC', () => {
    expect(endOfDistrictDay('2026-06-30').toISOString()).toBe('2026-06-30T16:59:59.999Z')
  })
})

describe('addWorkingDays', () => {
  it('counts Monday to Friday in the district: a question asked on Thursday morning is two working days old on Monday morning', () => {
    // Thursday 3 December 2026, 09:00 in Ba Chẽ.
    expect(addWorkingDays(new Date('2026-12-03T09:00:00+07:00'), 2).toISOString()).toBe(new Date('2026-12-07T09:00:00+07:00').toISOString())
  })
  it('goes by the district day, not the server clock: Friday 23:30 in Ba Chẽ is still Friday', () => {
    // 16:30 UTC on Friday is 23:30 Friday in the district; the next working day is Monday.
    expect(addWorkingDays(new Date('2026-12-04T23:30:00+07:00'), 1).toISOString()).toBe(new Date('2026-12-07T23:30:00+07:00').toISOString())
  })
  it('from a weekend, the first working day is Monday', () => {
    expect(addWorkingDays(new Date('2026-12-05T10:00:00+07:00'), 2).toISOString()).toBe(new Date('2026-12-08T10:00:00+07:00').toISOString())
  })
})

describe('workingDaysBetween', () => {
  const friday = new Date('2026-12-04T09:00:00+07:00')
  it('counts the working days passed: none until the same time on Monday, two by Tuesday morning', () => {
    expect(workingDaysBetween(friday, new Date('2026-12-07T08:59:00+07:00'))).toBe(0)
    expect(workingDaysBetween(friday, new Date('2026-12-07T09:00:00+07:00'))).toBe(1)
    expect(workingDaysBetween(friday, new Date('2026-12-08T09:00:00+07:00'))).toBe(2)
  })
  it('is 0 backwards and agrees with addWorkingDays', () => {
    expect(workingDaysBetween(friday, new Date('2026-12-01T09:00:00+07:00'))).toBe(0)
    expect(workingDaysBetween(friday, addWorkingDays(friday, 7))).toBe(7)
  })
})
