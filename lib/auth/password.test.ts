import { describe, expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password'

describe('passwords', () => {
  test('are stored as argon2id hashes that verify only the same password', async () => {
    const stored = await hashPassword('mật-khẩu-dài-10')
    expect(stored).toMatch(/^\$argon2id\$/)
    expect(stored).not.toContain('mật-khẩu')
    expect(await verifyPassword(stored, 'mật-khẩu-dài-10')).toBe(true)
    expect(await verifyPassword(stored, 'mật-khẩu-dài-11')).toBe(false)
  })

  test('a malformed stored hash refuses instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything-at-all')).toBe(false)
  })
})
