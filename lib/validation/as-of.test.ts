import { describe, expect, test } from 'vitest'
import { asOfParam } from './as-of'

describe('?asOf=', () => {
  test('takes a calendar date written YYYY-MM-DD', () => {
    expect(asOfParam('2026-06-30')).toBe('2026-06-30')
  })
  test.each([undefined, '', '30/06/2026', '2026-02-30', '2026-6-3', ['2026-06-30'], "2026-06-30' OR 1=1"])('ignores %j', (value) => {
    expect(asOfParam(value)).toBeNull()
  })
  // PostgreSQL cannot hold year 0: such a day must never reach a query.
  test.each(['0000-01-01', '1999-12-31'])('ignores %j, before 2000', (value) => {
    expect(asOfParam(value)).toBeNull()
  })
})
