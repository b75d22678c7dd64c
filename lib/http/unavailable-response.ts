// The 503 answer while the database is out of reach: the friendly page in the reader's language,
// with Retry-After. Sent by /unavailable (where pages send the browser) and by the route handlers
// themselves (downloads), which would otherwise answer a bare 500.
import 'server-only'
import { getLocale, getTranslations } from 'next-intl/server'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { RETRY_AFTER_SECONDS, unavailablePage } from './unavailable-page'

export async function databaseDownResponse(): Promise<Response> {
  const [locale, t, tApp] = await Promise.all([getLocale(), getTranslations('unavailable'), getTranslations('app')])
  const html = unavailablePage(locale, { app: tApp('title'), title: t('title'), body: t('body'), retry: t('retry') })
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) },
  })
}

/**
 * A route handler that answers the 503 page when the database cannot be reached before its answer
 * has begun. (A download cut off midway by an outage ends unfinished: its status is already sent.)
 */
export function unavailableWhenDatabaseDown<Args extends unknown[]>(handle: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handle(...args)
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error
      return databaseDownResponse()
    }
  }
}
