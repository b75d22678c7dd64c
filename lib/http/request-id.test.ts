import { describe, expect, it } from 'vitest'
import { requestIdOf, wellFormedRequestId } from './request-id'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('the request id', () => {
  it('is new for a request without one, and different each time', () => {
    const [a, b] = [requestIdOf(new Headers()), requestIdOf(new Headers())]
    expect(a).toMatch(UUID)
    expect(b).toMatch(UUID)
    expect(a).not.toBe(b)
  })

  it('is the one the proxy in front gave when it is a plain token (nginx, a UUID, a trace id)', () => {
    for (const id of ['5f0e1a2b3c4d5e6f7a8b9c0d1e2f3a4b', '0b7d1c2e-9f3a-4c5d-8e6f-7a8b9c0d1e2f', 'lb-01:2026.11.29_abc']) {
      expect(requestIdOf(new Headers({ 'x-request-id': id }))).toBe(id)
    }
  })

  it('is replaced, never echoed, when it is anything else', () => {
    for (const forged of ['', 'short', 'a'.repeat(129), 'has spaces in it', '<script>alert(1)</script>', '{"level":"fatal"}', 'id;rm -rf', 'ümlaut-id-123']) {
      expect(wellFormedRequestId(forged), forged).toBeNull()
      const id = requestIdOf(new Headers({ 'x-request-id': forged }))
      expect(id).toMatch(UUID)
    }
  })
})
