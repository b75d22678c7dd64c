// The security headers of every response, built by proxy.ts for each request. Pure but for
// requestIsHttps: the caller supplies the nonce and what it knows of the request, so the policy
// can be tested as text.
import { fromTrustedProxy } from '@/lib/auth/client-ip'

export type PolicyContext = {
  /** A fresh, unguessable value for this request only (newNonce). */
  nonce: string
  /** `next dev`: React rebuilds server error stacks in the browser with eval. Never in production. */
  development: boolean
  /** Served over HTTPS (requestIsHttps): stray http:// subresources are then upgraded. */
  https: boolean
}

/** 16 random bytes in base64: the length the CSP specification recommends as a minimum. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
}

/**
 * Whether the browser reached the app over HTTPS. The app serves plain HTTP: a reverse proxy in
 * front ends TLS and says so in X-Forwarded-Proto, believed only from a proxy TRUSTED_PROXIES
 * names; behind a chain of proxies the first entry is the one the browser spoke to.
 */
export function requestIsHttps(headers: Headers): boolean {
  return fromTrustedProxy(headers) && headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
}

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's own nonced scripts load
 * the page's chunks). Style elements need the nonce too, but style attributes are allowed: the
 * progress bars set their width with `style` (a per-row value no hash can cover), and a style
 * attribute cannot run script or, with img-src and font-src limited to this origin, send data out.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (app/sw.ts): without this, workers fall back to script-src, whose
    // 'strict-dynamic' ignores 'self', and the worker could not register.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/** The other security headers; over HTTPS, browsers are also told to use nothing else for a year. */
export function securityHeaders(https: boolean): Readonly<Record<string, string>> {
  return {
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    // The app needs none of these; nothing it embeds or loads may ask for them either.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), display-capture=()',
    // For browsers that predate CSP's frame-ancestors.
    'X-Frame-Options': 'DENY',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}
