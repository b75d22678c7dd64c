import { afterEach, describe, expect, it, vi } from 'vitest'
import { SOCKET_ADDRESS_HEADER_ENV } from '@/lib/auth/client-ip'
import { contentSecurityPolicy, newNonce, requestIsHttps, securityHeaders } from './security-headers'

/** The policy as directive name -> its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]))
}

const production = { nonce: 'bm9uY2UtZm9yLXRlc3Q=', development: false, https: false }

describe('contentSecurityPolicy', () => {
  it('lets only scripts and style elements carrying this request nonce run', () => {
    const policy = directives(contentSecurityPolicy(production))
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2UtZm9yLXRlc3Q='", "'strict-dynamic'"])
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-bm9uY2UtZm9yLXRlc3Q='"])
    expect(policy.get('default-src')).toEqual(["'self'"])
  })

  it('lets the service worker and the manifest load from the site itself (script-src would refuse the worker)', () => {
    const policy = directives(contentSecurityPolicy(production))
    expect(policy.get('worker-src')).toEqual(["'self'"])
    expect(policy.get('manifest-src')).toEqual(["'self'"])
  })

  it('forbids framing, plugins, a foreign base URL and posting forms elsewhere', () => {
    const policy = directives(contentSecurityPolicy(production))
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'self'"])
    expect(policy.get('form-action')).toEqual(["'self'"])
  })

  it('allows eval only under next dev, and inline code never', () => {
    expect(contentSecurityPolicy(production)).not.toContain('unsafe-eval')
    expect(directives(contentSecurityPolicy({ ...production, development: true })).get('script-src')).toContain("'unsafe-eval'")
    for (const name of ['script-src', 'style-src']) expect(directives(contentSecurityPolicy(production)).get(name)).not.toContain("'unsafe-inline'")
  })

  it('allows style attributes (the progress bars set their width with one), not style elements', () => {
    expect(directives(contentSecurityPolicy(production)).get('style-src-attr')).toEqual(["'unsafe-inline'"])
  })

  it('upgrades http subresources only when the app is served over HTTPS', () => {
    expect(directives(contentSecurityPolicy(production)).has('upgrade-insecure-requests')).toBe(false)
    expect(directives(contentSecurityPolicy({ ...production, https: true })).has('upgrade-insecure-requests')).toBe(true)
  })
})

describe('newNonce', () => {
  it('is 16 random bytes in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce))
    expect(nonces.size).toBe(50)
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
  })
})

describe('securityHeaders', () => {
  it('sends no referrer path off the site, forbids sniffing, device features and framing', () => {
    expect(securityHeaders(false)).toEqual({
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': expect.stringMatching(/^camera=\(\), microphone=\(\), geolocation=\(\)/),
      'X-Frame-Options': 'DENY',
    })
  })

  it('tells browsers to come back only over HTTPS, for a year and every subdomain, when served over HTTPS', () => {
    expect(securityHeaders(true)).toMatchObject({ 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' })
    expect(securityHeaders(false)).not.toHaveProperty('Strict-Transport-Security')
  })
})

describe('requestIsHttps', () => {
  const SOCKET = 'x-socket-address-test'
  const from = (socket: string, proto?: string) => new Headers({ [SOCKET]: socket, ...(proto ? { 'x-forwarded-proto': proto } : {}) })

  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('trusts the protocol a trusted proxy reports', () => {
    vi.stubEnv(SOCKET_ADDRESS_HEADER_ENV, SOCKET)
    vi.stubEnv('TRUSTED_PROXIES', '10.0.0.2')
    expect(requestIsHttps(from('10.0.0.2', 'https'))).toBe(true)
    expect(requestIsHttps(from('10.0.0.2', 'HTTPS'))).toBe(true)
    expect(requestIsHttps(from('10.0.0.2', 'http'))).toBe(false)
    expect(requestIsHttps(from('10.0.0.2'))).toBe(false)
  })

  it('takes the first proxy of a chain, the one the browser spoke to', () => {
    vi.stubEnv(SOCKET_ADDRESS_HEADER_ENV, SOCKET)
    vi.stubEnv('TRUSTED_PROXIES', '1')
    expect(requestIsHttps(from('10.0.0.2', 'https, http'))).toBe(true)
    expect(requestIsHttps(from('10.0.0.2', 'http, https'))).toBe(false)
  })

  it('believes no client that is not a trusted proxy', () => {
    vi.stubEnv(SOCKET_ADDRESS_HEADER_ENV, SOCKET)
    vi.stubEnv('TRUSTED_PROXIES', '10.0.0.2')
    expect(requestIsHttps(from('198.51.100.20', 'https'))).toBe(false)
    vi.stubEnv('TRUSTED_PROXIES', undefined)
    expect(requestIsHttps(from('10.0.0.2', 'https'))).toBe(false)
  })
})
