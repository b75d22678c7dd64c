// Reporting periods: create, lock, unlock with a reason kept in the audit trail.
import { beforeAll, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { createPeriod, lockPeriod, unlockPeriod } from './periods'
import { adminValues } from './test-form'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const as = (actor: Actor) => ({ actor, now: NOW, ip: null })

let admin: Actor
let staff: Actor

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  staff = await make.user({ role: 'STAFF', unitId: (await make.unit()).id })
})

test('an administrator creates a period, locks it, and unlocks it with a reason that the audit row keeps', async () => {
  const created = await createPeriod(as(admin), adminValues({ code: 'so-ket-2026', name: 'Sơ kết năm 2026', kind: 'INTERIM', startDate: '01/01/2026', endDate: '2026-12-31' }))
  expect(created).toMatchObject({ kind: 'saved' })
  const id = created.kind === 'saved' ? created.id : ''
  expect(await database.db.reportingPeriod.findUniqueOrThrow({ where: { id } })).toMatchObject({ startDate: new Date('2026-01-01T00:00:00Z'), endDate: new Date('2026-12-31T00:00:00Z'), lockedAt: null })

  expect(await lockPeriod(as(admin), adminValues({ id }))).toMatchObject({ kind: 'saved' })
  expect((await database.db.reportingPeriod.findUniqueOrThrow({ where: { id } })).lockedAt).toEqual(NOW)
  expect(await lockPeriod(as(admin), adminValues({ id }))).toEqual({ kind: 'invalid', problems: { form: { code: 'alreadyLocked' } } })

  expect(await unlockPeriod(as(admin), adminValues({ id, reason: '  ' }))).toEqual({ kind: 'invalid', problems: { reason: { code: 'reasonRequired' } } })
  expect((await database.db.reportingPeriod.findUniqueOrThrow({ where: { id } })).lockedAt).toEqual(NOW)

  expect(await unlockPeriod(as(admin), adminValues({ id, reason: 'Bổ sung số liệu xã Đồn Đạc' }))).toMatchObject({ kind: 'saved' })
  expect((await database.db.reportingPeriod.findUniqueOrThrow({ where: { id } })).lockedAt).toBeNull()
  expect(await database.db.auditEvent.findFirst({ where: { action: 'reportingPeriod.unlock', entityId: id } })).toMatchObject({
    actorId: admin.id,
    before: { lockedAt: NOW.toISOString() },
    after: { lockedAt: null, reason: 'Bổ sung số liệu xã Đồn Đạc' },
  })
})

test('an end before the start, and a bad date, are refused beside their fields', async () => {
  const before = await database.db.reportingPeriod.count()
  expect(await createPeriod(as(admin), adminValues({ code: 'ky-sai', name: 'Sai', kind: 'FINAL', startDate: '01/06/2026', endDate: '31/05/2026' }))).toEqual({
    kind: 'invalid',
    problems: { endDate: { code: 'endBeforeStart' } },
  })
  expect(await createPeriod(as(admin), adminValues({ code: 'ky-sai', name: 'Sai', kind: 'FINAL', startDate: '32/01/2026', endDate: '' }))).toEqual({
    kind: 'invalid',
    problems: { startDate: { code: 'dateFormat' }, endDate: { code: 'dateRequired' } },
  })
  expect(await database.db.reportingPeriod.count()).toBe(before)
})

test('staff cannot lock or unlock: nothing changes and each refusal is audited', async () => {
  const period = await database.db.reportingPeriod.create({ data: { code: 'ky-khoa', name: 'Kỳ đã khóa', kind: 'INTERIM', startDate: new Date('2025-01-01'), endDate: new Date('2025-06-30'), lockedAt: NOW } })
  expect(await unlockPeriod(as(staff), adminValues({ id: period.id, reason: 'Muốn sửa' }))).toEqual({ kind: 'notFound' })
  expect(await createPeriod(as(staff), adminValues({ code: 'ky-trai-phep', name: 'X', kind: 'FINAL', startDate: '01/01/2026', endDate: '02/01/2026' }))).toEqual({ kind: 'notFound' })
  expect((await database.db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } })).lockedAt).toEqual(NOW)
  expect(await database.db.reportingPeriod.count({ where: { code: 'ky-trai-phep' } })).toBe(0)
  expect(await database.db.auditEvent.count({ where: { actorId: staff.id, action: { in: ['reportingPeriod.unlock.refused', 'reportingPeriod.create.refused'] } } })).toBe(2)
})
