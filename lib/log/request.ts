// One log line per server action and per route handler call: what ran, for whom, how it ended and
// how long it took, under the request's id (proxy.ts). The user is noted by whoever finds out who
// is asking (noteUser), so the line can name them without a second session lookup.
import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import { performance } from 'node:perf_hooks'
import { headers } from 'next/headers'
import { isRedirectError } from 'next/dist/client/components/redirect-error'
import { isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback'
import type { Logger } from 'pino'
import { requestIdOf } from '@/lib/http/request-id'
import { markLogged, rootLogger } from './logger'

type RequestLog = { requestId: string; userId?: string }

const current = new AsyncLocalStorage<RequestLog>()

/** The logger for the request being served: its lines carry the request id. */
export function requestLogger(): Logger {
  const log = current.getStore()
  return log ? rootLogger().child({ requestId: log.requestId }) : rootLogger()
}

/** Who the request turned out to be from. */
export function noteUser(userId: string | null | undefined): void {
  const log = current.getStore()
  if (log && userId) log.userId = userId
}

const elapsedMs = (start: number) => Math.round((performance.now() - start) * 10) / 10

/** Next's redirect() and notFound() throw: for the log they are outcomes, not errors. */
function controlFlowOutcome(error: unknown): string | null {
  if (isRedirectError(error)) return 'redirected'
  if (isHTTPAccessFallbackError(error)) return 'notFound'
  return null
}

/** The outcome of an action that answers a form: the state's kind (saved, refused, invalid, conflict…). */
function stateKind(result: unknown): string {
  return typeof result === 'object' && result !== null && 'kind' in result && typeof result.kind === 'string' ? result.kind : 'done'
}

type Ending = { level: 'debug' | 'info' | 'warn'; fields: Record<string, unknown> }

/**
 * Runs one action or route call with its request's log and writes its one line when it ends: how
 * it ended (`ended`), or the redirect or not-found it threw, or the error with its stack.
 */
async function logged<T>(requestId: string, what: Record<string, unknown>, msg: string, run: () => Promise<T>, ended: (result: T) => Ending): Promise<T> {
  const log: RequestLog = { requestId }
  const start = performance.now()
  return current.run(log, async () => {
    const write = (level: Ending['level'] | 'error', fields: Record<string, unknown>, suffix = '') =>
      requestLogger()[level]({ ...what, userId: log.userId ?? null, ...fields, durationMs: elapsedMs(start) }, msg + suffix)
    try {
      const result = await run()
      const { level, fields } = ended(result)
      write(level, fields)
      return result
    } catch (error) {
      const outcome = controlFlowOutcome(error)
      if (outcome) write('info', { outcome })
      else {
        write('error', { outcome: 'error', err: error }, ' failed')
        markLogged(error)
      }
      throw error
    }
  })
}

/**
 * A server action, logged: `{"action":"saveStatusUpdate","userId":…,"outcome":"saved","durationMs":…}`.
 * Only the name, the user, the outcome and the time: never the form (passwords, codes, files).
 */
export function loggedAction<Args extends unknown[], Result>(
  action: string,
  run: (...args: Args) => Promise<Result>,
  outcomeOf: (result: Result) => string = stateKind,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    // Called by a logged route handler (the upload route answers with the form's action): the
    // route's line is the request's one line.
    if (current.getStore()) return run(...args)
    return logged(requestIdOf(await headers()), { action }, 'action', () => run(...args), (result) => ({ level: 'info', fields: { outcome: outcomeOf(result) } }))
  }
}

type RouteOptions = {
  /** Successes at debug level: a route polled all day (the health check) would drown the log. */
  quietWhenOk?: boolean
}

/**
 * A route handler, logged: `{"route":"exports","method":"GET","path":…,"userId":…,"status":200,"durationMs":…}`.
 * The handler keeps its own signature (Next checks route exports' types).
 */
export function loggedRoute<Args extends unknown[]>(route: string, handle: (...args: Args) => Promise<Response>, options: RouteOptions = {}): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const [request] = args
    const known = request instanceof Request ? request : null
    // The path without the query: a query may carry anything a client typed.
    const what = { route, method: known?.method ?? null, path: known ? new URL(known.url).pathname : null }
    const requestId = known ? requestIdOf(known.headers) : crypto.randomUUID()
    return logged(requestId, what, 'route', () => handle(...args), (response) => ({
      level: response.status >= 500 ? 'warn' : options.quietWhenOk && response.ok ? 'debug' : 'info',
      fields: { status: response.status },
    }))
  }
}
