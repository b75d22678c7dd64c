// The organisation the app serves, read from the unit tree, so that one deployment serves whatever the tree holds:
// the header's subtitle, the site's description and the review report's issuing body name it.
//
// The home unit is the district: the active DISTRICT unit nearest the top of the tree, going down
// through provinces only (a district's own agencies and communes are never searched). When there
// is no single such district (a province with several districts, or communes straight under the
// province after 2025), the home unit is the first active province or district at the top. The
// units above the home unit (its province) come with it. Names are those in force on the day asked
// (UnitName): a report for a period before a rename carries the old name. A signed-in reader whose
// scope root is below the top (permissions.ts scopeRootSql) is served by that unit: a district's
// accounts of a province's deployment read their own district's name.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import type { UnitKind } from '@/lib/db/generated/enums'
import type { CalendarDay } from '@/lib/domain/calendar'
import { placeName, type PlaceName } from '@/lib/domain/organisation'
import { unitNameOn } from './unit-history'

export type OrganisationUnit = PlaceName & { id: string; code: string; kind: UnitKind }

/** The home unit and the units above it, nearest first (the district's province); null when the tree has no province or district. */
export type Organisation = { home: OrganisationUnit; above: OrganisationUnit[] }

type Row = { id: string; code: string; kind: UnitKind; name: string }

// Every page's header names it: kept while the data stands, so a request does not walk the provinces
// and districts again (hundreds of units on a national tree).
const kept = snapshotCache<Organisation | null>('organisation', 64)

export const organisationOn = cache((day: CalendarDay, scopeUnitId: string | null = null): Promise<Organisation | null> =>
  kept(`${day} ${scopeUnitId ?? ''}`, () => readOrganisation(day, scopeUnitId)),
)

async function readOrganisation(day: CalendarDay, scopeUnitId: string | null): Promise<Organisation | null> {
  const home = scopeUnitId === null ? await homeUnit() : { id: scopeUnitId }
  if (!home) return null
  // The home unit and its ancestors (Unit.ancestorIds: from the top down to itself), nearest first, with the names they had on `day`.
  const chain = await db().$queryRaw<Row[]>`
    SELECT u.id::text AS id, u.code, u.kind::text AS kind, ${unitNameOn(day)} AS name
      FROM "Unit" h CROSS JOIN LATERAL unnest(h."ancestorIds") WITH ORDINALITY AS up(id, n)
      JOIN "Unit" u ON u.id = up.id
     WHERE h.id = ${home.id}::uuid
     ORDER BY up.n DESC`
  const [first, ...above] = chain.map(({ id, code, kind, name }): OrganisationUnit => ({ id, code, kind, ...placeName(name) }))
  return first ? { home: first, above } : null
}

/** The home unit of the whole deployment (see above); undefined when the tree has no province or district. */
async function homeUnit(): Promise<{ id: string } | undefined> {
  const top = await db().$queryRaw<(Row & { depth: number })[]>`
    WITH RECURSIVE top AS (
      SELECT u.id, u.kind, 0 AS depth, u."sortOrder", u.name, u.code FROM "Unit" u WHERE u."parentId" IS NULL AND u.active AND u.kind IN ('PROVINCE', 'DISTRICT')
      UNION ALL
      SELECT c.id, c.kind, t.depth + 1, c."sortOrder", c.name, c.code
        FROM top t JOIN "Unit" c ON c."parentId" = t.id AND c.active AND c.kind IN ('PROVINCE', 'DISTRICT')
       WHERE t.kind = 'PROVINCE')
    SELECT id::text AS id, code, kind::text AS kind, name, depth FROM top ORDER BY depth, "sortOrder", name, code`
  const districts = top.filter((u) => u.kind === 'DISTRICT')
  const nearest = districts.filter((u) => u.depth === districts[0]?.depth)
  return nearest.length === 1 ? nearest[0] : top[0]
}
