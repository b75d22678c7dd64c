import { describe, expect, test } from 'vitest'
import { asOfParam } from './as-of'

describe('?asOf=', () => {
  test('takes a calendar date written YYYY-MM-DD', () => {
    expect(asOfParam('2026-06-30')).toBe('2026-06-30')
  })
  test.each([undefined, '', '30/06/2026', '2026-02-30', '2026-6-3', ['2026-06-30'], "2026-06-30' OR 1=1"])('ignores %j', (value) => {
    expect(asOfParam(value)).toBeNull()
  })
})
