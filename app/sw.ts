// The service worker: pages a user has opened open again without a connection. Static files are
// kept as they are used (they are named by their content); pages go to the network first and fall
// back to the copy kept at the last visit when the network fails or is slower than a few seconds.
// The pages carry their own time and a kept copy is marked (components/data-time.tsx), so it says
// how old it is. Copies are one user's: the sign-in page deletes them (components/offline-reset.tsx).
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist } from 'serwist'
import { KEPT_TIMING, PAGE_CACHES } from '@/lib/domain/offline'

declare const self: ServiceWorkerGlobalScope

/** Downloads, files, the API, sign-in and the worker itself are never kept. */
const NEVER_KEPT = /^\/(?:api|attachments|exports|login|serwist|_next)(?:\/|$)/
/** Past this the kept copy answers: on a weak signal a page that never comes is worse than an older one. */
const NETWORK_TIMEOUT_SECONDS = 4
/** A commune may be without a signal for days: keep a fortnight of pages. */
const KEEP = new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 14 * 24 * 60 * 60, maxAgeFrom: 'last-used' })
/** Only a page as it was answered: never a redirect (to sign-in) or an error. */
const ANSWERED = new CacheableResponsePlugin({ statuses: [200] })
const NOT_REDIRECTED = { cacheWillUpdate: async ({ response }: { response: Response }) => (response.redirected ? null : response) }
/**
 * An address that leads elsewhere (the installed app opens at "/", which sends each user to their
 * own page): the redirect and the page it led to are kept too, so that the app opens offline.
 */
const KEEP_REDIRECT = {
  fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
    const to = new URL(response.url)
    // Never a way to sign-in (a session that ended) or anywhere else not kept.
    if (response.redirected && response.status === 200 && request.mode === 'navigate' && to.origin === self.location.origin && !NEVER_KEPT.test(to.pathname)) {
      const cache = await caches.open(PAGE_CACHES.html)
      await Promise.all([cache.put(request.url, Response.redirect(response.url, 302)), cache.put(response.url, response.clone())])
    }
    return response
  },
}
/** A page answered from the device says so in a Server-Timing entry, which the page can read (components/data-time.tsx). */
const MARK_KEPT = {
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) => {
    if (cachedResponse?.status !== 200) return cachedResponse
    const headers = new Headers(cachedResponse.headers)
    headers.append('Server-Timing', KEPT_TIMING)
    return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers })
  },
}

function isPage(url: URL, request: Request): boolean {
  return request.method === 'GET' && url.origin === self.location.origin && !NEVER_KEPT.test(url.pathname)
}

/** Files named by their content never change: kept as they are fetched, a month past their last use. */
const STATIC_FILES = new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 60 * 60, maxAgeFrom: 'last-used' })

const serwist = new Serwist({
  // Nothing is fetched ahead (no precache list): every script of the app, admin screens included,
  // is some 800 KB, minutes of a weak signal. The files a page uses are kept as it loads them
  // (below); those of the very first visit, loaded before the worker ran, stay in the browser's
  // own cache.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: 'static', plugins: [ANSWERED, STATIC_FILES] }),
    },
    {
      // React Server Component answers (client-side navigations): kept apart, by full address, so
      // that a page is never answered with one or the other way round.
      matcher: ({ url, request }) => isPage(url, request) && request.headers.get('RSC') === '1' && !request.headers.has('Next-Router-Prefetch'),
      handler: new NetworkFirst({ cacheName: PAGE_CACHES.rsc, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [ANSWERED, NOT_REDIRECTED, KEEP] }),
    },
    { matcher: ({ url, request }) => isPage(url, request) && request.headers.get('RSC') === '1', handler: new NetworkOnly() },
    {
      matcher: ({ url, request }) => isPage(url, request),
      handler: new NetworkFirst({ cacheName: PAGE_CACHES.html, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [ANSWERED, NOT_REDIRECTED, KEEP_REDIRECT, KEEP, MARK_KEPT] }),
    },
  ],
})

serwist.addEventListeners()
