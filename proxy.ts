// Runs before every request: a fresh CSP nonce, the security headers and the request id. Next.js
// reads the nonce from the request's Content-Security-Policy header and puts it on the scripts and
// styles it renders; the browser enforces the same policy from the response. The request id goes
// on to the pages, actions and route handlers (their log lines carry it) and back in the response.
// Access is not decided here: every page, action and route handler checks the user itself.
import { NextResponse, type NextRequest } from 'next/server'
import { REQUEST_ID_HEADER, requestIdOf } from '@/lib/http/request-id'
import { contentSecurityPolicy, newNonce, requestIsHttps, securityHeaders } from '@/lib/http/security-headers'

export function proxy(request: NextRequest): NextResponse {
  const https = requestIsHttps(request.headers)
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: process.env.NODE_ENV === 'development', https })
  const requestId = requestIdOf(request.headers)
  const forwarded = new Headers(request.headers)
  forwarded.set('Content-Security-Policy', policy)
  forwarded.set(REQUEST_ID_HEADER, requestId)
  const response = NextResponse.next({ request: { headers: forwarded } })
  response.headers.set('Content-Security-Policy', policy)
  response.headers.set(REQUEST_ID_HEADER, requestId)
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value)
  return response
}

// No matcher: every response gets the headers, static files and route handlers included.
