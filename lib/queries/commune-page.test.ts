// A commune's page lists its oldest late work first, a few of them, and keeps its numbers between
// requests only while nothing has been written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { COMMUNE_LATE_LIMIT, communePageData } from './commune-page'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'
const LATE = COMMUNE_LATE_LIMIT + 2
let communeId = ''
let otherId = ''
let assignmentIds: string[] = []

beforeAll(async () => {
  const make = factories(() => database.db)
  communeId = (await make.unit()).id
  otherId = (await make.unit()).id
  const group = await make.group()
  // Late: due before today and not done, one due a day later than the one before.
  const tasks = await Promise.all(Array.from({ length: LATE }, (_, i) => make.task({ groupId: group.id, dueDate: new Date(Date.UTC(2026, 0, 1 + i)) })))
  assignmentIds = (await Promise.all(tasks.map((task) => make.assignment({ taskId: task.id, unitId: communeId })))).map((a) => a.id)
  await make.assignment({ taskId: tasks[0]!.id, unitId: otherId })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('communePageData', () => {
  it('lists the oldest late assignments, a few, and counts them all', async () => {
    const { late, progress, assignments } = await communePageData(fromKeptCounts(today), communeId)
    expect(progress.total.late).toBe(LATE)
    expect(assignments).toHaveLength(LATE)
    expect(late).toHaveLength(COMMUNE_LATE_LIMIT)
    expect(late.map((row) => row.dueDate.toISOString().slice(0, 10))).toEqual(Array.from({ length: COMMUNE_LATE_LIMIT }, (_, i) => `2026-01-${String(1 + i).padStart(2, '0')}`))
  })

  it('serves the same numbers again while nothing has been written, and reads afresh after a write', async () => {
    // The snapshot is the whole server's: other test files writing at the same moment make a read
    // afresh (never a wrong one), so look for two reads in a quiet moment.
    let kept = false
    for (let attempt = 0; attempt < 50 && !kept; attempt++) {
      const first = await communePageData(fromKeptCounts(today), communeId)
      kept = (await communePageData(fromKeptCounts(today), communeId)) === first
    }
    expect(kept).toBe(true)
    const before = await communePageData(fromKeptCounts(today), communeId)
    await db().assignment.update({ where: { id: assignmentIds[0]! }, data: { status: 'DONE', progress: 100, completedAt: new Date('2026-11-27T03:00:00Z') } })
    const after = await communePageData(fromKeptCounts(today), communeId)
    expect(after).not.toBe(before)
    expect(after.progress.total.late).toBe(LATE - 1)
    expect(after.late[0]!.dueDate.toISOString().slice(0, 10)).toBe('2026-01-02')
  })

  it('keeps each commune apart', async () => {
    const commune = await communePageData(fromKeptCounts(today), communeId)
    const other = await communePageData(fromKeptCounts(today), otherId)
    expect(other.assignments).toHaveLength(1)
    expect(commune.assignments).toHaveLength(LATE)
  })
})
