// The search page's results: search() (./search.ts) grouped by kind, each unit with its kind so
// that communes link to their progress page, and whether it was merged into another.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { cache } from 'react'
import type { UnitKind } from '@/lib/db/generated/enums'
import { MIN_QUERY_LENGTH, search, SEARCH_LIMIT, type SearchHit } from './search'

/** For components, which never import Prisma. */
export type { UnitKind }

export { MIN_QUERY_LENGTH }

export type Hit = Omit<SearchHit, 'kind' | 'unitKind' | 'merged' | 'split'>

export type SearchResults = {
  units: (Hit & { unitKind: UnitKind; merged: boolean; split: boolean })[]
  tasks: Hit[]
  members: Hit[]
  /** search() stopped at its limit: there may be more. */
  limited: boolean
}

/** Best matches first within each kind. */
export const searchResults = cache(async (reader: Pick<Actor, 'scopeUnitId'>, query: string): Promise<SearchResults> => {
  const hits = await search(reader, query)
  const ofKind = (kind: SearchHit['kind']): Hit[] => hits.filter((h) => h.kind === kind).map(({ code, name, detail }) => ({ code, name, detail }))
  return {
    units: hits.flatMap(({ kind, code, name, detail, unitKind, merged, split }) => (kind === 'unit' && unitKind ? [{ code, name, detail, unitKind, merged, split }] : [])),
    tasks: ofKind('task'),
    members: ofKind('member'),
    limited: hits.length >= SEARCH_LIMIT,
  }
})
