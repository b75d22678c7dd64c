// How much of a request body the server is willing to read, decided before any of it is read.
// Next.js reads a body whole before the proxy (proxy.ts) or an action sees it: with a proxy it copies
// the body as it arrives, up to proxyClientMaxBodySize, and waits for its end before going on
// (next/dist/server/body-streams.js). So the limit is kept in front of Next.js, by the server
// wrapper (scripts/serve.ts): only a signed-in user may send more than SMALL_BODY_BYTES, and only
// to the few addresses that take files; the bytes are counted as they arrive, Content-Length or not.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { decode } from 'next-auth/jwt'
import { sessionRefusal } from '@/lib/auth/session-check'
import type { PrismaClient } from '@/lib/db/client'
import { STATUS_UPDATES_API } from '@/lib/domain/paths'
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales'
import { MAX_IMPORT_BYTES } from '@/lib/import/read'
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@/lib/validation/evidence'
import * as messages from '@/messages'
import { contentSecurityPolicy, newNonce, requestIsHttps, securityHeaders } from './security-headers'
import { unavailablePage } from './unavailable-page'

/** Any body from anyone: a form of typed fields, the sign-in form among them. */
export const SMALL_BODY_BYTES = 1024 * 1024
/** The evidence files at their largest, and room for the typed fields and the form's framing. */
export const EVIDENCE_BODY_BYTES = MAX_EVIDENCE_FILES * MAX_EVIDENCE_BYTES + 2 * 1024 * 1024
/** The import: checking sends the file, applying sends it back as base64 in a field. */
const IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + SMALL_BODY_BYTES

const TASK_PAGE = /^\/units\/[^/]+\/tasks\/[^/]+$/

/**
 * The largest body a signed-in user may send here. The status report goes to the upload route, or,
 * from a browser without JavaScript, to its page as a plain form post (the page's server action;
 * no Next-Action header, which only JavaScript sends).
 */
function signedInBodyLimit(pathname: string, headers: IncomingMessage['headers']): number {
  if (pathname === STATUS_UPDATES_API) return EVIDENCE_BODY_BYTES
  if (TASK_PAGE.test(pathname) && !headers['next-action']) return EVIDENCE_BODY_BYTES
  if (pathname === '/admin/import') return IMPORT_BODY_BYTES
  return SMALL_BODY_BYTES
}

/** The body's declared length; null when it comes in chunks (no Content-Length). */
function declaredLength(headers: IncomingMessage['headers']): number | null {
  const value = headers['content-length']
  return value === undefined ? null : Number(value)
}

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token']

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}

/**
 * Whether the request's session cookie names a session that still stands: the same check every
 * page makes (lib/auth/session.ts), without ending a dead session (the next page does that).
 */
async function sessionStands(request: IncomingMessage, secret: string, db: PrismaClient, now = new Date()): Promise<boolean> {
  for (const salt of SESSION_COOKIES) {
    const token = cookieValue(request.headers.cookie, salt)
    if (!token) continue
    const claims = await decode({ token, secret, salt }).catch(() => null)
    if (typeof claims?.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.sv !== 'number') return false
    const record = await db.userSession
      .findUnique({ where: { id: claims.sid }, select: { userId: true, createdAt: true, lastSeenAt: true, endedAt: true, user: { select: { active: true, sessionVersion: true } } } })
      .catch(() => null)
    return sessionRefusal({ userId: claims.sub, sessionId: claims.sid, sessionVersion: claims.sv }, record, now) === null
  }
  return false
}

/**
 * Calls `overflow` once when more than `limit` bytes of body have arrived (the limit may be raised
 * later). The HTTP parser hands every chunk of body to the request's push(), whoever reads it and
 * however, so counting there sees each byte as it comes in; a chunk past the limit is dropped.
 */
function countBody(request: IncomingMessage, overflow: () => void): { limit: number } {
  const counter = { limit: SMALL_BODY_BYTES }
  let received = 0
  const push = request.push.bind(request)
  request.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (received > counter.limit) return false
    if (chunk) received += chunk.length
    if (received <= counter.limit) return push(chunk, encoding)
    overflow()
    return false
  }
  return counter
}

/**
 * The refusal, a page in the reader's language: without JavaScript it replaces the form, so it says
 * what happened and that the browser's Back button brings back what was typed. The connection is
 * closed after it, so the rest of the body is never read.
 */
function refuse(request: IncomingMessage, response: ServerResponse, pathname: string): void {
  if (response.headersSent) {
    request.socket.destroy()
    return
  }
  const locale = resolveLocale(cookieValue(request.headers.cookie, LOCALE_COOKIE))
  const { app, upload } = messages[locale]
  const back = TASK_PAGE.test(pathname) ? pathname : '/'
  const page = unavailablePage(locale, { app: app.title, title: upload.tooLargeTitle, body: upload.tooLargeBody, retry: upload.tooLargeBack }, back)
  // The headers proxy.ts gives every other answer.
  const https = requestIsHttps(new Headers(Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]]))))
  response.writeHead(413, {
    ...securityHeaders(https),
    'Content-Security-Policy': contentSecurityPolicy({ nonce: newNonce(), development: false, https }),
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  })
  response.end(page)
}

export type BodyGate = { secret: string; db: PrismaClient }

/**
 * Whether the request may go on to Next.js: false when it has been refused here. A body of unknown
 * or declared length above SMALL_BODY_BYTES is let through only with a standing session, and then
 * only up to what its address takes (signedInBodyLimit).
 */
export async function admitBody(request: IncomingMessage, response: ServerResponse, gate: BodyGate): Promise<boolean> {
  const declared = declaredLength(request.headers)
  if (declared === 0 || (declared === null && request.headers['transfer-encoding'] === undefined)) return true
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname
  let refused = false
  const refuseOnce = () => {
    if (refused) return
    refused = true
    refuse(request, response, pathname)
  }
  // Counting starts before the session is looked up: nothing that arrives meanwhile goes uncounted.
  const counter = countBody(request, refuseOnce)
  if (declared === null || declared > SMALL_BODY_BYTES) {
    if (await sessionStands(request, gate.secret, gate.db)) counter.limit = signedInBodyLimit(pathname, request.headers)
  }
  if (declared !== null && declared > counter.limit) refuseOnce()
  return !refused
}
