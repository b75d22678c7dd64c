// One search box for units, tasks and members, by name with or without diacritics. Matching runs
// in PostgreSQL on the indexed key search_key(name) (migration 20261128180000_search).
import 'server-only'
import { groupRowVisibleSql, memberRowInScopeSql, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { cache } from 'react'
import { db } from '@/lib/db'
import type { UnitKind } from '@/lib/db/generated/enums'
import { unitOnRecord } from './unit-history'

/**
 * unitKind: for units only, so that communes can link to their own progress page. merged: a unit
 * merged into another, found by the name it had, whose own page says where it went; split: a unit
 * split into others, likewise.
 */
export type SearchHit = { kind: 'unit' | 'task' | 'member'; code: string; name: string; detail: string | null; unitKind: UnitKind | null; merged: boolean; split: boolean }

export const SEARCH_LIMIT = 30

/** Fewer characters than this find nothing. */
export const MIN_QUERY_LENGTH = 2

/** LIKE treats % and _ as wildcards; a search for them means the characters themselves. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Active units of the reader's subtree and those merged into another or split (unitOnRecord), the tasks they read, and members of the subtree, whose name contains the query, best matches first. */
export const search = cache(async (reader: Pick<Actor, 'scopeUnitId'>, query: string): Promise<SearchHit[]> => {
  const words = query.trim().replace(/\s+/g, ' ')
  if (words.length < MIN_QUERY_LENGTH) return []
  const pattern = `%${likeLiteral(words)}%`
  return db().$queryRaw<SearchHit[]>`
    WITH q AS (SELECT search_key(${words}) AS key, search_key(${pattern}) AS pattern)
    SELECT kind, code, name, detail, "unitKind", merged AND NOT split AS merged, split FROM (
      SELECT 'unit' AS kind, u.code, u.name, p.name AS detail, u.kind::text AS "unitKind", NOT u.active AS merged,
             NOT u.active AND EXISTS (SELECT FROM "UnitChangePart" b JOIN "UnitChange" c ON c.id = b."changeId" AND c.kind = 'SPLIT' WHERE b."unitId" = u.id AND b.side = 'BEFORE') AS split,
             similarity(search_key(u.name), q.key) AS score
        FROM "Unit" u LEFT JOIN "Unit" p ON p.id = u."parentId", q
       WHERE ${unitOnRecord()} AND ${unitRowInScopeSql(reader, 'u')} AND search_key(u.name) LIKE q.pattern
      UNION ALL
      SELECT 'task', t.code, t.title, g.name, NULL, false, false, similarity(search_key(t.title), q.key)
        FROM "Task" t JOIN "TaskGroup" g ON g.id = t."groupId", q
       WHERE t.active AND ${groupRowVisibleSql(reader, 'g')} AND search_key(t.title) LIKE q.pattern
      UNION ALL
      SELECT 'member', m.code, m.name, m.title, NULL, false, false, similarity(search_key(m.name), q.key)
        FROM "Member" m, q
       WHERE m.active AND ${memberRowInScopeSql(reader, 'm')} AND search_key(m.name) LIKE q.pattern
    ) hits
    ORDER BY score DESC, name
    LIMIT ${SEARCH_LIMIT}`
})
