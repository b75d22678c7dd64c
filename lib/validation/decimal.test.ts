import { describe, expect, test } from 'vitest'
import { decimalPlaces, parseDecimal } from './decimal'

describe('numbers typed by commune staff', () => {
  test.each([
    ['12,5', '12.5'],
    ['1.234,5', '1234.5'],
    ['1.234.567', '1234567'],
    ['12.5', '12.5'],
    [' 0033 ', '33'],
    ['0,75', '0.75'],
    ['18', '18'],
  ])('"%s" reads as %s', (typed, plain) => {
    expect(parseDecimal(typed)).toBe(plain)
  })

  test.each(['', 'abc', '-3', '1,2,3', '12,', ',5', '1.23,4', '12.5.1', '1e5', '١٢'])('"%s" is not a number', (typed) => {
    expect(parseDecimal(typed)).toBeNull()
  })

  test('counts decimal places of the plain form', () => {
    expect(decimalPlaces('12.345')).toBe(3)
    expect(decimalPlaces('12')).toBe(0)
  })
})
