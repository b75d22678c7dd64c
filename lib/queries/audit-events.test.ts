import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { AUDIT_PAGE_SIZE, auditEntities, auditEventPage as pageFor, auditUsers } from './audit-events'

const database = testDatabase()

/** These tests browse as an administrator, who reads every event whole (what others read: audit-details.test.ts). */
const ADMIN: Actor = { id: randomUUID(), role: 'ADMIN', unitId: randomUUID(), memberId: null, scopeUnitId: null }
const auditEventPage = (filter: Parameters<typeof pageFor>[1], page: number) => pageFor(ADMIN, filter, page)

/** The fixture's named events; 120 exports on 01/10/2026 fill the pages before them. */
const EXPORTS = 120
let ids!: { assignment: string; statusUpdate: string; comment: string }

beforeAll(async () => {
  const d = database.db
  const unit = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })
  const group = await d.taskGroup.create({ data: { code: 'bo-may', name: 'Bộ máy' } })
  const task = await d.task.create({ data: { code: 'sap-xep', groupId: group.id, title: 'Sắp xếp bộ máy', dueDate: new Date('2027-01-31'), scope: 'COMMUNE' } })
  const assignment = await d.assignment.create({ data: { taskId: task.id, unitId: unit.id } })
  const account = (username: string, displayName: string, role: 'LEADER' | 'STAFF') =>
    d.user.create({ data: { username, displayName, role, unitId: unit.id, passwordHash: 'x' } })
  const leader = await account('bi-thu', 'Nguyễn Đình Khải', 'LEADER')
  const staff = await account('minh-cam', 'Cán bộ xã Minh Cầm', 'STAFF')
  await account('khong-dung', 'Ai đó chưa làm gì', 'STAFF')
  const update = await d.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: staff.id, status: 'IN_PROGRESS', progress: 40 } })
  const comment = await d.comment.create({ data: { assignmentId: assignment.id, authorId: staff.id, body: 'Hỏi' } })
  ids = { assignment: assignment.id, statusUpdate: update.id, comment: comment.id }

  const event = (at: string, actorId: string | null, action: string, entity: string, entityId: string | null, more: { before?: object; after?: object } = {}) =>
    d.auditEvent.create({ data: { createdAt: new Date(at), actorId, action, entity, entityId, ip: '10.0.0.7', ...more } })
  await d.auditEvent.createMany({
    data: Array.from({ length: EXPORTS }, (_, i) => ({
      createdAt: new Date(Date.UTC(2026, 9, 1, 1, i)),
      actorId: leader.id,
      action: 'export.create',
      entity: 'overview',
      after: { format: 'csv', rows: i },
    })),
  })
  // 23:59:59.999 on 01/11 and midnight of 02/11 in the district (UTC+7).
  await event('2026-11-01T16:59:59.999Z', leader.id, 'auth.sign_in', 'User', leader.id)
  await event('2026-11-01T17:00:00.000Z', staff.id, 'statusUpdate.create', 'Assignment', assignment.id, {
    before: { status: 'NOT_STARTED', progress: 0 },
    after: { status: 'IN_PROGRESS', progress: 40 },
  })
  await event('2026-11-02T03:00:00Z', staff.id, 'comment.create', 'Comment', comment.id, { after: { assignmentId: assignment.id } })
  await event('2026-11-03T02:00:00Z', null, 'auth.sign_in_failed', 'User', null, { after: { reason: 'unknown_user' } })
  await event('2026-11-04T02:00:00Z', leader.id, 'statusUpdate.review', 'StatusUpdate', update.id, { before: { reviewState: 'PENDING' }, after: { reviewState: 'CONFIRMED' } })
  await event('2026-11-04T02:00:00Z', staff.id, 'statusUpdate.create.refused', 'Assignment', 'không-phải-uuid')
})

const actions = async (filter: Parameters<typeof auditEventPage>[0], page = 1) => (await auditEventPage(filter, page)).events.map((e) => e.action)

describe('auditEventPage', () => {
  it('lists the newest events first, ties by the order they were written, and counts them all', async () => {
    const result = await auditEventPage({}, 1)
    expect(result.total).toBe(EXPORTS + 6)
    expect(result.pageCount).toBe(3)
    expect(result.events).toHaveLength(AUDIT_PAGE_SIZE)
    expect(result.events.slice(0, 6).map((e) => e.action)).toEqual([
      'statusUpdate.create.refused',
      'statusUpdate.review',
      'auth.sign_in_failed',
      'comment.create',
      'statusUpdate.create',
      'auth.sign_in',
    ])
    const times = result.events.map((e) => e.at.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('pages through 50 at a time without repeating or skipping an event, and shows the last page for one past it', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => auditEventPage({}, page)))
    expect(pages.map((p) => p.events.length)).toEqual([50, 50, EXPORTS + 6 - 100])
    expect(new Set(pages.flatMap((p) => p.events.map((e) => e.id))).size).toBe(EXPORTS + 6)
    const past = await auditEventPage({}, 99)
    expect(past.page).toBe(3)
    expect(past.events.map((e) => e.id)).toEqual(pages[2]?.events.map((e) => e.id))
  })

  it("narrows to one user's events by username, and to nothing for an unknown name", async () => {
    const staff = await auditEventPage({ user: 'minh-cam' }, 1)
    expect(staff.total).toBe(3)
    expect(staff.events.map((e) => e.actor?.username)).toEqual(['minh-cam', 'minh-cam', 'minh-cam'])
    expect((await auditEventPage({ user: 'bi-thu' }, 1)).total).toBe(EXPORTS + 2)
    expect(await auditEventPage({ user: 'nobody' }, 1)).toEqual({ events: [], total: 0, page: 1, pageCount: 1 })
  })

  it('narrows to one kind of record and to one action', async () => {
    expect(await actions({ entity: 'Assignment' })).toEqual(['statusUpdate.create.refused', 'statusUpdate.create'])
    expect(await actions({ action: 'auth.sign_in' })).toEqual(['auth.sign_in'])
    expect((await auditEventPage({ action: 'export.create' }, 1)).total).toBe(EXPORTS)
    expect(await actions({ entity: 'Assignment', action: 'statusUpdate.create', user: 'minh-cam' })).toEqual(['statusUpdate.create'])
  })

  it('takes the date range as whole district days, both ends included', async () => {
    expect(await actions({ from: '2026-11-02' })).toEqual(['statusUpdate.create.refused', 'statusUpdate.review', 'auth.sign_in_failed', 'comment.create', 'statusUpdate.create'])
    expect(await actions({ from: '2026-11-01', to: '2026-11-01' })).toEqual(['auth.sign_in'])
    expect(await actions({ from: '2026-11-02', to: '2026-11-03' })).toEqual(['auth.sign_in_failed', 'comment.create', 'statusUpdate.create'])
    expect((await auditEventPage({ to: '2026-10-31' }, 1)).total).toBe(EXPORTS)
    expect((await auditEventPage({ from: '2026-11-05' }, 1)).total).toBe(0)
  })

  it('tells who acted, or no one, with what was stored before and after', async () => {
    const [refused, review, failed] = (await auditEventPage({ from: '2026-11-03' }, 1)).events
    expect(failed).toMatchObject({ actor: null, entity: 'User', entityId: null, ip: '10.0.0.7', before: null, after: { reason: 'unknown_user' } })
    expect(review).toMatchObject({ actor: { username: 'bi-thu', displayName: 'Nguyễn Đình Khải' }, before: { reviewState: 'PENDING' }, after: { reviewState: 'CONFIRMED' } })
    expect(refused?.at).toEqual(new Date('2026-11-04T02:00:00Z'))
  })

  it('finds the assignment of an event on an assignment, a status update or a comment, and none for a malformed id', async () => {
    const byAction = Object.fromEntries((await auditEventPage({ from: '2026-11-01' }, 1)).events.map((e) => [e.action, e.assignment]))
    const assignment = { unitCode: 'minh-cam', taskCode: 'sap-xep' }
    expect(byAction['statusUpdate.create']).toEqual({ ...assignment, updateId: null })
    expect(byAction['comment.create']).toEqual({ ...assignment, updateId: null })
    expect(byAction['statusUpdate.review']).toEqual({ ...assignment, updateId: ids.statusUpdate })
    expect(byAction['statusUpdate.create.refused']).toBeNull()
    expect(byAction['auth.sign_in']).toBeNull()
  })
})

describe('auditEntities', () => {
  it('names each kind of record stored once', async () => {
    expect((await auditEntities()).sort()).toEqual(['Assignment', 'Comment', 'StatusUpdate', 'User', 'overview'].sort())
  })
})

describe('auditUsers', () => {
  it('offers every account by display name', async () => {
    expect((await auditUsers(ADMIN))?.map((u) => u.username)).toEqual(['khong-dung', 'minh-cam', 'bi-thu'])
  })

  it('offers none when there are more accounts than it lists', async () => {
    expect((await auditUsers(ADMIN, 3))?.length).toBe(3)
    expect(await auditUsers(ADMIN, 2)).toBeNull()
  })
})

describe('the audit trail in the database', () => {
  it('refuses to change, delete or truncate an event, whoever asks', async () => {
    const d = database.db
    const first = await d.auditEvent.findFirstOrThrow({ orderBy: { id: 'asc' } })
    await expect(d.$executeRaw`UPDATE "AuditEvent" SET action = 'forged' WHERE id = ${first.id}`).rejects.toThrow(/append-only; UPDATE refused/)
    await expect(d.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${first.id}`).rejects.toThrow(/append-only; DELETE refused/)
    await expect(d.auditEvent.update({ where: { id: first.id }, data: { ip: null } })).rejects.toThrow(/append-only/)
    await expect(d.auditEvent.deleteMany({})).rejects.toThrow(/append-only/)
    await expect(d.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only; TRUNCATE refused/)
    await expect(d.$executeRaw`TRUNCATE "StatusUpdate" CASCADE`).rejects.toThrow(/append-only; TRUNCATE refused/)
    expect(await d.auditEvent.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first)
    expect(await d.auditEvent.count()).toBe(EXPORTS + 6)
  })
})

describe('actions renamed since they were stored', () => {
  it('finds the rows stored under the former name with the current one, refusals with refusals', async () => {
    const d = database.db
    const at = new Date('2025-06-01T02:00:00Z')
    await d.auditEvent.createMany({
      data: [
        { createdAt: at, action: 'user.reset_password.refused', entity: 'User', entityId: 'x' },
        { createdAt: at, action: 'user.password_reset.refused', entity: 'User', entityId: 'y' },
        { createdAt: at, action: 'user.password_reset', entity: 'User', entityId: 'z' },
      ],
    })
    const filter = { action: 'user.password_reset.refused', to: '2025-06-30' }
    expect((await auditEventPage(filter, 1)).events.map((e) => e.entityId).sort()).toEqual(['x', 'y'])
    expect(await actions({ action: 'user.password_reset', to: '2025-06-30' })).toEqual(['user.password_reset'])
  })
})
