// Runs before every request: a fresh CSP nonce and the security headers. Next.js reads the nonce
// from the request's Content-Security-Policy header and puts it on the scripts and styles it
// renders; the browser enforces the same policy from the response. Access is not decided here:
// every page, action and route handler checks the user itself.
import { NextResponse, type NextRequest } from 'next/server'
import { contentSecurityPolicy, FIXED_SECURITY_HEADERS, newNonce, requestIsHttps } from '@/lib/http/security-headers'

export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === 'development',
    https: requestIsHttps(request.headers),
  })
  const forwarded = new Headers(request.headers)
  forwarded.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers: forwarded } })
  response.headers.set('Content-Security-Policy', policy)
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.headers.set(name, value)
  return response
}

// No matcher: every response gets the headers, static files and route handlers included.
