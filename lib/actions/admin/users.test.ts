// Accounts: create with an argon2id password, edit role/unit/member, deactivate.
import { beforeAll, expect, test } from 'vitest'
import { verifyPassword } from '@/lib/auth/password'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { setActive } from './active'
import { adminValues } from './test-form'
import { createUser, updateUser } from './users'

const database = testDatabase()
const make = factories(() => database.db)
const as = (actor: Actor) => ({ actor, now: new Date('2026-11-28T03:00:00Z'), ip: null })

let admin: Actor
let leader: Actor
let districtId: string
let communeId: string

beforeAll(async () => {
  districtId = (await make.unit({ kind: 'DISTRICT' })).id
  communeId = (await make.unit()).id
  admin = await make.user({ role: 'ADMIN', unitId: districtId })
  leader = await make.user({ role: 'LEADER', unitId: districtId, memberId: (await make.member()).id })
})

test('an administrator creates an account: the password is stored hashed, never in the audit row', async () => {
  const member = await make.member()
  const result = await createUser(as(admin), adminValues({ username: ' Pho.Bi-Thu ', displayName: 'Lê Văn Mới', role: 'LEADER', unitId: districtId, memberId: member.id, password: 'mat-khau-dai-du' }))
  expect(result).toMatchObject({ kind: 'saved', code: 'pho.bi-thu', created: true })
  const user = await database.db.user.findUniqueOrThrow({ where: { username: 'pho.bi-thu' } })
  expect(user).toMatchObject({ displayName: 'Lê Văn Mới', role: 'LEADER', unitId: districtId, memberId: member.id, active: true })
  expect(user.passwordHash).toMatch(/^\$argon2id\$/)
  expect(await verifyPassword(user.passwordHash, 'mat-khau-dai-du')).toBe(true)
  const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.create', entityId: user.id } })
  expect(JSON.stringify(audit.after)).not.toContain('argon2')
  expect(JSON.stringify(audit.after)).not.toContain('mat-khau')
})

test('a short password, a taken username and a member already linked are refused; nothing is written', async () => {
  const before = await database.db.user.count()
  expect(await createUser(as(admin), adminValues({ username: 'ngan', displayName: 'Ngắn', role: 'STAFF', unitId: communeId, password: 'ngan' }))).toEqual({
    kind: 'invalid',
    problems: { password: { code: 'passwordTooShort' } },
  })
  const existing = await database.db.user.findUniqueOrThrow({ where: { id: leader.id } })
  expect(await createUser(as(admin), adminValues({ username: existing.username, displayName: 'Trùng', role: 'STAFF', unitId: communeId, password: 'mat-khau-dai-du' }))).toEqual({
    kind: 'invalid',
    problems: { username: { code: 'usernameTaken' } },
  })
  expect(await createUser(as(admin), adminValues({ username: 'nguoi-khac', displayName: 'Khác', role: 'LEADER', unitId: districtId, memberId: leader.memberId!, password: 'mat-khau-dai-du' }))).toEqual({
    kind: 'invalid',
    problems: { memberId: { code: 'memberTaken' } },
  })
  expect(await database.db.user.count()).toBe(before)
})

test('editing role, unit and member is audited with before and after', async () => {
  const staff = await make.user({ role: 'STAFF', unitId: communeId })
  expect(await updateUser(as(admin), adminValues({ id: staff.id, displayName: 'Cán bộ chuyển', role: 'STAFF', unitId: districtId, memberId: '' }))).toMatchObject({ kind: 'saved' })
  expect(await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ unitId: districtId, displayName: 'Cán bộ chuyển' })
  expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.update', entityId: staff.id } })).toMatchObject({ before: { unitId: communeId }, after: { unitId: districtId } })
})

test('an administrator cannot deactivate their own account or drop their own role', async () => {
  expect(await setActive(as(admin), adminValues({ entity: 'User', id: admin.id, active: 'false' }))).toEqual({ kind: 'invalid', problems: { active: { code: 'notYourself' } } })
  expect(await updateUser(as(admin), adminValues({ id: admin.id, displayName: 'Quản trị', role: 'STAFF', unitId: districtId }))).toEqual({ kind: 'invalid', problems: { role: { code: 'notYourself' } } })
  expect(await database.db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: 'ADMIN', active: true })
})

test('deactivating an account keeps it, and it can be reactivated', async () => {
  const staff = await make.user({ role: 'STAFF', unitId: communeId })
  expect(await setActive(as(admin), adminValues({ entity: 'User', id: staff.id, active: 'false' }))).toMatchObject({ kind: 'saved', active: false })
  expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).active).toBe(false)
  await setActive(as(admin), adminValues({ entity: 'User', id: staff.id, active: 'true' }))
  expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).active).toBe(true)
})

test('a leader cannot create or promote accounts: nothing changes and the refusal is audited', async () => {
  const before = await database.db.user.count()
  expect(await createUser(as(leader), adminValues({ username: 'tu-tao', displayName: 'X', role: 'ADMIN', unitId: districtId, password: 'mat-khau-dai-du' }))).toEqual({ kind: 'notFound' })
  expect(await updateUser(as(leader), adminValues({ id: leader.id, displayName: 'X', role: 'ADMIN', unitId: districtId }))).toEqual({ kind: 'notFound' })
  expect(await database.db.user.count()).toBe(before)
  expect((await database.db.user.findUniqueOrThrow({ where: { id: leader.id } })).role).toBe('LEADER')
  expect(await database.db.auditEvent.count({ where: { actorId: leader.id, action: { in: ['user.create.refused', 'user.update.refused'] } } })).toBe(2)
})
