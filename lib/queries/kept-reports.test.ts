// The rows the database keeps of the reports (migrations 20261128233000_unit_report_days and
// 20261128234000_pending_reviews) must always equal a recount from every report: "UnitReportDay",
// the district days each unit reported on (the reporting rate), and "PendingReview", the reports
// waiting for review (the review queue, the members' pending counts). After random reports and
// reviews one by one, writers racing (some giving up), and a bulk insert.
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { seededRandom } from '@/test/helpers/seeded-random'

const database = testDatabase()
const make = factories(() => database.db)
const assignmentIds: string[] = []
let authorId = ''

/** The kept rows that a recount from every report does not give, and the reverse: empty when exact. */
async function differencesFromRecount(): Promise<unknown[]> {
  return db().$queryRaw<unknown[]>`
    WITH days AS (
      SELECT DISTINCT a."unitId", (s."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "day"
        FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId"
    ), pending AS (
      SELECT s.id AS "statusUpdateId", s."assignmentId", a."unitId", a."taskId", s."createdAt"
        FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId"
       WHERE s."reviewState" = 'PENDING'
    )
    (SELECT 'day missing' AS "kind", d::text AS "row" FROM (SELECT * FROM days EXCEPT SELECT "unitId", "day" FROM "UnitReportDay") d)
    UNION ALL
    (SELECT 'day extra', d::text FROM (SELECT "unitId", "day" FROM "UnitReportDay" EXCEPT SELECT * FROM days) d)
    UNION ALL
    (SELECT 'pending missing', p::text FROM (SELECT * FROM pending EXCEPT SELECT "statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt" FROM "PendingReview") p)
    UNION ALL
    (SELECT 'pending extra', p::text FROM (SELECT "statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt" FROM "PendingReview" EXCEPT SELECT * FROM pending) p)`
}

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED'] as const
const REVIEWS = ['CONFIRMED', 'RETURNED', 'PENDING'] as const

/** A random write as the app's saves and reviews make them (a report, or a review of one). */
function randomWrite(next: () => number, assignmentId: string): { sql: string; params: unknown[] } {
  if (next() < 0.3)
    return {
      sql: `UPDATE "StatusUpdate" SET "reviewState" = $2::"ReviewState", "reviewedAt" = now()
             WHERE id = (SELECT id FROM "StatusUpdate" WHERE "assignmentId" = $1::uuid ORDER BY "createdAt" DESC, id DESC OFFSET $3 LIMIT 1)`,
      params: [assignmentId, REVIEWS[Math.floor(next() * REVIEWS.length)], Math.floor(next() * 3)],
    }
  // Around midnight in Ba Chẽ (17:00 UTC), where the district day and the UTC day part.
  const hour = 14 + Math.floor(next() * 6)
  return {
    sql: `INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress, "createdAt")
          VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::"TaskStatus", 50, $4::timestamptz)`,
    params: [assignmentId, authorId, STATUSES[Math.floor(next() * STATUSES.length)], `2026-06-${String(1 + Math.floor(next() * 9)).padStart(2, '0')}T${hour}:30:00Z`],
  }
}

beforeAll(async () => {
  const group = await make.group()
  const units = [await make.unit({ name: 'Xã Đồn Đạc' }), await make.unit({ name: 'Xã Lương Mông' })]
  authorId = (await make.user({ role: 'STAFF', unitId: units[0]!.id })).id
  for (let i = 0; i < 8; i++) {
    const task = await make.task({ groupId: group.id })
    assignmentIds.push((await make.assignment({ taskId: task.id, unitId: units[i % 2]!.id })).id)
  }
})

describe('the kept report days and waiting reports', () => {
  it('follow 300 random reports and reviews one by one', async () => {
    const next = seededRandom(11)
    for (let i = 0; i < 300; i++) {
      const { sql, params } = randomWrite(next, assignmentIds[Math.floor(next() * assignmentIds.length)]!)
      await db().$executeRawUnsafe(sql, ...params)
      if (i % 100 === 99) expect(await differencesFromRecount()).toEqual([])
    }
    expect(await db().pendingReview.count()).toBeGreaterThan(0)
    expect(await db().unitReportDay.count()).toBeGreaterThan(2)
  })

  it('stay exact with 8 writers racing on the same and on different assignments', async () => {
    const writers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new pg.Client({ connectionString: database.url })
        await client.connect()
        return client
      }),
    )
    try {
      await Promise.all(
        writers.map(async (client, w) => {
          const next = seededRandom(200 + w)
          for (let i = 0; i < 30; i++) {
            const assignmentId = w % 2 === 0 ? assignmentIds[i % 2]! : assignmentIds[Math.floor(next() * assignmentIds.length)]!
            await client.query('BEGIN')
            const { sql, params } = randomWrite(next, assignmentId)
            await client.query(sql, params)
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
      SELECT gen_random_uuid(), a, ${authorId}::uuid, 'IN_PROGRESS', 50, timestamptz '2026-07-01 15:00Z' + n * interval '1 hour'
        FROM unnest(${assignmentIds}::uuid[]) a CROSS JOIN generate_series(1, 5) n`
    expect(await differencesFromRecount()).toEqual([])
  })
})
