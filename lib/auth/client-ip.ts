// The address a request came from. The server (scripts/serve.ts) stamps every request with its
// socket's address, under a header name it makes up at start and shares with the app through the
// environment, overwriting anything a client sent. X-Forwarded-For is believed only from the
// proxies TRUSTED_PROXIES names, and only as far back as they go: the client is the right-most
// address that is not a trusted proxy. Recorded in the audit trail and counted by the sign-in
// throttle; never used to grant access.
import { BlockList, isIP } from 'node:net'
import { forwardingEnvSchema, parseEnv, type TrustedProxies } from '@/lib/config/env'

/** The environment variable that names the header carrying the socket's address. */
export const SOCKET_ADDRESS_HEADER_ENV = 'SOCKET_ADDRESS_HEADER'

const MAX_LENGTH = 64

type Trust = (address: string, hopsFromSocket: number) => boolean

let cached: { setting: string | undefined; trust: Trust } | undefined

function trust(): Trust {
  const setting = process.env.TRUSTED_PROXIES
  if (!cached || cached.setting !== setting) cached = { setting, trust: trustOf(parseEnv(forwardingEnvSchema, { TRUSTED_PROXIES: setting }).TRUSTED_PROXIES) }
  return cached.trust
}

function trustOf(proxies: TrustedProxies): Trust {
  if ('hops' in proxies) return (_address, hops) => hops < proxies.hops
  const list = new BlockList()
  for (const { address, prefix } of proxies.addresses) {
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(address, family)
    else list.addSubnet(address, prefix, family)
  }
  return (address) => list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6')
}

/** An address as written in a header or by the socket, or null when it is not one. */
function address(text: string): string | null {
  const plain = text.trim().replace(/^\[(.*)\]$/, '$1')
  // An IPv4 client of a socket listening on IPv6 shows as ::ffff:a.b.c.d.
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1] ?? plain
  return isIP(unmapped) ? unmapped : null
}

function socketAddress(headers: Headers): string | null {
  const name = process.env[SOCKET_ADDRESS_HEADER_ENV]
  const value = name ? headers.get(name) : null
  return value ? address(value) : null
}

/** Whether the request reached the app from a trusted proxy (whose X-Forwarded-* headers count). */
export function fromTrustedProxy(headers: Headers): boolean {
  const socket = socketAddress(headers)
  return socket !== null && trust()(socket, 0)
}

/** The client's address, or null when the server did not say (next dev, a bare next start). */
export function clientIp(headers: Headers): string | null {
  const socket = socketAddress(headers)
  if (!socket) return null
  const trusted = trust()
  const forwarded = headers.get('x-forwarded-for')?.split(',') ?? []
  let client = socket
  for (let hops = 0; trusted(client, hops); hops++) {
    const next = forwarded.pop()
    const previous = next === undefined ? null : address(next)
    if (!previous) break
    client = previous
  }
  return client.slice(0, MAX_LENGTH)
}
