// The whole register reads a batch of units at a time and gives every assignment of active tasks in
// active units exactly once, in the district's order, as of any day.
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, test } from 'vitest'
import type { CurrentUser } from '@/lib/auth/session'
import { exportDownload } from '@/lib/reports/exports/download'
import { testDatabase } from '@/test/helpers/database'
import { registerRows, registerSize } from './assignment-register'
import { fromHistory, progressSource, type ProgressSource } from './progress-source'

const database = testDatabase()
let leader: CurrentUser

beforeAll(async () => {
  const d = database.db
  // The units first: a group belongs to one (by default the top of the tree).
  const units = []
  for (let i = 1; i <= 8; i++) units.push(await d.unit.create({ data: { code: `xa-${i}`, name: `Xã ${i}`, kind: 'COMMUNE', sortOrder: i, active: i !== 5 } }))
  const group = await d.taskGroup.create({ data: { code: 'nhom', name: 'Nhóm 1' } })
  const tasks = await Promise.all(
    ['a', 'b', 'c'].map((code, i) => d.task.create({ data: { code, groupId: group.id, title: `Nhiệm vụ ${code.toUpperCase()}`, dueDate: new Date('2099-12-31'), scope: 'COMMUNE', sortOrder: i } })),
  )
  const retired = await d.task.create({ data: { code: 'cu', groupId: group.id, title: 'Nhiệm vụ đã thôi', dueDate: new Date('2099-12-31'), scope: 'COMMUNE', active: false } })
  // Seven active units (so batches of 3 end part-way) and one merged away; each has tasks A-C,
  // the retired task, and unit 7 none at all.
  for (const [index, unit] of units.entries()) {
    const i = index + 1
    if (i === 7) continue
    for (const task of [...tasks, retired]) await d.assignment.create({ data: { taskId: task.id, unitId: unit.id, createdAt: new Date(`2026-0${i === 8 ? 7 : 1}-01T00:00:00Z`) } })
  }
  const user = await d.user.create({ data: { username: 'lanh-dao', displayName: 'Lãnh đạo', passwordHash: 'x', role: 'LEADER', unitId: (await d.unit.findFirstOrThrow()).id } })
  leader = { id: user.id, username: user.username, displayName: user.displayName, role: 'LEADER', unitId: user.unitId, memberId: null, scopeUnitId: null, unit: { code: 'xa-1', name: 'Xã 1' } }
})

const everyRow = async (source: ProgressSource, rowsPerBatch: number) => {
  const rows: string[] = []
  for await (const batch of registerRows(source, rowsPerBatch)) rows.push(...batch.map((row) => `${row.unitName}/${row.title}`))
  return rows
}

describe('the register of assignments', () => {
  test('gives each assignment of an active task in an active unit once, by unit then task, whatever the batch size', async () => {
    const expected = [1, 2, 3, 4, 6, 8].flatMap((i) => ['A', 'B', 'C'].map((code) => `Xã ${i}/Nhiệm vụ ${code}`))
    const today = progressSource(null, new Date())
    for (const size of [1, 4, 18, 100]) expect(await everyRow(today, size)).toEqual(expected)
    expect(await registerSize(today)).toBe(expected.length)
  })

  test('as of a past day holds only what had been assigned by then', async () => {
    const asOf = fromHistory('2026-03-01')
    const rows = await everyRow(asOf, 2)
    expect(rows).toHaveLength(15)
    expect(rows.some((row) => row.startsWith('Xã 8/'))).toBe(false)
    expect(await registerSize(asOf)).toBe(15)
  })

  test('downloads as CSV with a row per assignment, and the audit counts them', async () => {
    const response = await exportDownload({ user: leader, path: ['assignments.csv'], search: new URLSearchParams({ asOf: '2026-03-01' }), locale: 'vi', ip: null, now: new Date('2026-11-28T05:00:00Z') })
    expect(response.headers.get('content-disposition')).toContain('danh-sach-nhiem-vu-toan-huyen-2026-03-01.csv')
    const [header, ...rows] = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][]
    expect(header).toContain('Ngày hoàn thành')
    expect(rows).toHaveLength(15)
    expect(rows[0]?.slice(0, 5)).toEqual(['Xã 1', 'Nhóm 1', 'Nhiệm vụ A', 'Chưa triển khai', '0'])
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'export.create', entity: 'assignments' } })
    expect(audit.after).toMatchObject({ format: 'csv', rows: 15, asOf: '2026-03-01' })
  })
})
