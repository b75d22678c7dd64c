// The outbox's masking of the links' tokens: the link's place is kept, the token is not.
import { describe, expect, test } from 'vitest'
import { maskMailTokens, unsubscribeApiHref, unsubscribeHref, verifyEmailHref } from './paths'

describe('masking the tokens of mail links', () => {
  test('verification and unsubscribe links keep their address, their token masked; other links stay whole', () => {
    const token = 'Ab3_-x9ZqT0kLmN'
    const text = [
      `Xác nhận địa chỉ: https://nq19.example.vn${verifyEmailHref(token)}`,
      `<a href="https://nq19.example.vn${unsubscribeHref(token)}">Ngừng nhận</a>`,
      `<https://nq19.example.vn${unsubscribeApiHref(token)}>`,
      'Mở trong ứng dụng: https://nq19.example.vn/notifications/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    ].join('\n')
    expect(maskMailTokens(text)).toBe(
      [
        'Xác nhận địa chỉ: https://nq19.example.vn/verify-email/••••••',
        '<a href="https://nq19.example.vn/unsubscribe/••••••">Ngừng nhận</a>',
        '<https://nq19.example.vn/api/mail/unsubscribe/••••••>',
        'Mở trong ứng dụng: https://nq19.example.vn/notifications/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      ].join('\n'),
    )
  })
})
