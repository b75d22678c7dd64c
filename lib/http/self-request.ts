// A page's kept section is rendered by a request the app makes to itself (lib/queries/kept-html.ts).
// The server wrapper (scripts/serve.ts) says where it listens and makes up a token at each start,
// both shared through the environment: a request carrying the token came from this process.
import { timingSafeEqual } from 'node:crypto'

export const SELF_ORIGIN_ENV = 'SELF_ORIGIN'
export const SELF_TOKEN_ENV = 'SELF_REQUEST_TOKEN'
export const SELF_TOKEN_HEADER = 'x-self-request-token'

/** Where this process answers itself: the address it listens on, loopback for a wildcard one. */
export function selfOrigin(host: string, port: number): string {
  const address = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`
}

/** Whether a request's token is this process's own. */
export function isSelfRequest(token: string | null): boolean {
  const own = process.env[SELF_TOKEN_ENV]
  if (!own || !token) return false
  const [a, b] = [Buffer.from(own), Buffer.from(token)]
  return a.length === b.length && timingSafeEqual(a, b)
}
