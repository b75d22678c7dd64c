// The Party Office (role OFFICE) runs the reporting calendar, but confirms no report and manages
// no account: the refusals answer like a missing record, change nothing and are audited.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { readReviewForm } from '@/lib/validation/review'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { createPeriod, lockPeriod, unlockPeriod } from './admin/periods'
import { adminValues } from './admin/test-form'
import { createUser } from './admin/users'
import { recordReview } from './review'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const as = (actor: Actor) => ({ actor, now: NOW, ip: '198.51.100.7' })

let office: Actor
let commune: string

beforeAll(async () => {
  office = await make.user({ role: 'OFFICE', unitId: (await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })).id })
  commune = (await make.unit({ name: 'Xã Minh Cầm' })).id
})

const refusals = (action: string, entityId: string | null) => database.db.auditEvent.count({ where: { actorId: office.id, action: `${action}.refused`, entityId } })

test('the office creates a period, locks it, and unlocks it with a reason that the audit row keeps', async () => {
  const created = await createPeriod(as(office), adminValues({ code: 'so-ket-vp', name: 'Sơ kết 6 tháng', kind: 'INTERIM', startDate: '01/01/2026', endDate: '30/06/2026' }))
  expect(created).toMatchObject({ kind: 'saved' })
  const id = created.kind === 'saved' ? created.id : ''

  expect(await lockPeriod(as(office), adminValues({ id }))).toMatchObject({ kind: 'saved' })
  expect((await database.db.reportingPeriod.findUniqueOrThrow({ where: { id } })).lockedAt).toEqual(NOW)

  expect(await unlockPeriod(as(office), adminValues({ id, reason: 'Xã Minh Cầm gửi bổ sung số liệu' }))).toMatchObject({ kind: 'saved' })
  expect((await database.db.reportingPeriod.findUniqueOrThrow({ where: { id } })).lockedAt).toBeNull()
  const trail = await database.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, after: true } })
  expect(trail.map((e) => [e.action, e.actorId])).toEqual([
    ['reportingPeriod.create', office.id],
    ['reportingPeriod.lock', office.id],
    ['reportingPeriod.unlock', office.id],
  ])
  expect(trail.at(-1)?.after).toEqual({ lockedAt: null, reason: 'Xã Minh Cầm gửi bổ sung số liệu' })
})

test('the office cannot confirm a report: not found, still waiting, and audited', async () => {
  const assignment = await make.assignment({ taskId: (await make.task({ groupId: (await make.group()).id })).id, unitId: commune })
  const staff = await make.user({ role: 'STAFF', unitId: commune })
  const update = await database.db.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: staff.id, status: 'DONE', progress: 100 } })

  const result = await recordReview(as(office), readReviewForm(formData({ updateId: update.id, decision: 'CONFIRM' })).input)
  expect(result.kind).toBe('notFound')
  expect(await database.db.statusUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ reviewState: 'PENDING', reviewedById: null })
  expect(await refusals('statusUpdate.review', update.id)).toBe(1)
})

test('the office cannot make an account: not found, no account, and audited', async () => {
  const username = `vp-${randomUUID().slice(0, 8)}`
  const result = await createUser(as(office), adminValues({ username, displayName: 'Cán bộ mới', role: 'OFFICE', unitId: commune, password: 'Ba-Che-2026-xuan' }))
  expect(result).toEqual({ kind: 'notFound' })
  expect(await database.db.user.count({ where: { username } })).toBe(0)
  expect(await refusals('user.create', null)).toBe(1)
})
