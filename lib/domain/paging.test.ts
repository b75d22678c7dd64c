import { describe, expect, it } from 'vitest'
import { offsetOf, pageCountOf, pagedHref } from './paging'

describe('paging', () => {
  it('counts an empty list as one page, and a partly filled last page as a page', () => {
    expect([0, 1, 50, 51, 100].map((total) => pageCountOf(total, 50))).toEqual([1, 1, 1, 2, 2])
    expect([1, 2, 3].map((page) => offsetOf(page, 50))).toEqual([0, 50, 100])
  })

  it("keeps the list's parameters in a page's address, and leaves the first page without a number", () => {
    expect(pagedHref('/communes', { asOf: '2026-06-30' }, 2)).toBe('/communes?asOf=2026-06-30&page=2')
    expect(pagedHref('/communes', { asOf: undefined }, 3)).toBe('/communes?page=3')
    expect(pagedHref('/communes', { asOf: '2026-06-30' }, 1)).toBe('/communes?asOf=2026-06-30')
    expect(pagedHref('/reviews', {}, 1)).toBe('/reviews')
  })
})
