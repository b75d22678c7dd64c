import { describe, expect, test } from 'vitest'
import { contentDisposition } from './download'

describe('download file names', () => {
  test('a plain ASCII name is sent as it is', () => {
    expect(contentDisposition('tien-do-minh-cam-2026-11-29.xlsx')).toBe('attachment; filename="tien-do-minh-cam-2026-11-29.xlsx"')
  })

  test('a Vietnamese name is sent in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('Biên bản "họp" Đạp Thanh.pdf')).toBe(
      `attachment; filename="Bien ban _hop_ Dap Thanh.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22%20%C4%90%E1%BA%A1p%20Thanh.pdf`,
    )
  })
})
