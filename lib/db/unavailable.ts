// Whether an error means "the database cannot be reached right now" (stopped, restarting, not
// accepting connections, the network between), as opposed to a fault in a query or in the data.
// Such errors end in a "temporarily unavailable" answer (HTTP 503, a form that keeps its input),
// never in the error page: nothing is wrong with the request, and trying again later will work.

/** Prisma's codes: can't reach the server, timed out reaching it, it closed the connection, no pooled connection in time. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024'])

/** The driver adapter's kinds of connection failure (@prisma/adapter-pg convertDriverError). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])

/** Node's socket errors on connecting or on a broken connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * PostgreSQL's SQLSTATEs: class 08 (connection exception), the server shutting down or crashing
 * (57P01, 57P02), starting up (57P03), out of connection slots (53300).
 */
const isUnavailableSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)

/** node-postgres's own errors for a connection that failed or died (they carry no code). */
const DRIVER_MESSAGES = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect$/, // waited for a pooled connection too long
  /is not queryable$/, // "Client has encountered a connection error and is not queryable"
]

function hasUnavailableMark(error: object): boolean {
  const { code, kind, message } = error as { code?: unknown; kind?: unknown; message?: unknown }
  if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code))) return true
  // A server error reaches the adapter's kinds as "postgres", its SQLSTATE in `code` (checked above).
  if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true
  return typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))
}

/** The errors inside an error: its cause chain and what Prisma keeps of the driver adapter's error. */
function* nested(error: object): Generator<object> {
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } }
  if (cause && typeof cause === 'object') yield cause
  const adapterError = meta?.driverAdapterError
  if (adapterError && typeof adapterError === 'object') yield adapterError
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<object>()
  const pending: unknown[] = [error]
  while (pending.length > 0) {
    const next = pending.pop()
    if (!next || typeof next !== 'object' || seen.has(next)) continue
    seen.add(next)
    if (hasUnavailableMark(next)) return true
    pending.push(...nested(next))
  }
  return false
}
