// Proof that a refused request wrote nothing: a fingerprint of every table (the md5 of its rows'
// text, computed in the database: cheap for the few rows a test database holds) taken before and
// after, and the audit events added in between, which may only be the refusals the code records.
// The state after one check is the state before the next, so a run costs one fingerprint.
import pg from 'pg'
import { expect } from 'vitest'
import { describe } from './arbitraries'

type Fingerprint = { tables: Map<string, string>; lastAuditId: string }

/** What a refusal may leave behind, apart from nothing. */
export type Allowed = {
  /** Tables that may change (e.g. the sign-in throttle's, where a wrong password counts). */
  tables?: readonly string[]
  /** Audit actions that may be added; by default only refusals (`*.refused`). */
  audit?: RegExp
}

const REFUSALS = /\.refused$/

/**
 * The progress counts of the day: derived from the assignments, recounted by the first read of a
 * new day (migration progress_counts). A read may write them; they hold no data of their own.
 */
export const DAY_COUNTS = ['ProgressCountDay', 'TaskProgressCount', 'UnitProgressCount'] as const
// "DataWrite" and its epoch are not compared either (the query below): they are the state of the
// data (lib/db/snapshot-cache.ts), which a refusal's audit row does not move but a read's recount
// of the day's counts does.

export function writeGuard(databaseUrl: () => string) {
  let client: pg.Client | undefined
  let query: string | undefined
  let last: Fingerprint | undefined

  async function connection(): Promise<pg.Client> {
    if (client) return client
    client = new pg.Client({ connectionString: databaseUrl() })
    await client.connect()
    // One statement: each table's name and the md5 of its rows, and the last audit event's id.
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name::text AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'AuditEvent', 'DataWrite', 'DataWriteEpoch')
        ORDER BY table_name`,
    )
    query = rows
      .map(({ name }) => `SELECT '${name}' AS name, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS hash FROM "${name}" r`)
      .concat(`SELECT 'AuditEvent', coalesce(max(id), 0)::text FROM "AuditEvent"`)
      .join(' UNION ALL ')
    return client
  }

  async function take(): Promise<Fingerprint> {
    const c = await connection()
    const { rows } = await c.query<{ name: string; hash: string }>({ name: 'fingerprint', text: query! })
    const tables = new Map(rows.map((r) => [r.name, r.hash]))
    const lastAuditId = tables.get('AuditEvent') ?? '0'
    tables.delete('AuditEvent')
    return { tables, lastAuditId }
  }

  /** The tables that changed and the audit events added since `before`. */
  async function changesSince(before: Fingerprint): Promise<{ after: Fingerprint; tables: string[]; audit: string[] }> {
    const after = await take()
    const tables = [...after.tables].filter(([name, hash]) => before.tables.get(name) !== hash).map(([name]) => name)
    const audit =
      after.lastAuditId === before.lastAuditId
        ? []
        : (await client!.query<{ action: string }>('SELECT action FROM "AuditEvent" WHERE id > $1 ORDER BY id', [before.lastAuditId])).rows.map((e) => e.action)
    return { after, tables, audit }
  }

  return {
    /** Runs `request` and fails unless it wrote nothing but what `allowed` names; answers what it answered. */
    async check<R>(request: () => Promise<R>, input: unknown, allowed: Allowed = {}): Promise<R> {
      const before = last ?? (await take())
      last = undefined
      const answer = await request()
      const changes = await changesSince(before)
      const tables = changes.tables.filter((t) => !allowed.tables?.includes(t))
      const audit = changes.audit.filter((a) => !(allowed.audit ?? REFUSALS).test(a))
      expect({ tables, audit }, `writes for input ${describe(input)}`).toEqual({ tables: [], audit: [] })
      last = changes.after
      return answer
    },
    /** `check`, for a test that writes between its checks: the state before is taken afresh. */
    async checkAfresh<R>(request: () => Promise<R>, allowed: Allowed = {}): Promise<R> {
      last = undefined
      return this.check(request, 'the request', allowed)
    },
    /** What `request` wrote: for the tests that show the guard would see a write. */
    async writesOf(request: () => Promise<unknown>): Promise<{ tables: string[]; audit: string[] }> {
      const before = await take()
      await request()
      last = undefined
      const { tables, audit } = await changesSince(before)
      return { tables, audit }
    },
    async close(): Promise<void> {
      await client?.end()
      client = undefined
    },
  }
}
