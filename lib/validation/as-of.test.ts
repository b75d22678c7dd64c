import { describe, expect, it } from 'vitest'
import { asOfParam } from './as-of'

describe('asOfParam', () => {
  it('takes a real day from 2000 on, and reads anything else as today', () => {
    expect(asOfParam('2026-06-30')).toBe('2026-06-30')
    expect(asOfParam('2026-02-30')).toBeNull()
    // PostgreSQL cannot hold year 0: such a day must not reach a query.
    expect(asOfParam('0000-01-01')).toBeNull()
    expect(asOfParam('1999-12-31')).toBeNull()
  })
})
