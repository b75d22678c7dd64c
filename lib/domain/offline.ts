// Names the service worker (app/sw.ts) and the pages share.

/** The caches that hold one user's pages; deleted whenever another user may come (sign-in page). */
export const PAGE_CACHES = { html: 'pages', rsc: 'pages-rsc' } as const

/** Where the service worker is served (app/serwist/[path]/route.ts). */
export const SERVICE_WORKER_URL = '/serwist/sw.js'

/** A report sent from the device's queue names the user who made it: the server refuses it under anyone else. */
export const QUEUED_FOR_HEADER = 'X-Queued-For'

/** The Server-Timing entry on a page the service worker answered from the device rather than the network. */
export const KEPT_TIMING = 'kept'
