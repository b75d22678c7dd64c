// The service worker: pages a user has opened open again without a connection. Static files are
// kept as they are used (they are named by their content); pages go to the network first and fall
// back to the copy kept at the last visit when the network fails or is slower than a few seconds.
// The pages carry their own time and a kept copy is marked (components/data-time.tsx), so it says
// how old it is. Copies are one user's: the sign-in page deletes them (components/offline-reset.tsx).
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist } from 'serwist'
import { KEPT_TIMING, PAGE_CACHES } from '@/lib/domain/offline'

declare const self: ServiceWorkerGlobalScope

/** Where a kept start may lead: a unit's page (lib/auth/landing.ts landingPath). */
const KEPT_START = /^\/units\/[^/]+$/
/** Downloads, files, the API, sign-in and the worker itself are never kept. */
const NEVER_KEPT = /^\/(?:api|attachments|exports|login|serwist|_next)(?:\/|$)/
/** Past this the kept copy answers: on a weak signal a page that never comes is worse than an older one. */
const NETWORK_TIMEOUT_SECONDS = 4
/** A commune may be without a signal for days: keep a fortnight of pages. */
const KEEP = new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 14 * 24 * 60 * 60, maxAgeFrom: 'last-used' })
/** Only a page as it was answered: never a redirect (to sign-in) or an error. */
const ANSWERED = new CacheableResponsePlugin({ statuses: [200] })
const NOT_REDIRECTED = { cacheWillUpdate: async ({ response }: { response: Response }) => (response.redirected ? null : response) }
/** The installed app's start address (app/manifest.ts); it sends each user to their own page. */
const START_PATH = '/'
/** When a kept redirect was kept (a header of the copy on the device only). */
const KEPT_AT_HEADER = 'X-Kept-At'
/** A kept redirect is followed without asking the network for a day; then it is asked again once. */
const REDIRECT_TRUSTED_MS = 24 * 60 * 60 * 1000
/** How long a page fetched by following the start's redirect waits for the browser to ask for it. */
const FOLLOWED_MS = 30_000
/** Pages just fetched by following the start's redirect: the browser's request for them is answered with them rather than a second fetch. */
const followed = new Map<string, { response: Response; at: number }>()

/**
 * The start address is followed here rather than by the browser (a navigation's own request only
 * sees an opaque redirect, whose target cannot be read), so that the redirect and the page it led
 * to are kept: the installed app then opens offline, and at once on later starts. The browser is
 * answered with the redirect, and its request for the page with the page just fetched.
 */
const FOLLOW_START = {
  requestWillFetch: async ({ request }: { request: Request }) =>
    request.mode === 'navigate' && new URL(request.url).pathname === START_PATH ? new Request(request.url, { credentials: 'same-origin', redirect: 'follow' }) : request,
  fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
    if (!response.redirected || new URL(request.url).pathname !== START_PATH) return response
    const to = new URL(response.url)
    // Only the way to a unit's own page, where staff start: never one to sign-in (a session that
    // ended) or to a step the account must take first (a new password, two-factor enrolment).
    if (response.status === 200 && to.origin === self.location.origin && KEPT_START.test(to.pathname)) {
      const cache = await caches.open(PAGE_CACHES.html)
      const redirect = new Response(null, { status: 302, headers: { Location: response.url, [KEPT_AT_HEADER]: String(Date.now()) } })
      await Promise.all([cache.put(new URL(START_PATH, self.location.origin).href, redirect), cache.put(response.url, unredirected(response.clone()))])
    }
    followed.set(response.url, { response: unredirected(response), at: Date.now() })
    return Response.redirect(response.url, 302)
  },
}

/** The page without the mark of the redirect it came by: a navigation refuses a response so marked. */
function unredirected(response: Response): Response {
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers })
}

/** The browser's request for a page just fetched by following the start's redirect. */
function takeFollowed(request: Request): Response | undefined {
  const found = request.mode === 'navigate' ? followed.get(request.url) : undefined
  followed.delete(request.url)
  return found && Date.now() - found.at < FOLLOWED_MS ? found.response : undefined
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

const pages = new NetworkFirst({ cacheName: PAGE_CACHES.html, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [ANSWERED, NOT_REDIRECTED, FOLLOW_START, KEEP, MARK_KEPT] })

/**
 * A page opened by a link comes as a React Server Component answer, kept for reading offline by the
 * app's own links. For a page opened afresh (a reload, a restarted browser) its HTML is kept as
 * well, fetched once when none is kept yet: the library's way fetched it again at every link and
 * every return of the connection, doubling a weak signal's bytes.
 */
const KEEP_PAGE_ONCE = {
  cacheDidUpdate: async ({ request, event }: { request: Request; event: ExtendableEvent }) => {
    const page = new URL(request.url)
    page.searchParams.delete('_rsc')
    if (await (await caches.open(PAGE_CACHES.html)).match(page.href)) return
    event.waitUntil(pages.handle({ request: new Request(page.href, { credentials: 'same-origin' }), event }).catch(() => undefined))
  },
}

/**
 * The start address: a redirect kept for this user is followed at once, which saves the installed
 * app a round trip at every start. A day after it was kept the network is asked again (an account
 * may have moved to another unit); another user signing in deletes it.
 */
async function pageOrKeptRedirect({ request, event }: { request: Request; event: ExtendableEvent }): Promise<Response> {
  if (request.mode === 'navigate' && new URL(request.url).pathname === START_PATH) {
    const kept = await (await caches.open(PAGE_CACHES.html)).match(request.url)
    if (kept?.status === 302 && Date.now() - Number(kept.headers.get(KEPT_AT_HEADER) ?? 0) < REDIRECT_TRUSTED_MS) return kept
  }
  return pages.handle({ request, event })
}

const serwist = new Serwist({
  // Nothing is fetched ahead (no precache list): every script of the app, admin screens included,
  // is some 800 KB, minutes of a weak signal. The files a page uses are kept as it loads them
  // (below); those of the very first visit, loaded before the worker ran, stay in the browser's
  // own cache.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // The page the start led to, just fetched (a user's own page, or sign-in for a session that ended).
    { matcher: ({ request }) => request.mode === 'navigate' && followed.has(request.url), handler: async ({ request }) => takeFollowed(request) ?? fetch(request) },
    {
      matcher: ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: 'static', plugins: [ANSWERED, STATIC_FILES] }),
    },
    {
      // React Server Component answers (client-side navigations): kept apart, by full address, so
      // that a page is never answered with one or the other way round.
      matcher: ({ url, request }) => isPage(url, request) && request.headers.get('RSC') === '1' && !request.headers.has('Next-Router-Prefetch'),
      handler: new NetworkFirst({ cacheName: PAGE_CACHES.rsc, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [ANSWERED, NOT_REDIRECTED, KEEP, KEEP_PAGE_ONCE] }),
    },
    { matcher: ({ url, request }) => isPage(url, request) && request.headers.get('RSC') === '1', handler: new NetworkOnly() },
    { matcher: ({ url, request }) => isPage(url, request), handler: pageOrKeptRedirect },
  ],
})

serwist.addEventListeners()
