// The three long lists read a page at a time (/communes, /members, /reviews): pages of 3 over 7
// rows, with ties on every key the pages sort by but the last, so that only a total order keeps
// each row on exactly one page.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { communeProgressList, communeProgressPage } from './communes'
import { memberSummaries, memberSummaryPage } from './member-progress'
import { pendingReviews } from './pending-reviews'
import { fromHistory, fromKeptCounts } from './progress-source'

const database = testDatabase()
const today = '2026-11-28'
const PAGE = 3
let admin!: Actor
/** The pending reports' ids, oldest first, ties by id. */
let waitingIds: string[] = []

beforeAll(async () => {
  const d = database.db
  const district = await d.unit.create({ data: { code: 'huyen', name: 'Huyện thử nghiệm', kind: 'DISTRICT' } })
  // Members: two with overdue work (Cường the more), then five alike with nothing judged, three of
  // them with the same place in the committee and the same name.
  const member = (code: string, name: string, sortOrder: number) => d.member.create({ data: { code, name, title: 'Ủy viên Ban Thường vụ', sortOrder } })
  const cuong = await member('uv-cuong', 'Vũ Mạnh Cường', 9)
  const an = await member('uv-an', 'Hoàng Văn An', 8)
  await member('uv-dung', 'Đặng Văn Dũng', 1)
  await member('uv-ha-c', 'Nguyễn Thị Hà', 2)
  await member('uv-ha-a', 'Nguyễn Thị Hà', 2)
  await member('uv-ha-b', 'Nguyễn Thị Hà', 2)
  await member('uv-em', 'Triệu Thị Em', 3)
  // Communes: three "Xã Tân Lập" in the same place of the list, as a country has several.
  const commune = (code: string, name: string, sortOrder: number, inChargeMemberId: string | null = null) =>
    d.unit.create({ data: { code, name, kind: 'COMMUNE', sortOrder, parentId: district.id, inChargeMemberId } })
  const communes = [
    await commune('minh-cam', 'Xã Minh Cầm', 1, cuong.id),
    await commune('tan-lap-c', 'Xã Tân Lập', 2, cuong.id),
    await commune('tan-lap-a', 'Xã Tân Lập', 2, an.id),
    await commune('tan-lap-b', 'Xã Tân Lập', 2),
    await commune('dap-thanh', 'Xã Đạp Thanh', 3),
    await commune('nam-son', 'Xã Nam Sơn', 4),
    await commune('don-dac', 'Xã Đồn Đạc', 5),
  ]
  const group = await d.taskGroup.create({ data: { code: 'g1', name: 'Nhóm thử nghiệm' } })
  const task = await d.task.create({ data: { code: 't1', groupId: group.id, title: 'Nhiệm vụ thử nghiệm', dueDate: new Date('2026-11-01'), scope: 'COMMUNE' } })
  const assignments = await Promise.all(communes.map((unit) => d.assignment.create({ data: { taskId: task.id, unitId: unit.id } })))
  const staff = await d.user.create({ data: { username: 'can-bo', displayName: 'Cán bộ thử nghiệm', role: 'STAFF', unitId: communes[0]!.id, passwordHash: 'x' } })
  // An administrator's account of its own: the reports are the staff's, which it may confirm.
  admin = { id: randomUUID(), role: 'ADMIN', unitId: district.id, memberId: null, scopeUnitId: null }
  // Seven reports waiting, three of them sent at the same instant.
  const times = ['2026-11-20T02:00:00Z', '2026-11-21T02:00:00Z', '2026-11-21T02:00:00Z', '2026-11-21T02:00:00Z', '2026-11-22T02:00:00Z', '2026-11-19T02:00:00Z', '2026-11-23T02:00:00Z']
  const reports = await Promise.all(
    times.map((at, i) => d.statusUpdate.create({ data: { assignmentId: assignments[i]!.id, authorId: staff.id, createdAt: new Date(at), status: 'IN_PROGRESS', progress: 10 } })),
  )
  waitingIds = reports
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((report) => report.id)
})

afterAll(async () => {
  await db().$disconnect()
})

/** Pages 1 to 4 of `PAGE` rows (the fourth past the end), read with `read(limit, offset)`. */
const pagesOf = <T>(read: (limit: number, offset: number) => Promise<{ rows: T[]; total: number }>) => Promise.all([0, 1, 2, 3].map((n) => read(PAGE, n * PAGE)))

describe('communeProgressPage', () => {
  it('pages the communes in the district’s order, the code breaking ties, each once, with the total on every page', async () => {
    const pages = await pagesOf((limit, offset) => communeProgressPage(fromKeptCounts(today), limit, offset))
    expect(pages.map((page) => page.rows.map((row) => row.code))).toEqual([
      ['minh-cam', 'tan-lap-a', 'tan-lap-b'],
      ['tan-lap-c', 'dap-thanh', 'nam-son'],
      ['don-dac'],
      [],
    ])
    expect(pages.slice(0, 3).map((page) => page.total)).toEqual([7, 7, 7])
    expect(pages.flatMap((page) => page.rows)).toEqual(await communeProgressList(fromKeptCounts(today), 'list'))
  })

  it('pages the counts as they stood on an earlier day too', async () => {
    const asOf = fromHistory('2026-11-29')
    const [first] = await pagesOf((limit, offset) => communeProgressPage(asOf, limit, offset))
    expect(first?.rows).toEqual((await communeProgressList(asOf, 'list')).slice(0, PAGE))
    expect(first?.total).toBe(7)
  })
})

describe('memberSummaryPage', () => {
  it('pages the members who need help first, the committee’s order then the code breaking ties, each once, with the total on every page', async () => {
    const pages = await pagesOf((limit, offset) => memberSummaryPage(fromKeptCounts(today), limit, offset))
    // Cường: two overdue (Minh Cầm, one Tân Lập); An: one; the rest have nothing judged yet.
    expect(pages.map((page) => page.rows.map((row) => row.code))).toEqual([
      ['uv-cuong', 'uv-an', 'uv-dung'],
      ['uv-ha-a', 'uv-ha-b', 'uv-ha-c'],
      ['uv-em'],
      [],
    ])
    expect(pages.slice(0, 3).map((page) => page.total)).toEqual([7, 7, 7])
    expect(pages.flatMap((page) => page.rows)).toEqual(await memberSummaries(fromKeptCounts(today), null))
  })
})

describe('pendingReviews', () => {
  it('pages the reports waiting, oldest first, the id breaking ties, each once, with the total on every page', async () => {
    const pages = await pagesOf((limit, offset) => pendingReviews(admin, limit, offset))
    expect(pages.map((page) => page.rows.length)).toEqual([3, 3, 1, 0])
    expect(pages.flatMap((page) => page.rows.map((row) => row.id))).toEqual(waitingIds)
    expect(pages.slice(0, 3).map((page) => page.total)).toEqual([7, 7, 7])
    expect(pages.flatMap((page) => page.rows)).toEqual((await pendingReviews(admin, 100, 0)).rows)
  })
})
