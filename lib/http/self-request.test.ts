import { afterEach, describe, expect, test } from 'vitest'
import { SELF_TOKEN_ENV, isSelfRequest, selfOrigin } from './self-request'

describe('where the app answers itself', () => {
  test('the address it listens on, loopback for a wildcard one, an IPv6 address in brackets', () => {
    expect(selfOrigin('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000')
    expect(selfOrigin('10.0.0.5', 8080)).toBe('http://10.0.0.5:8080')
    expect(selfOrigin('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000')
    expect(selfOrigin('::', 3000)).toBe('http://[::1]:3000')
    expect(selfOrigin('fd00::5', 3000)).toBe('http://[fd00::5]:3000')
  })
})

describe("a request with the process's token", () => {
  const before = process.env[SELF_TOKEN_ENV]
  afterEach(() => {
    if (before === undefined) delete process.env[SELF_TOKEN_ENV]
    else process.env[SELF_TOKEN_ENV] = before
  })

  test('is the only one taken for the app itself: no token, another one, a shorter one, or a process without one are not', () => {
    process.env[SELF_TOKEN_ENV] = 'ma-cua-tien-trinh-nay'
    expect(isSelfRequest('ma-cua-tien-trinh-nay')).toBe(true)
    expect(isSelfRequest(null)).toBe(false)
    expect(isSelfRequest('ma-cua-tien-trinh-khac')).toBe(false)
    expect(isSelfRequest('ma-cua')).toBe(false)
    delete process.env[SELF_TOKEN_ENV]
    expect(isSelfRequest('')).toBe(false)
    expect(isSelfRequest('ma-cua-tien-trinh-nay')).toBe(false)
  })
})
