// The kept counts (migration 20261128230000_progress_counts) must always equal a recount of every
// assignment: after random single writes, after writers racing on the same and on different
// assignments, and across a recount for a new day running among them.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import { testDatabase } from '@/test/helpers/database'
import { keptCountDifferences } from '@/test/helpers/progress-recount'
import { seededRandom } from '@/test/helpers/seeded-random'
import { progressByGroup } from './district-overview'
import { progressCountsReady } from './progress-counts'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const

let assignmentIds: string[] = []

beforeAll(async () => {
  const d = database.db
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const units = await Promise.all(
    ['minh-cam', 'dap-thanh', 'nam-son', 'don-dac', 'luong-mong', 'xa-cu'].map((code, i) =>
      d.unit.create({ data: { code, name: code, kind: 'COMMUNE', parentId: district.id, sortOrder: i, active: code !== 'xa-cu' } }),
    ),
  )
  const groups = await Promise.all(['g1', 'g2'].map((code) => d.taskGroup.create({ data: { code, name: code } })))
  // Due dates around today: past, today, within and beyond the "due soon" window; one withdrawn.
  const dueDates = ['2026-06-30', '2026-11-27', today, '2026-12-05', '2026-12-12', '2027-03-31']
  const tasks = await Promise.all(
    dueDates.map((due, i) =>
      d.task.create({
        data: {
          code: `nv-${i}`,
          groupId: groups[i % 2]!.id,
          title: `Nhiệm vụ ${i}`,
          dueDate: new Date(due),
          scope: 'COMMUNE',
          active: i !== 5,
          ...(i % 3 === 0 ? { indicatorUnit: 'người', indicatorBaseline: 2, indicatorTarget: 20 } : {}),
        },
      }),
    ),
  )
  await d.assignment.createMany({ data: units.flatMap((u) => tasks.map((t) => ({ unitId: u.id, taskId: t.id }))) })
  assignmentIds = (await d.assignment.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((a) => a.id)
})

afterAll(async () => {
  await db().$disconnect()
})

async function countedDay(): Promise<string | null> {
  const [row] = await db().$queryRaw<{ day: string | null }[]>`SELECT "day"::text AS "day" FROM "ProgressCountDay"`
  return row!.day
}

/** A random change to one assignment, as any writer (the app's saves, reviews, imports) makes it. */
function randomChange(next: () => number): { sql: string; params: unknown[] } {
  const id = assignmentIds[Math.floor(next() * assignmentIds.length)]!
  const status = STATUSES[Math.floor(next() * STATUSES.length)]!
  const progress = status === 'DONE' ? 100 : Math.floor(next() * 100)
  // Finished around the due dates, sometimes at night in Ba Chẽ (the previous day in UTC).
  const completedAt = status === 'DONE' && next() < 0.9 ? new Date(Date.UTC(2026, 10, 20 + Math.floor(next() * 15), Math.floor(next() * 24))) : null
  const indicator = next() < 0.5 ? (Math.floor(next() * 4000) / 100).toFixed(2) : null
  return {
    sql: `UPDATE "Assignment" SET status = $2::"TaskStatus", progress = $3, "completedAt" = $4, "indicatorActual" = $5, version = version + 1 WHERE id = $1::uuid`,
    params: [id, status, progress, completedAt, indicator],
  }
}

describe('the kept progress counts', () => {
  it('are those of the day asked for, and recounted when the day changes', async () => {
    await progressCountsReady(today)
    expect(await countedDay()).toBe(today)
    expect(await keptCountDifferences()).toEqual([])
    const before = (await progressByGroup(fromKeptCounts(today), null)).total
    // 27/11 was tomorrow's deadline the day before: not yet overdue then.
    const dayBefore = (await progressByGroup(fromKeptCounts('2026-11-27'), null)).total
    expect(await countedDay()).toBe('2026-11-27')
    expect(dayBefore.overdue).toBeLessThan(before.overdue)
    expect(await keptCountDifferences()).toEqual([])
  })

  it('follow 300 random writes one by one, and the next read shows each of them', async () => {
    await progressCountsReady(today)
    const next = seededRandom(19)
    for (let i = 0; i < 300; i++) {
      const { sql, params } = randomChange(next)
      await db().$executeRawUnsafe(sql, ...params)
      if (i % 50 === 49) expect(await keptCountDifferences()).toEqual([])
    }
    expect(await countedDay()).toBe(today)
    expect(await keptCountDifferences()).toEqual([])
    // What the overview reads equals a count over the assignments themselves.
    const [live] = await db().$queryRaw<{ assigned: number; done: number; progress: number }[]>`
      SELECT COUNT(*)::int AS assigned, (COUNT(*) FILTER (WHERE a.status = 'DONE'))::int AS done, COALESCE(round(avg(a.progress)), 0)::int AS progress
        FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" AND t.active JOIN "Unit" u ON u.id = a."unitId" AND u.active`
    const { total } = await progressByGroup(fromKeptCounts(today), null)
    expect({ assigned: total.assigned, done: total.doneOnTime + total.doneLate, progress: total.progress }).toEqual(live)
  })

  it('stay exact with 20 writers racing on the same and on different assignments, and a recount among them', async () => {
    await progressCountsReady(today)
    const writers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = new pg.Client({ connectionString: database.url })
        await client.connect()
        return client
      }),
    )
    try {
      const hot = assignmentIds.slice(0, 3)
      await Promise.all(
        writers.map(async (client, w) => {
          const next = seededRandom(1000 + w)
          for (let i = 0; i < 40; i++) {
            const change = randomChange(next)
            // Half the writers fight over three assignments, inside transactions of several writes.
            if (w % 2 === 0) change.params[0] = hot[i % hot.length]
            await client.query('BEGIN')
            await client.query(change.sql, change.params)
            // A second change to the same assignment in the same transaction (one assignment per
            // transaction, as a save makes: two would be free to deadlock, which is not the point).
            if (i % 4 === 0) await client.query(randomChange(next).sql, change.params.map((p, k) => (k === 0 ? p : randomChange(next).params[k])))
            // Now and then a writer gives up: nothing of its transaction may stay counted.
            await client.query(next() < 0.1 ? 'ROLLBACK' : 'COMMIT')
            // And one of them starts a new day's recount while the others write.
            if (w === 1 && i === 20) await client.query('SELECT progress_counts_ready($1::date, $2::int)', ['2026-11-29', DUE_SOON_DAYS])
          }
        }),
      )
    } finally {
      await Promise.all(writers.map((client) => client.end()))
    }
    expect(await countedDay()).toBe('2026-11-29')
    expect(await keptCountDifferences()).toEqual([])
  })

  it('are recounted after a unit or task changes in a way the differences cannot follow', async () => {
    await progressCountsReady(today)
    const unit = await db().unit.findUniqueOrThrow({ where: { code: 'minh-cam' } })
    const before = (await progressByGroup(fromKeptCounts(today), null)).total.assigned
    await db().unit.update({ where: { id: unit.id }, data: { active: false } })
    expect(await countedDay()).toBeNull()
    // A unit withdrawn: its assignments leave the district's counts (the withdrawn task's excepted).
    expect((await progressByGroup(fromKeptCounts(today), null)).total.assigned).toBe(before - 5)
    await db().unit.update({ where: { id: unit.id }, data: { active: true } })
    const task = await db().task.findUniqueOrThrow({ where: { code: 'nv-5' } })
    await db().task.update({ where: { id: task.id }, data: { active: true } })
    expect((await progressByGroup(fromKeptCounts(today), null)).total.assigned).toBe(before + 5)
    expect(await keptCountDifferences()).toEqual([])
  })
})
