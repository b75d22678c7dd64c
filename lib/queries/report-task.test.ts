// Each report's kept task ("StatusUpdate"."taskId", migration 20261129010000_task_history) is its
// assignment's, however the report was written and even while the assignment moves; the task's
// history read along it equals the latest reports found through the assignments.
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { taskHistory } from './task-progress'
import { progressSource } from './progress-source'
import { fullReader } from '@/test/helpers/reader'

const database = testDatabase()
const make = factories(() => database.db)
const taskIds: string[] = []
const assignmentIds: string[] = []
let authorId = ''

/** Reports whose kept task is not their assignment's. */
const strays = () =>
  db().$queryRaw<{ id: string }[]>`
    SELECT s.id::text FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId" WHERE s."taskId" IS DISTINCT FROM a."taskId"`

beforeAll(async () => {
  const units = [await make.unit(), await make.unit(), await make.unit()]
  const group = await make.group()
  authorId = (await make.user({ role: 'STAFF', unitId: units[0]!.id })).id
  for (let t = 0; t < 3; t++) {
    const task = await make.task({ groupId: group.id })
    taskIds.push(task.id)
    for (const unit of units) assignmentIds.push((await make.assignment({ taskId: task.id, unitId: unit.id })).id)
  }
})

describe("a report's kept task", () => {
  it('is set by the database, whatever the writer gives or leaves out', async () => {
    const [first, second] = assignmentIds
    await db().statusUpdate.create({ data: { assignmentId: first!, authorId, status: 'IN_PROGRESS', progress: 10 } })
    await db().statusUpdate.createMany({ data: [{ assignmentId: second!, authorId, status: 'DONE', progress: 100 }] })
    // A writer naming the wrong task is corrected.
    await db().$executeRaw`
      INSERT INTO "StatusUpdate" (id, "assignmentId", "taskId", "authorId", status, progress)
      VALUES (gen_random_uuid(), ${first}::uuid, ${taskIds[2]}::uuid, ${authorId}::uuid, 'BLOCKED', 10)`
    await expect(db().$executeRaw`UPDATE "StatusUpdate" SET "taskId" = ${taskIds[2]}::uuid`).resolves.toBeGreaterThan(0)
    expect(await db().statusUpdate.count()).toBe(3)
    expect(await strays()).toEqual([])
  })

  it("follows an assignment moved to another task, even with reports racing the move", async () => {
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new pg.Client({ connectionString: database.url })
        await client.connect()
        return client
      }),
    )
    try {
      const moving = assignmentIds[0]!
      await Promise.all(
        clients.map(async (client, w) => {
          for (let i = 0; i < 20; i++) {
            if (w === 0 && i % 5 === 0) {
              // Back and forth between two tasks this unit has no other assignment of.
              const [unit] = (await client.query<{ unitId: string }>('SELECT "unitId" FROM "Assignment" WHERE id = $1', [moving])).rows
              const free = (await client.query<{ id: string }>('SELECT t.id FROM "Task" t WHERE NOT EXISTS (SELECT FROM "Assignment" a WHERE a."taskId" = t.id AND a."unitId" = $1) LIMIT 1', [unit!.unitId])).rows[0]
              if (free) await client.query('UPDATE "Assignment" SET "taskId" = $1 WHERE id = $2', [free.id, moving])
            } else {
              await client.query('BEGIN')
              await client.query(`INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress) VALUES (gen_random_uuid(), $1, $2, 'IN_PROGRESS', $3)`, [
                i % 2 === 0 ? moving : assignmentIds[(w + i) % assignmentIds.length],
                authorId,
                i,
              ])
              await client.query(i % 7 === 0 ? 'ROLLBACK' : 'COMMIT')
            }
          }
        }),
      )
    } finally {
      await Promise.all(clients.map((client) => client.end()))
    }
    expect(await strays()).toEqual([])
  })
})

describe("a task's history read along the kept task", () => {
  it('equals the latest reports found through its assignments, newest first', async () => {
    // More reports, at distinct and at equal times.
    await db().$executeRaw`
      INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress, "createdAt")
      SELECT gen_random_uuid(), a, ${authorId}::uuid, 'IN_PROGRESS', n, timestamptz '2026-11-01' + (n / 2) * interval '1 minute'
        FROM unnest(${assignmentIds}::uuid[]) a CROSS JOIN generate_series(1, 12) n`
    for (const taskId of taskIds) {
      const expected = await db().$queryRaw<{ id: string }[]>`
        SELECT s.id::text FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId"
         WHERE a."taskId" = ${taskId}::uuid ORDER BY s."createdAt" DESC, s.id DESC LIMIT 20`
      expect((await taskHistory(progressSource(null, new Date()), fullReader, taskId, 20)).map((entry) => entry.id)).toEqual(expected.map((row) => row.id))
    }
  })
})
