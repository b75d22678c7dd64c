// GET /unavailable: where a page that could not reach the database sends the browser
// (lib/auth/session.ts), answered with HTTP 503, Retry-After and the friendly page in the user's
// language. Once the database answers again, it leads on to the start page.
//
// Why a redirect to a route handler: Next.js 16 decides a page's status itself — 200, 401/403/404
// (unauthorized, forbidden, notFound), 307/308 (redirect), or 500 for any other error thrown while
// rendering (its app-render error recovery) — and gives pages no way to answer 503. A route handler
// returns its own Response, status and all. The proxy could answer in place, but it runs before the
// page and cannot know that the page's database call will fail.
import { getLocale, getTranslations } from 'next-intl/server'
import { db } from '@/lib/db'
import { createHealthCheck } from '@/lib/db/health'
import { RETRY_AFTER_SECONDS, unavailablePage } from '@/lib/http/unavailable-page'

export const dynamic = 'force-dynamic'

const health = createHealthCheck({ database: db })

export async function GET(): Promise<Response> {
  // A reload, or "try again", after the database came back.
  if ((await health()).status === 'ok') return new Response(null, { status: 303, headers: { Location: '/', 'Cache-Control': 'no-store' } })
  const [locale, t, tApp] = await Promise.all([getLocale(), getTranslations('unavailable'), getTranslations('app')])
  const html = unavailablePage(locale, { district: tApp('district'), app: tApp('title'), title: t('title'), body: t('body'), retry: t('retry') })
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) },
  })
}
