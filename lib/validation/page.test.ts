import { describe, expect, it } from 'vitest'
import { pageParam } from './page'

describe('pageParam', () => {
  it('reads the page asked for', () => {
    expect(pageParam('2')).toBe(2)
    expect(pageParam('140')).toBe(140)
  })

  it('gives the first page for anything missing or malformed', () => {
    for (const value of [undefined, '', 'abc', '0', '-3', '1.5', ['2', '3'], '9999999999']) expect(pageParam(value)).toBe(1)
  })
})
