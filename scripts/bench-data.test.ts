// The bench data set at small scale (50 communes × 10 tasks, about 5 reports each, 4 of them
// merged pairwise through the app's merge): its counts, its tree, its accounts, its merges, and every
// assignment's current columns equal to what the app's own history function
// (assignment_state_as_of) says of it.
import { beforeAll, describe, expect, test } from 'vitest'
import { verifyPassword } from '@/lib/auth/password'
import { withConnection } from '@/lib/db/connection'
import { districtDay } from '@/lib/domain/calendar'
import { indicatorResults } from '@/lib/queries/district-overview'
import { fromKeptCounts } from '@/lib/queries/progress-source'
import { createTestDatabase, testDatabase } from '@/test/helpers/database'
import { BENCH_ACCOUNTS, BENCH_PASSWORD, BenchDataRefused, fillBenchData, type BenchDataCounts } from './lib/bench-data'

const database = testDatabase()
const options = { units: 50, tasks: 10, updates: 5, merged: 4 }
let counts: BenchDataCounts

async function rows<T>(sql: string): Promise<T[]> {
  return withConnection(database.url, async (client) => (await client.query(sql)).rows as T[])
}

beforeAll(async () => {
  counts = await fillBenchData(database.url, { ...options, now: new Date() })
})

describe('the bench data set', () => {
  test('has every commune assigned every task, and about `updates` reports per assignment', () => {
    // 50 communes, 4 merged in two pairs: one into a new commune (10 assignments more), one into the first of its pair.
    expect(counts).toMatchObject({ communes: 48, tasks: 10, groups: 10, assignments: 510, merges: 2 })
    // Reports per assignment are uniform on 0..10 (mean 5): over 500 assignments the mean is
    // 5 ± 0.14 (one standard deviation); the tolerance is ±10%. The merges add one report to each successor's assignment.
    const generated = counts.statusUpdates - 20
    expect(generated / 500).toBeGreaterThan(4.5)
    expect(generated / 500).toBeLessThan(5.5)
  })

  test('hangs every commune under a district, a province and the country, with a member in charge', async () => {
    const communes = await rows<{ code: string; inCharge: string | null; chain: string }>(`
      SELECT c.code, c."inChargeMemberId" AS "inCharge", d.kind || '/' || p.kind || '/' || r.kind || '/' || (r."parentId" IS NULL) AS chain
        FROM "Unit" c JOIN "Unit" d ON d.id = c."parentId" JOIN "Unit" p ON p.id = d."parentId" JOIN "Unit" r ON r.id = p."parentId"
       WHERE c.kind IN ('COMMUNE', 'TOWNSHIP')`)
    // The 50 communes made and the new one a merge made.
    expect(communes).toHaveLength(51)
    for (const commune of communes) {
      expect(commune.inCharge).not.toBeNull()
      expect(commune.chain).toBe('DISTRICT/PROVINCE/PROVINCE/true')
    }
  })

  test('merges communes pairwise as the app does: into a new commune, and into the first of a pair', async () => {
    const merges = await rows<{ before: string; after: string; applied: boolean; audited: boolean }>(`
      SELECT string_agg(p.code, ',' ORDER BY p.code) FILTER (WHERE p.side = 'BEFORE') AS before,
             string_agg(p.code, ',') FILTER (WHERE p.side = 'AFTER') AS after, c."appliedAt" IS NOT NULL AS applied,
             EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.action = 'unit.merge' AND e.after->>'changeId' = c.id::text) AS audited
        FROM "UnitChange" c JOIN "UnitChangePart" p ON p."changeId" = c.id
       WHERE c.kind = 'MERGE' GROUP BY c.id ORDER BY before`)
    expect(merges).toEqual([
      { before: 'xa-00002,xa-00003', after: 'xa-gop-0001', applied: true, audited: true },
      { before: 'xa-00026,xa-00027', after: 'xa-00026', applied: true, audited: true },
    ])
    const units = await rows<{ code: string; active: boolean; staff: string }>(`
      SELECT u.code, u.active, coalesce(string_agg(s.username || ':' || s.active, ',' ORDER BY s.username), '') AS staff
        FROM "Unit" u LEFT JOIN "User" s ON s."unitId" = u.id
       WHERE u.code IN ('xa-00002', 'xa-00003', 'xa-gop-0001', 'xa-00026', 'xa-00027') GROUP BY u.code, u.active ORDER BY u.code`)
    expect(units).toEqual([
      { code: 'xa-00002', active: false, staff: '' },
      { code: 'xa-00003', active: false, staff: '' },
      { code: 'xa-00026', active: true, staff: 'xa-00026:true' },
      { code: 'xa-00027', active: false, staff: 'xa-00027:false' },
      { code: 'xa-gop-0001', active: true, staff: 'xa-00002:true,xa-00003:true' },
    ])
  })

  test('keeps every assignment equal to its history as the app reads it', async () => {
    const differing = await rows(`
      SELECT a.id FROM "Assignment" a FULL JOIN assignment_state_as_of(now()) s ON s.id = a.id
       WHERE (a.status, a.progress, a."indicatorActual", a."completedAt", a."lastUpdateAt")
             IS DISTINCT FROM (s.status, s.progress, s."indicatorActual", s."completedAt", s."lastUpdateAt")`)
    expect(differing).toEqual([])
    // Every report was accepted once and every return reverted the assignment: one version each.
    const versions = await rows(`
      SELECT a.id FROM "Assignment" a
       WHERE a.version <> (SELECT count(*) + count(*) FILTER (WHERE u."reviewState" = 'RETURNED') FROM "StatusUpdate" u WHERE u."assignmentId" = a.id)`)
    expect(versions).toEqual([])
  })

  test('has the variety the pages show: every status, returned and pending reports, indicators', async () => {
    const [variety] = await rows<Record<string, number>>(`
      SELECT count(DISTINCT a.status)::int AS statuses,
             (SELECT count(*) FROM "StatusUpdate" WHERE "reviewState" = 'RETURNED')::int AS returned,
             (SELECT count(*) FROM "StatusUpdate" WHERE "reviewState" = 'PENDING')::int AS pending,
             (SELECT count(*) FROM "StatusUpdate" WHERE status = 'BLOCKED' AND note IS NULL)::int AS "blockedWithoutNote",
             count(*) FILTER (WHERE a."indicatorActual" IS NOT NULL)::int AS "withIndicator"
        FROM "Assignment" a`)
    expect(variety).toMatchObject({ statuses: 4, blockedWithoutNote: 0 })
    expect(variety?.returned).toBeGreaterThan(0)
    expect(variety?.pending).toBeGreaterThan(0)
    expect(variety?.withIndicator).toBeGreaterThan(0)
  })

  test("has indicators of each kind, each commune's own target of a per-unit one kept in its history, and the overview counts them", async () => {
    const kinds = await rows<{ code: string; kind: string; baseline: string | null; target: string | null }>(`
      SELECT code, "indicatorKind"::text AS kind, "indicatorBaseline"::text AS baseline, "indicatorTarget"::text AS target
        FROM "Task" WHERE "indicatorKind" IS NOT NULL ORDER BY code`)
    expect(kinds.map((t) => [t.code, t.kind, t.target === null])).toEqual([
      ['nv-003', 'PER_UNIT', false],
      ['nv-006', 'SUM', false],
      ['nv-009', 'CONDITION', true],
    ])
    const [own] = await rows<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE t."indicatorKind" = 'PER_UNIT')::int AS "perUnit",
             count(a."indicatorTarget") FILTER (WHERE t."indicatorKind" = 'PER_UNIT' AND a."indicatorTarget" >= t."indicatorBaseline")::int AS "withTarget",
             count(a."indicatorTarget") FILTER (WHERE t."indicatorKind" <> 'PER_UNIT')::int AS "targetElsewhere",
             count(*) FILTER (WHERE t."indicatorKind" = 'CONDITION' AND a."indicatorActual" NOT IN (0, 1))::int AS "conditionNotYesOrNo",
             (SELECT count(*) FROM "AssignmentTarget" h JOIN "Assignment" x ON x.id = h."assignmentId"
               WHERE h."indicatorTarget" = x."indicatorTarget" AND h."effectiveAt" = x."createdAt")::int AS "inHistory"
        FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"`)
    // The generated communes' assignments have their target; a merge's successor starts without one.
    expect(own?.withTarget).toBeGreaterThanOrEqual(50)
    expect(own).toMatchObject({ targetElsewhere: 0, conditionNotYesOrNo: 0, inHistory: own?.withTarget })
    const results = Object.fromEntries((await indicatorResults(fromKeptCounts(districtDay(new Date())))).map((r) => [r.taskCode, r]))
    for (const code of ['nv-003', 'nv-009']) {
      expect(results[code]?.assigned).toBe(counts.communes)
      expect(results[code]?.met).toBeGreaterThan(0)
      expect(results[code]?.met).toBeLessThan(counts.communes)
    }
    expect(Number(results['nv-003']?.targetSum)).toBeGreaterThan(0)
  })

  test('has ids as the app makes them (UUIDv7: the version 7 and the time they were made), whatever the server version', async () => {
    const [ids] = await rows<{ total: number; v7: number; madeNow: number }>(`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE substr(id::text, 15, 1) = '7' AND substr(id::text, 20, 1) IN ('8', '9', 'a', 'b'))::int AS v7,
             count(*) FILTER (WHERE to_timestamp(('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)
                                    BETWEEN now() - interval '1 hour' AND now())::int AS "madeNow"
        FROM "StatusUpdate"`)
    expect(ids?.total).toBeGreaterThan(0)
    expect(ids).toEqual({ total: ids?.total, v7: ids?.total, madeNow: ids?.total })
  })

  test('dates nothing in the future and spreads the reports over five years', async () => {
    const [dates] = await rows<{ future: number; spanDays: number }>(`
      SELECT count(*) FILTER (WHERE "createdAt" > now() OR "reviewedAt" > now())::int AS future,
             extract(day FROM max("createdAt") - min("createdAt"))::int AS "spanDays"
        FROM "StatusUpdate"`)
    expect(dates?.future).toBe(0)
    expect(dates?.spanDays).toBeGreaterThan(4 * 365)
  })

  test('has the bench accounts, with the bench password', async () => {
    const accounts = await database.db.user.findMany({
      where: { username: { in: Object.values(BENCH_ACCOUNTS) } },
      select: { username: true, role: true, passwordHash: true, unit: { select: { code: true } }, member: { select: { id: true } } },
    })
    const byName = new Map(accounts.map((a) => [a.username, a]))
    // At the top of the tree: the pages it reads are the whole country's.
    expect(byName.get(BENCH_ACCOUNTS.leader)).toMatchObject({ role: 'LEADER', unit: { code: 'ca-nuoc' } })
    expect(byName.get(BENCH_ACCOUNTS.admin)?.role).toBe('ADMIN')
    expect(byName.get(BENCH_ACCOUNTS.staff)).toMatchObject({ role: 'STAFF', unit: { code: 'xa-00001' } })
    for (const account of accounts) expect(await verifyPassword(account.passwordHash, BENCH_PASSWORD)).toBe(true)
    const memberId = byName.get(BENCH_ACCOUNTS.leader)?.member?.id
    expect(await database.db.unit.findUnique({ where: { code: 'xa-00001' }, select: { inChargeMemberId: true } })).toEqual({ inChargeMemberId: memberId })
    expect(await database.db.taskGroup.findUnique({ where: { code: 'nhom-01' }, select: { leadMemberId: true } })).toEqual({ leadMemberId: memberId })
  })

  test('replaces an earlier bench data set but refuses a database holding other data', async () => {
    const again = await fillBenchData(database.url, { units: 20, tasks: 3, updates: 2, now: new Date() })
    expect(again).toMatchObject({ communes: 20, assignments: 60 })

    const other = await createTestDatabase()
    try {
      await withConnection(other.url, (client) =>
        client.query(`INSERT INTO "Unit" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'ba-che', 'Huyện Ba Chẽ', 'DISTRICT', now())`),
      )
      await expect(fillBenchData(other.url, { ...options, now: new Date() })).rejects.toThrow(BenchDataRefused)
      expect(await withConnection(other.url, async (client) => (await client.query('SELECT count(*)::int AS n FROM "Unit"')).rows[0])).toEqual({ n: 1 })
    } finally {
      await other.drop()
    }
  })
})
