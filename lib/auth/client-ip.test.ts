import { afterEach, describe, expect, it, vi } from 'vitest'
import { clientIp, fromTrustedProxy, SOCKET_ADDRESS_HEADER_ENV } from './client-ip'

// The server (scripts/serve.ts) stamps each request with its socket's address under a header whose
// name only it and the app know.
const SOCKET = 'x-socket-address-test'

function request(socket: string | null, forwarded: Record<string, string> = {}): Headers {
  return new Headers({ ...(socket ? { [SOCKET]: socket } : {}), ...forwarded })
}

function trusting(value: string | undefined): void {
  vi.stubEnv(SOCKET_ADDRESS_HEADER_ENV, SOCKET)
  vi.stubEnv('TRUSTED_PROXIES', value)
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('clientIp with no trusted proxy (the default)', () => {
  it('is the socket address, whatever X-Forwarded-For or X-Real-IP says', () => {
    trusting(undefined)
    expect(clientIp(request('192.0.2.10', { 'x-forwarded-for': '203.113.1.7' }))).toBe('192.0.2.10')
    expect(clientIp(request('192.0.2.10', { 'x-real-ip': '203.113.1.8' }))).toBe('192.0.2.10')
    expect(clientIp(request('192.0.2.10'))).toBe('192.0.2.10')
  })

  it('shows an IPv4 client on an IPv6 socket as IPv4', () => {
    trusting(undefined)
    expect(clientIp(request('::ffff:192.0.2.10'))).toBe('192.0.2.10')
  })

  it('is unknown when the server did not stamp the request (next dev, a bare next start)', () => {
    trusting(undefined)
    expect(clientIp(request(null, { 'x-forwarded-for': '203.113.1.7' }))).toBeNull()
    vi.stubEnv(SOCKET_ADDRESS_HEADER_ENV, undefined)
    expect(clientIp(new Headers({ [SOCKET]: '192.0.2.10' }))).toBeNull()
  })
})

describe('clientIp behind proxies named by address', () => {
  it('takes the right-most address that is not a trusted proxy', () => {
    trusting('10.0.0.2, 10.0.1.0/24')
    // The client wrote the first entry itself; the proxy appended the address it saw.
    expect(clientIp(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.1, 203.113.1.7' }))).toBe('203.113.1.7')
    expect(clientIp(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.1, 203.113.1.7, 10.0.1.9' }))).toBe('203.113.1.7')
  })

  it('believes nothing a client that is not a trusted proxy forwards', () => {
    trusting('10.0.0.2')
    expect(clientIp(request('198.51.100.20', { 'x-forwarded-for': '203.113.1.7' }))).toBe('198.51.100.20')
    expect(fromTrustedProxy(request('198.51.100.20'))).toBe(false)
    expect(fromTrustedProxy(request('10.0.0.2'))).toBe(true)
  })

  it('stops at an entry that is not an address, at the proxy that passed it on', () => {
    trusting('10.0.0.2')
    expect(clientIp(request('10.0.0.2', { 'x-forwarded-for': 'unknown' }))).toBe('10.0.0.2')
  })
})

describe('clientIp behind a number of proxies', () => {
  it('counts that many hops back from the socket', () => {
    trusting('2')
    expect(clientIp(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.1, 203.113.1.7, 10.0.0.9' }))).toBe('203.113.1.7')
    // A chain shorter than the hops: its first entry.
    expect(clientIp(request('10.0.0.2', { 'x-forwarded-for': '2001:db8::7' }))).toBe('2001:db8::7')
    expect(fromTrustedProxy(request('10.0.0.2'))).toBe(true)
  })
})
