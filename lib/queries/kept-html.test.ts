import { describe, expect, test } from 'vitest'
import { KEPT_SECTION_END_ID, KEPT_SECTION_ID, sectionOf } from './kept-html'

describe('the section taken out of the page that rendered it', () => {
  test('is the inside of its element, nested elements and all, without the page around it', () => {
    const page = `<!DOCTYPE html><html><head><title>x</title></head><body><div hidden=""><div id="${KEPT_SECTION_ID}"><header><h1>Tổng quan</h1></header><div class="space-y-2"><p>Xã Minh Cầm</p></div></div><div id="${KEPT_SECTION_END_ID}" hidden=""></div></div><script>self.__next_f.push([1,"x"])</script></body></html>`
    expect(sectionOf(page)).toBe('<header><h1>Tổng quan</h1></header><div class="space-y-2"><p>Xã Minh Cầm</p></div>')
  })

  test('a page without the section is an error, not an empty section', () => {
    expect(() => sectionOf('<html><body><h1>Không tìm thấy</h1></body></html>')).toThrow(/not found/)
  })
})
