// The overview's numbers are kept between requests while the data stands still, and never once it
// has changed: any committed write makes the next request read afresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { overviewPageData } from './overview-page'
import { fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'
let assignmentId = ''

beforeAll(async () => {
  const make = factories(() => database.db)
  const unit = await database.db.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })
  const group = await make.group()
  const task = await make.task({ groupId: group.id })
  assignmentId = (await make.assignment({ taskId: task.id, unitId: unit.id })).id
})

afterAll(async () => {
  await db().$disconnect()
})

describe('overviewPageData', () => {
  it('serves the same numbers again while nothing has been written', async () => {
    await overviewPageData(fromKeptCounts(today), undefined) // the first read of the day recounts (a write)
    // The snapshot is the whole server's: other test files writing to their own databases at the
    // same moment make a read afresh (never a wrong one), so look for two reads in a quiet moment.
    let kept = false
    for (let attempt = 0; attempt < 50 && !kept; attempt++) {
      const first = await overviewPageData(fromKeptCounts(today), undefined)
      kept = (await overviewPageData(fromKeptCounts(today), undefined)) === first
    }
    expect(kept).toBe(true)
  })

  it('reads afresh after a write to the assignments, and shows it', async () => {
    const before = await overviewPageData(fromKeptCounts(today), undefined)
    expect(before.progress.total).toMatchObject({ assigned: 1, inProgress: 0 })
    await db().assignment.update({ where: { id: assignmentId }, data: { status: 'IN_PROGRESS', progress: 40 } })
    const after = await overviewPageData(fromKeptCounts(today), undefined)
    expect(after).not.toBe(before)
    expect(after.progress.total).toMatchObject({ assigned: 1, inProgress: 1, progress: 40 })
  })

  it('reads afresh after any write at all, since it cannot tell which writes matter', async () => {
    await overviewPageData(fromKeptCounts(today), undefined)
    const kept = await overviewPageData(fromKeptCounts(today), undefined)
    await db().member.create({ data: { code: 'uv-moi', name: 'Ủy viên mới', title: 'Ủy viên' } })
    expect(await overviewPageData(fromKeptCounts(today), undefined)).not.toBe(kept)
  })

  it('keeps each day and period apart', async () => {
    const today_ = await overviewPageData(fromKeptCounts(today), undefined)
    const other = await overviewPageData(fromKeptCounts('2026-11-27'), undefined)
    expect(other).not.toBe(today_)
    expect(await overviewPageData(fromKeptCounts(today), undefined)).not.toBe(other)
  })
})
