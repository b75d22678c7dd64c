import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { factories } from '@/test/helpers/factories'
import { testDatabase } from '@/test/helpers/database'
import { exportDownload } from './exports/download'

const database = testDatabase()
const make = factories(() => database.db)
const VILLAGES = 205
let admin: CurrentUser

beforeAll(async () => {
  const d = database.db
  const district = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT' })
  const number = (i: number) => String(i + 1).padStart(3, '0')
  await d.unit.createMany({ data: Array.from({ length: VILLAGES }, (_, i) => ({ code: `thon-${number(i)}`, name: `Thôn ${number(i)}`, kind: 'VILLAGE' as const })) })
  const group = await make.group()
  const task = await d.task.create({ data: { code: 'rong-khap', groupId: group.id, title: 'Nhiệm vụ của mọi thôn', dueDate: new Date('2099-12-31'), scope: 'COMMUNE' } })
  const villages = await d.unit.findMany({ where: { kind: 'VILLAGE' }, select: { id: true } })
  await d.assignment.createMany({ data: villages.map((v) => ({ taskId: task.id, unitId: v.id })) })
  const user = await make.user({ role: 'ADMIN', unitId: district.id })
  admin = { id: user.id, username: 'admin', displayName: user.displayName, role: 'ADMIN', unitId: district.id, memberId: null, scopeUnitId: user.scopeUnitId, unit: { code: 'ba-che', name: 'Huyện Ba Chẽ' } }
})

afterAll(async () => {
  await db().$disconnect()
})

describe("a task's units", () => {
  it('are all in the file, read a hundred at a time as the page reads them, in the order of the units', async () => {
    const response = await exportDownload({ user: admin, path: ['tasks', 'rong-khap.csv'], search: new URLSearchParams(), locale: 'vi', ip: null, now: new Date('2026-11-28T05:00:00Z') })
    const [, ...rows] = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][]
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: VILLAGES }, (_, i) => `Thôn ${String(i + 1).padStart(3, '0')}`))
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'export.create' } })
    expect(audit).toMatchObject({ entity: 'tasks', entityId: 'rong-khap', after: { format: 'csv', rows: VILLAGES } })
  })
})
