// An old address of a re-coded or merged unit: the pages that take a unit's code in their path answer 308 to
// the same page at its code of today. Apart from lib/queries/unit-history.ts, which the benchmark's
// server-side measurements load outside Next (where next/navigation cannot be loaded).
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { permanentRedirect } from 'next/navigation'
import { districtDay } from '@/lib/domain/calendar'
import { currentCodeFor } from '@/lib/queries/unit-history'

export type Query = Record<string, string | string[] | undefined>

/**
 * An old address of a re-coded unit answers 308 to the same page at its code of today, the query
 * kept (`?asOf=` …); so does a page that a unit merged away does not have (its commune page: the
 * work it tracked is the successor's), to the successor's. A code that is current, or never was a
 * unit's, or is of a unit outside the reader's subtree, returns to the page (which may answer not found).
 */
export async function redirectFormerCode(reader: Pick<Actor, 'scopeUnitId'>, code: string, href: (current: string) => string, query: Query): Promise<void> {
  const current = await currentCodeFor(reader, code, districtDay(new Date()))
  if (current === null) return
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) for (const one of [value ?? []].flat()) search.append(name, one)
  const rest = search.toString()
  permanentRedirect(`${href(current)}${rest ? `?${rest}` : ''}`)
}
