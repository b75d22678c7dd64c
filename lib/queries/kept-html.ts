// The heavy sections of the overview, commune, member and task pages, kept as HTML: rendered once
// per key (the data's snapshot, the day, the day asked, the reader's subtree, the language, the
// page's own parameters) and served to every reader with that key, the per-reader header around it.
// Kept as React's output ('use cache') each reader still paid for turning the section into the
// page's RSC payload and HTML again, most of a request's time on the national data; kept as HTML
// a reader pays for one string.
// The section is rendered by a request the app makes to itself (app/kept-sections/[view]), with the
// token only this process knows (lib/http/self-request.ts): Next renders it, client components and
// all, as it renders any page. A write anywhere moves the snapshot, so a kept section is never
// older than the data (lib/db/snapshot-cache.ts).
import 'server-only'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import { SELF_ORIGIN_ENV, SELF_TOKEN_ENV, SELF_TOKEN_HEADER } from '@/lib/http/self-request'
import { LOCALE_COOKIE } from '@/lib/i18n/locales'
import type { SectionKey } from './kept-section'

export const KEPT_VIEWS = ['overview', 'commune', 'member', 'task', 'task-reports'] as const
export type KeptView = (typeof KEPT_VIEWS)[number]

/** The element the section's page renders the section in, and the empty one after it. */
export const KEPT_SECTION_ID = 'kept-section'
export const KEPT_SECTION_END_ID = 'kept-section-end'

/** What each page kind keeps, at most: 256 keys (subtrees, days, pages) and 16 MB of HTML. */
const BOUND = { keys: 256, bytes: 16 * 2 ** 20, weigh: (html: string | null) => Buffer.byteLength(html ?? '') }
const caches = Object.fromEntries(KEPT_VIEWS.map((view) => [view, snapshotCache<string | null>(`${view} sections`, BOUND)])) as Record<KeptView, ReturnType<typeof snapshotCache<string | null>>>

/** The section's HTML for the key; null when the section finds nothing (the page answers not found). */
export function keptSectionHtml(view: KeptView, key: SectionKey): Promise<string | null> {
  const { snapshot, ...rest } = key
  // The cache holds the snapshot beside each key: a key is the rest.
  return caches[view](JSON.stringify(rest), () => renderSection(view, { snapshot, ...rest }))
}

async function renderSection(view: KeptView, key: SectionKey): Promise<string | null> {
  const origin = process.env[SELF_ORIGIN_ENV]
  const token = process.env[SELF_TOKEN_ENV]
  if (!origin || !token) throw new Error(`keptSectionHtml: ${SELF_ORIGIN_ENV} and ${SELF_TOKEN_ENV} are set by scripts/serve.ts, which serves the app`)
  const answer = await fetch(`${origin}/kept-sections/${view}?${new URLSearchParams({ key: JSON.stringify(key) })}`, {
    // The key's language for the whole request: the page's layout reads it before the section does.
    headers: { [SELF_TOKEN_HEADER]: token, cookie: `${LOCALE_COOKIE}=${key.locale}` },
    cache: 'no-store',
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  })
  if (answer.status === 404) return null
  if (answer.status !== 200) throw new Error(`keptSectionHtml: the ${view} section answered ${answer.status}`)
  return sectionOf(await answer.text())
}

/** The inside of the section's element in the page that rendered it. */
export function sectionOf(page: string): string {
  const open = `<div id="${KEPT_SECTION_ID}">`
  const start = page.indexOf(open)
  const end = page.lastIndexOf('</div>', page.indexOf(`<div id="${KEPT_SECTION_END_ID}"`))
  if (start < 0 || end < start) throw new Error('keptSectionHtml: the section was not found in its page')
  return page.slice(start + open.length, end)
}
