import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { uuidV7 } from './uuid'

describe('uuidV7', () => {
  test('is a version 7, RFC 9562 variant UUID', () => {
    const id = uuidV7()
    expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  test('carries its millisecond in the first 48 bits, so ids sort by creation time', () => {
    const at = Date.UTC(2026, 10, 28, 3, 0, 0, 123)
    expect(parseInt(uuidV7(at).replace('-', '').slice(0, 12), 16)).toBe(at)
    expect(uuidV7(at) < uuidV7(at + 1)).toBe(true)
  })

  test('two ids made in the same millisecond differ', () => {
    const at = Date.now()
    expect(new Set(Array.from({ length: 1000 }, () => uuidV7(at))).size).toBe(1000)
  })
})
