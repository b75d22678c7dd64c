// The rows the database keeps of the reports must always equal a count made again from every
// report: the stretches of done work ("DoneSpan", migration 20261129020000_done_spans), the district
// days each unit reported on ("UnitReportDay", 20261128233000_unit_report_days) and the reports
// waiting for review ("PendingReview", 20261128234000_pending_reviews). After random reports and
// reviews one by one, after writers racing on the same and on different assignments (some giving
// up), and after a bulk insert.
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { communeByCode, doneTrend } from './commune-detail'
import { seededRandom } from '@/test/helpers/seeded-random'

const database = testDatabase()
const make = factories(() => database.db)
const assignmentIds: string[] = []
let authorId = ''
let unitCode = ''


/** The stretches as the definition gives them, from every report, against the kept ones. */
async function doneSpanDifferences(): Promise<unknown[]> {
  return db().$queryRaw<unknown[]>`
    WITH recount AS (
      SELECT r.id AS "statusUpdateId", r."assignmentId", r."createdAt" AS "doneAt", r."reopenedAt"
        FROM (
          SELECT s.id, s."assignmentId", s.status, s."createdAt",
                 lag(s.status) OVER (PARTITION BY s."assignmentId" ORDER BY s."createdAt", s.id) AS "previous",
                 (SELECT min(later."createdAt") FROM "StatusUpdate" later
                   WHERE later."assignmentId" = s."assignmentId" AND later."reviewState" <> 'RETURNED' AND later.status <> 'DONE'
                     AND (later."createdAt", later.id) > (s."createdAt", s.id)) AS "reopenedAt"
            FROM "StatusUpdate" s
           WHERE s."reviewState" <> 'RETURNED'
        ) r
       WHERE r.status = 'DONE' AND r."previous" IS DISTINCT FROM 'DONE'
    ), kept AS (
      SELECT "statusUpdateId", "assignmentId", "doneAt", "reopenedAt" FROM "DoneSpan"
    )
    (SELECT 'missing' AS "kind", * FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept) m)
    UNION ALL
    (SELECT 'extra' AS "kind", * FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount) e)`
}

/** The report days and waiting reports as the definitions give them, from every report, against the kept ones. */
async function reportDifferences(): Promise<unknown[]> {
  return db().$queryRaw<unknown[]>`
    WITH days AS (
      SELECT DISTINCT a."unitId", (s."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "day"
        FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId"
    ), pending AS (
      SELECT s.id AS "statusUpdateId", s."assignmentId", a."unitId", a."taskId", s."createdAt", s."authorId"
        FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId"
       WHERE s."reviewState" = 'PENDING'
    )
    (SELECT 'day missing' AS "kind", d::text AS "row" FROM (SELECT * FROM days EXCEPT SELECT "unitId", "day" FROM "UnitReportDay") d)
    UNION ALL
    (SELECT 'day extra', d::text FROM (SELECT "unitId", "day" FROM "UnitReportDay" EXCEPT SELECT * FROM days) d)
    UNION ALL
    (SELECT 'pending missing', p::text FROM (SELECT * FROM pending EXCEPT SELECT "statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt", "authorId" FROM "PendingReview") p)
    UNION ALL
    (SELECT 'pending extra', p::text FROM (SELECT "statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt", "authorId" FROM "PendingReview" EXCEPT SELECT * FROM pending) p)`
}

/** Every kept row of the reports that a recount does not give, and the reverse: empty when exact. */
const differencesFromRecount = async () => [...(await doneSpanDifferences()), ...(await reportDifferences())]

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DONE', 'BLOCKED'] as const

/** A random write as the app's saves and reviews make them (a report, or a review of one). */
function randomWrite(next: () => number, assignmentId: string): { sql: string; params: unknown[] } {
  const pick = next()
  if (pick < 0.25)
    return {
      sql: `UPDATE "StatusUpdate" SET "reviewState" = $2::"ReviewState", "reviewedAt" = now()
             WHERE id = (SELECT id FROM "StatusUpdate" WHERE "assignmentId" = $1::uuid ORDER BY "createdAt" DESC, id DESC OFFSET $3 LIMIT 1)`,
      // Now and then back to waiting, which the app never does but the kept rows must follow.
      params: [assignmentId, next() < 0.6 ? 'RETURNED' : next() < 0.8 ? 'CONFIRMED' : 'PENDING', Math.floor(next() * 3)],
    }
  // Reports at random times, not only now: an import may bring older ones, and ties happen; some
  // around midnight in Ba Chẽ (17:00 UTC), where the district day and the UTC day part.
  const day = 1 + Math.floor(next() * 28)
  const hour = ['03', '16', '17'][Math.floor(next() * 3)]
  return {
    sql: `INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress, "createdAt")
          VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::"TaskStatus", 50, $4::timestamptz)`,
    params: [assignmentId, authorId, STATUSES[Math.floor(next() * STATUSES.length)], `2026-0${1 + Math.floor(next() * 9)}-${String(day).padStart(2, '0')}T${hour}:30:00Z`],
  }
}

beforeAll(async () => {
  const unit = await make.unit({ name: 'Xã Đồn Đạc' })
  const other = await make.unit({ name: 'Xã Lương Mông' })
  const group = await make.group()
  unitCode = unit.code
  authorId = (await make.user({ role: 'STAFF', unitId: unit.id })).id
  for (let i = 0; i < 8; i++) {
    const task = await make.task({ groupId: group.id })
    assignmentIds.push((await make.assignment({ taskId: task.id, unitId: unit.id })).id)
  }
  // The trend below is of the first unit alone: the other's assignment takes reports of its own.
  assignmentIds.push((await make.assignment({ taskId: (await make.task({ groupId: group.id })).id, unitId: other.id })).id)
})

describe('the kept stretches of done work, report days and waiting reports', () => {
  it('follow 400 random reports and reviews one by one', async () => {
    const next = seededRandom(7)
    for (let i = 0; i < 400; i++) {
      const { sql, params } = randomWrite(next, assignmentIds[Math.floor(next() * assignmentIds.length)]!)
      await db().$executeRawUnsafe(sql, ...params)
      if (i % 100 === 99) expect(await differencesFromRecount()).toEqual([])
    }
    expect(await db().doneSpan.count()).toBeGreaterThan(0)
    expect(await db().pendingReview.count()).toBeGreaterThan(0)
    expect(await db().unitReportDay.count()).toBeGreaterThan(2)
    expect(await differencesFromRecount()).toEqual([])
  })

  it('stay exact with 16 writers racing on the same and on different assignments', async () => {
    const writers = await Promise.all(
      Array.from({ length: 16 }, async () => {
        const client = new pg.Client({ connectionString: database.url })
        await client.connect()
        return client
      }),
    )
    try {
      await Promise.all(
        writers.map(async (client, w) => {
          const next = seededRandom(100 + w)
          for (let i = 0; i < 30; i++) {
            // Half the writers fight over two assignments: reports and returns of the same one racing.
            const assignmentId = w % 2 === 0 ? assignmentIds[i % 2]! : assignmentIds[Math.floor(next() * assignmentIds.length)]!
            await client.query('BEGIN')
            const { sql, params } = randomWrite(next, assignmentId)
            await client.query(sql, params)
            // Now and then a writer gives up: nothing of its transaction may stay.
            await client.query(next() < 0.1 ? 'ROLLBACK' : 'COMMIT')
          }
        }),
      )
    } finally {
      await Promise.all(writers.map((client) => client.end()))
    }
    expect(await differencesFromRecount()).toEqual([])
  })

  it('follow a bulk insert of many assignments’ reports in one statement', async () => {
    await db().$executeRaw`
      INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress, "createdAt")
      SELECT gen_random_uuid(), a, ${authorId}::uuid, (ARRAY['DONE', 'IN_PROGRESS']::"TaskStatus"[])[1 + (n % 2)], 50, timestamptz '2026-10-01' + n * interval '1 hour'
        FROM unnest(${assignmentIds}::uuid[]) a CROSS JOIN generate_series(1, 5) n`
    expect(await differencesFromRecount()).toEqual([])
  })

  it('give the trend its counts: each month, the assignments whose latest kept report by then says DONE', async () => {
    const unit = (await communeByCode(fullReader, unitCode))!
    const trend = await doneTrend(unit.id, '2026-11-29')
    // The same count from the reports themselves, at the end of each month the trend lists.
    const expected = await db().$queryRaw<{ day: string; done: number }[]>`
      SELECT m.day, (SELECT COUNT(*) FROM "Assignment" a WHERE a."unitId" = ${unit.id}::uuid AND (
               SELECT s.status FROM "StatusUpdate" s
                WHERE s."assignmentId" = a.id AND s."reviewState" <> 'RETURNED'
                  AND s."createdAt" < ((m.day::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1) = 'DONE')::int AS "done"
        FROM unnest(${trend.map((p) => p.day)}::text[]) m(day)`
    expect(trend.map((p) => p.done).some((n) => n > 0)).toBe(true)
    expect(trend).toEqual(expected)
  })
})
