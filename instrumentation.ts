// Errors no action or route handler caught (a page that failed to render, the proxy): one log
// line each, with the stack but without the request's body or headers (they carry cookies). Errors
// that lib/log/request.ts already logged with their action or route are not logged twice.
import type { Instrumentation } from 'next'

/**
 * At each server start: the job queue (lib/mail/queue.ts: mail, and the changes of units dated
 * ahead at midnight), on every instance, in the Node.js runtime only; not while `next build`
 * renders pages, nor without a database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build' || !process.env.DATABASE_URL) return
  const [{ runMailQueue }, { workUnitChangesQueue }, { rootLogger }] = await Promise.all([
    import('@/lib/mail/queue'),
    import('@/lib/actions/admin/unit-changes-job'),
    import('@/lib/log/logger'),
  ])
  // Not awaited: the server answers while the queue starts (a slow database delays mail, not pages;
  // the day's first request applies the changes of units due if the midnight job has not).
  void runMailQueue(process.env.DATABASE_URL)
    .then((boss) => boss && workUnitChangesQueue(boss))
    .catch((err: unknown) => rootLogger().error({ err }, 'unit changes job did not start'))
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // The logger is Node.js only (pino writes to the process's stdout).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ alreadyLogged, markLogged, rootLogger }, { wellFormedRequestId, REQUEST_ID_HEADER }] = await Promise.all([import('@/lib/log/logger'), import('@/lib/http/request-id')])
  if (alreadyLogged(error)) return
  const requestId = request.headers[REQUEST_ID_HEADER]
  rootLogger().error(
    {
      requestId: wellFormedRequestId(typeof requestId === 'string' ? requestId : null),
      method: request.method,
      // The path without the query, as for the routes' lines.
      path: request.path.split('?')[0],
      routePath: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      err: error,
    },
    'request failed',
  )
  // A page's error reaches here once per rendering pass: logged the first time only.
  markLogged(error)
}
