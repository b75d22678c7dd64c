// Passwords and the account: changing one's own, an administrator's reset and unlock, sessions ended.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { checkPassword, issueChallenge, openSession } from '@/lib/auth/sign-in'
import { lockedUntil, recordFailure } from '@/lib/auth/throttle'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { signOutEverywhere, unlockAccount } from './account'
import { changePassword, resetPassword } from './password'
import { readPasswordForm } from '@/lib/validation/password'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const password = 'mat-khau-cu-dai'
let unitId: string
let admin: Actor
let leader: Actor

beforeAll(async () => {
  unitId = (await make.unit({ name: 'Xã Minh Cầm' })).id
  admin = await make.user({ role: 'ADMIN', unitId })
  leader = await make.user({ role: 'LEADER', unitId })
})

/** A staff account with a known password and one open session. */
async function staffWithSession() {
  const actor = await make.user({ role: 'STAFF', unitId })
  const user = await database.db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(password) } })
  const session = await openSession({ challenge: await issueChallenge(actor.id, true, NOW) }, null, NOW)
  return { actor, username: user.username, sessionId: session!.sessionId, sessionVersion: user.sessionVersion }
}

const context = (actor: Actor) => ({ actor, now: NOW, ip: '203.113.1.7' })
const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) => formData({ currentPassword, newPassword, confirmPassword })

describe('changePassword', () => {
  it('refuses, beside each field, a missing current password, a short or common new one, and a repeat that does not match; nothing changes', async () => {
    const { actor } = await staffWithSession()
    const before = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })
    expect(await changePassword(context(actor), readPasswordForm(change('', 'ngan-qua')).input)).toEqual({
      kind: 'invalid',
      problems: { currentPassword: 'currentPasswordRequired', newPassword: 'passwordTooShort' },
    })
    expect(await changePassword(context(actor), readPasswordForm(change(password, 'qwertyuiop')).input)).toEqual({ kind: 'invalid', problems: { newPassword: 'passwordCommon' } })
    expect(await changePassword(context(actor), readPasswordForm(change(password, 'suoi-ba-che-mua-lu', 'suoi-ba-che-mua-lu!')).input)).toEqual({
      kind: 'invalid',
      problems: { confirmPassword: 'confirmMismatch' },
    })
    expect(await changePassword(context(actor), readPasswordForm(change(password, password)).input)).toEqual({ kind: 'invalid', problems: { newPassword: 'passwordSameAsCurrent' } })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).toEqual(before)
  })

  it('refuses a wrong current password and counts it towards the sign-in lock', async () => {
    const { actor, username } = await staffWithSession()
    expect(await changePassword(context(actor), readPasswordForm(change('khong-phai-mat-khau', 'suoi-ba-che-mua-lu')).input)).toEqual({
      kind: 'invalid',
      problems: { currentPassword: 'currentPasswordWrong' },
    })
    expect(await database.db.signInFailure.count({ where: { username } })).toBe(1)
  })

  it('stores the new password, ends every session of the account (version bumped) and audits the change', async () => {
    const { actor, username, sessionId, sessionVersion } = await staffWithSession()
    expect(await changePassword(context(actor), readPasswordForm(change(password, 'suoi-ba-che-mua-lu')).input)).toEqual({ kind: 'changed', wasRequired: false })
    const user = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })
    expect(await verifyPassword(user.passwordHash, 'suoi-ba-che-mua-lu')).toBe(true)
    expect(user.sessionVersion).toBeGreaterThan(sessionVersion)
    expect((await database.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).endedAt).toEqual(NOW)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.password_changed', entityId: actor.id } })).toMatchObject({ actorId: actor.id, ip: '203.113.1.7' })
    expect((await checkPassword({ username, password: 'suoi-ba-che-mua-lu' }, null, NOW)).kind).toBe('passed')
  })
})

describe('resetPassword', () => {
  it('gives the administrator a temporary password that signs the user in once to change it, and ends the user’s sessions', async () => {
    const { actor, username, sessionId } = await staffWithSession()
    const result = await resetPassword(context(admin), actor.id)
    if (result.kind !== 'reset') throw new Error('not reset')
    expect(result.temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    const user = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })
    expect(user.mustChangePassword).toBe(true)
    expect((await database.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).endedAt).toEqual(NOW)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.password_reset', entityId: actor.id } })).toMatchObject({ actorId: admin.id })
    expect((await checkPassword({ username, password: result.temporaryPassword }, null, NOW)).kind).toBe('passed')

    // The required change clears the flag.
    expect(await changePassword(context(actor), readPasswordForm(change(result.temporaryPassword, 'suoi-ba-che-mua-lu')).input)).toEqual({ kind: 'changed', wasRequired: true })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).mustChangePassword).toBe(false)
  })

  it('is refused to a leader like a missing user, audited, and changes nothing', async () => {
    const { actor } = await staffWithSession()
    const before = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })
    expect(await resetPassword(context(leader), actor.id)).toEqual({ kind: 'notFound' })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).toEqual(before)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.password_reset.refused', entityId: actor.id } })).toMatchObject({ actorId: leader.id })
    expect(await resetPassword(context(admin), '00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'notFound' })
    expect(await resetPassword(context(admin), 'not-an-id')).toEqual({ kind: 'notFound' })
  })
})

describe('unlockAccount', () => {
  it('lets an administrator lift a locked account at once, forgetting its failures, and audits it', async () => {
    const { actor, username } = await staffWithSession()
    for (let i = 0; i < 5; i++) await recordFailure({ username, userId: actor.id, ip: null, factor: 'PASSWORD', now: NOW })
    expect(await lockedUntil(username, null, NOW)).not.toBeNull()
    expect(await unlockAccount(context(leader), actor.id)).toEqual({ kind: 'notFound' })
    expect(await lockedUntil(username, null, NOW)).not.toBeNull()
    expect(await unlockAccount(context(admin), actor.id)).toEqual({ kind: 'unlocked', locksLifted: 1 })
    expect(await lockedUntil(username, null, NOW)).toBeNull()
    expect(await database.db.signInFailure.count({ where: { username } })).toBe(0)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.unlocked', entityId: actor.id } })).toMatchObject({ actorId: admin.id, after: { locksLifted: 1 } })
  })
})

describe('sessions ended by the account changing', () => {
  it('sign out everywhere ends every session of the user and bumps the version; others’ sessions stand', async () => {
    const mine = await staffWithSession()
    const second = await openSession({ challenge: await issueChallenge(mine.actor.id, true, NOW) }, null, NOW)
    const someoneElse = await staffWithSession()
    await signOutEverywhere(context(mine.actor))
    const ended = await database.db.userSession.findMany({ where: { id: { in: [mine.sessionId, second!.sessionId] } } })
    expect(ended.map((s) => s.endedAt)).toEqual([NOW, NOW])
    expect((await database.db.user.findUniqueOrThrow({ where: { id: mine.actor.id } })).sessionVersion).toBe(mine.sessionVersion + 1)
    expect((await database.db.userSession.findUniqueOrThrow({ where: { id: someoneElse.sessionId } })).endedAt).toBeNull()
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.sign_out_everywhere', actorId: mine.actor.id } })).toBeTruthy()
  })

  it('the database bumps the session version when an account is deactivated or its role or unit changes, whoever writes it', async () => {
    const { actor, sessionVersion } = await staffWithSession()
    const version = async () => (await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion
    await database.db.user.update({ where: { id: actor.id }, data: { displayName: 'Tên mới' } })
    expect(await version()).toBe(sessionVersion)
    await database.db.user.update({ where: { id: actor.id }, data: { role: 'LEADER' } })
    expect(await version()).toBe(sessionVersion + 1)
    await database.db.user.update({ where: { id: actor.id }, data: { unitId: (await make.unit()).id } })
    expect(await version()).toBe(sessionVersion + 2)
    await database.db.user.update({ where: { id: actor.id }, data: { active: false } })
    expect(await version()).toBe(sessionVersion + 3)
  })
})
