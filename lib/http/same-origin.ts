// A route handler that writes must refuse a request sent by another site's page. Browsers send
// the Origin header with every POST; it must name this host (behind a proxy, the one the proxy
// was asked for), as Next checks for server actions. A request without one is not from a browser
// page, and its session (a SameSite=Lax cookie) is judged as usual.

export function sentFromThisSite(headers: Headers): boolean {
  const origin = headers.get('origin')
  if (origin === null) return true
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
  if (!host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
