import { describe, expect, it } from 'vitest'
import { clientIp } from './client-ip'

describe('clientIp', () => {
  it('takes the client, not the proxies, from x-forwarded-for', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.113.1.7, 10.0.0.2' }))).toBe('203.113.1.7')
  })

  it('falls back to x-real-ip', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '203.113.1.8' }))).toBe('203.113.1.8')
  })

  it('is null when no header names the client', () => {
    expect(clientIp(new Headers())).toBeNull()
    expect(clientIp(new Headers({ 'x-forwarded-for': ' ' }))).toBeNull()
  })
})
