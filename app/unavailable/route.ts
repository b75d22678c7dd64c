// GET /unavailable: where a page that could not reach the database sends the browser
// (lib/auth/session.ts), answered with HTTP 503, Retry-After and the friendly page in the user's
// language. Once the database answers again, it leads on to the start page.
//
// Why a redirect to a route handler: Next.js 16 decides a page's status itself — 200, 401/403/404
// (unauthorized, forbidden, notFound), 307/308 (redirect), or 500 for any other error thrown while
// rendering (its app-render error recovery) — and gives pages no way to answer 503. A route handler
// returns its own Response, status and all. The proxy could answer in place, but it runs before the
// page and cannot know that the page's database call will fail.
import { db } from '@/lib/db'
import { createHealthCheck } from '@/lib/db/health'
import { databaseDownResponse } from '@/lib/http/unavailable-response'

export const dynamic = 'force-dynamic'

const health = createHealthCheck({ database: db })

export async function GET(): Promise<Response> {
  // A reload, or "try again", after the database came back.
  if ((await health()).status === 'ok') return new Response(null, { status: 303, headers: { Location: '/', 'Cache-Control': 'no-store' } })
  return databaseDownResponse()
}
