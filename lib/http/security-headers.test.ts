import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, FIXED_SECURITY_HEADERS, newNonce, requestIsHttps } from './security-headers'

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

describe('FIXED_SECURITY_HEADERS', () => {
  it('sends no referrer path off the site, forbids sniffing, device features and framing', () => {
    expect(FIXED_SECURITY_HEADERS).toEqual({
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': expect.stringMatching(/^camera=\(\), microphone=\(\), geolocation=\(\)/),
      'X-Frame-Options': 'DENY',
    })
  })
})

describe('requestIsHttps', () => {
  it('trusts the protocol the reverse proxy reports', () => {
    expect(requestIsHttps(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true)
    expect(requestIsHttps(new Headers({ 'x-forwarded-proto': 'HTTPS' }))).toBe(true)
    expect(requestIsHttps(new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false)
  })

  it('takes the first proxy of a chain, the one the browser spoke to', () => {
    expect(requestIsHttps(new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true)
    expect(requestIsHttps(new Headers({ 'x-forwarded-proto': 'http, https' }))).toBe(false)
  })

  it('is false when nothing says HTTPS', () => {
    expect(requestIsHttps(new Headers())).toBe(false)
  })
})
