// The date line and the figures are written the way Vietnamese administrative documents write them.
import { describe, expect, test } from 'vitest'
import { formatNumber, formatPercent, longDate } from './review-report-text'

describe('the report\'s words', () => {
  test('days below 10 and the months January and February take a leading zero', () => {
    expect(longDate('2027-02-05')).toBe('ngày 05 tháng 02 năm 2027')
    expect(longDate('2026-12-19')).toBe('ngày 19 tháng 12 năm 2026')
    expect(longDate('2026-06-30')).toBe('ngày 30 tháng 6 năm 2026')
  })

  test('decimals use a comma, and a share of nothing is a dash', () => {
    expect(formatNumber('12.50')).toBe('12,5')
    expect(formatPercent(1, 3)).toBe('33,3%')
    expect(formatPercent(0, 0)).toBe('–')
  })
})
