// The date line and the figures are written the way Vietnamese administrative documents write them.
import { describe, expect, test } from 'vitest'
import { formatNumber, formatPercent, longDate, shortDate } from './review-report-text'

describe('the report\'s words', () => {
  test('days below 10 and the months January and February take a leading zero', () => {
    expect(longDate('2027-02-05')).toBe('ngày 05 tháng 02 năm 2027')
    expect(longDate('2026-12-19')).toBe('ngày 19 tháng 12 năm 2026')
    expect(longDate('2026-06-30')).toBe('ngày 30 tháng 6 năm 2026')
  })

  test('dates in figures follow the same rule, as the report cites the resolution of 03/3/2015', () => {
    expect(shortDate('2015-03-03')).toBe('03/3/2015')
    expect(shortDate('2027-02-05')).toBe('05/02/2027')
    expect(shortDate('2026-08-19')).toBe('19/8/2026')
    expect(shortDate('2026-12-31')).toBe('31/12/2026')
  })

  test('decimals use a comma, and a share of nothing is a dash', () => {
    expect(formatNumber('12.50')).toBe('12,5')
    expect(formatPercent(1, 3)).toBe('33,3%')
    expect(formatPercent(0, 0)).toBe('–')
  })
})
