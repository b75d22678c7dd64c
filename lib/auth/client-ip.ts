// The address a request came from, as the reverse proxy in front of the app reports it (the proxy
// must set these headers itself, or clients could choose their address). Recorded in the audit
// trail and counted by the sign-in throttle; never used to grant access.

const MAX_LENGTH = 64

export function clientIp(headers: Headers): string | null {
  // The first x-forwarded-for entry is the client; later ones are the proxies it went through.
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  const address = forwarded || headers.get('x-real-ip')?.trim()
  return address ? address.slice(0, MAX_LENGTH) : null
}
