// Two-factor authentication of one's own account: enrolment, recovery codes, turning it off.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { totp } from '@/lib/auth/totp'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, resetTwoFactor, startEnrolment } from './two-factor'
import { readCodeForm } from '@/lib/validation/two-factor'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')
const LATER = new Date(NOW.getTime() + 60_000)
let unitId: string

beforeAll(async () => {
  unitId = (await make.unit({ name: 'Xã Thanh Lâm' })).id
})

const context = (actor: Actor, now = NOW) => ({ actor, now, ip: null })
const secretOf = async (actor: Actor) => (await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpSecret!

/** A user who has enrolled, with the secret their app holds. */
async function enrolled(role: 'STAFF' | 'ADMIN') {
  const actor = await make.user({ role, unitId })
  await startEnrolment(context(actor))
  const secret = await secretOf(actor)
  const result = await confirmEnrolment(context(actor), readCodeForm(formData({ code: totp(secret, NOW) })).input)
  if (result.kind !== 'done') throw new Error('not enrolled')
  return { actor, secret, recoveryCodes: result.recoveryCodes! }
}

describe('enrolment', () => {
  it('turns two-factor authentication on only once a code from the new secret is typed, then shows ten recovery codes and audits it', async () => {
    const actor = await make.user({ role: 'LEADER', unitId })
    expect(await startEnrolment(context(actor))).toEqual({ kind: 'started' })
    const secret = await secretOf(actor)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(await confirmEnrolment(context(actor), readCodeForm(formData({ code: '' })).input)).toEqual({ kind: 'invalid', problem: 'codeRequired' })
    expect(await confirmEnrolment(context(actor), readCodeForm(formData({ code: '000000' })).input)).toEqual({ kind: 'invalid', problem: 'codeInvalid' })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpEnabledAt).toBeNull()

    const result = await confirmEnrolment(context(actor), readCodeForm(formData({ code: totp(secret, NOW) })).input)
    expect(result.kind).toBe('done')
    if (result.kind !== 'done') return
    expect(result.recoveryCodes).toHaveLength(10)
    expect((await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpEnabledAt).toEqual(NOW)
    expect(await database.db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } })).toBe(10)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.two_factor_enabled', entityId: actor.id } })).toMatchObject({ actorId: actor.id })
    // Once on, enrolment cannot be started over without turning it off.
    expect(await startEnrolment(context(actor))).toEqual({ kind: 'notFound' })
    expect(await secretOf(actor)).toBe(secret)
  })
})

describe('recovery codes and turning it off', () => {
  it('replaces the recovery codes only with a current code, each code used once', async () => {
    const { actor, secret, recoveryCodes } = await enrolled('STAFF')
    const before = await database.db.recoveryCode.findMany({ where: { userId: actor.id } })
    expect(await regenerateRecoveryCodes(context(actor, LATER), readCodeForm(formData({ code: '123456' })).input)).toEqual({ kind: 'invalid', problem: 'codeInvalid' })
    // The code that confirmed the enrolment is spent.
    expect(await regenerateRecoveryCodes(context(actor, LATER), readCodeForm(formData({ code: totp(secret, NOW) })).input)).toEqual({ kind: 'invalid', problem: 'codeInvalid' })
    const result = await regenerateRecoveryCodes(context(actor, new Date(NOW.getTime() + 30_000)), readCodeForm(formData({ code: totp(secret, new Date(NOW.getTime() + 30_000)) })).input)
    expect(result.kind).toBe('done')
    if (result.kind !== 'done') return
    expect(result.recoveryCodes).toHaveLength(10)
    expect(result.recoveryCodes!.some((code) => recoveryCodes.includes(code))).toBe(false)
    const after = await database.db.recoveryCode.findMany({ where: { userId: actor.id } })
    expect(after.map((row) => row.id).some((id) => before.some((old) => old.id === id))).toBe(false)
  })

  it('lets staff turn it off with a current code, and audits it', async () => {
    const { actor, secret } = await enrolled('STAFF')
    const later = new Date(NOW.getTime() + 30_000)
    expect(await disableTwoFactor(context(actor, later), readCodeForm(formData({ code: totp(secret, later) })).input)).toEqual({ kind: 'done' })
    const user = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })
    expect([user.totpSecret, user.totpEnabledAt, user.totpLastStep]).toEqual([null, null, null])
    expect(await database.db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.two_factor_disabled', entityId: actor.id } })).toBeTruthy()
  })

  it('never lets an administrator turn it off', async () => {
    const { actor, secret } = await enrolled('ADMIN')
    const later = new Date(NOW.getTime() + 30_000)
    expect(await disableTwoFactor(context(actor, later), readCodeForm(formData({ code: totp(secret, later) })).input)).toEqual({ kind: 'notFound' })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpEnabledAt).toEqual(NOW)
  })
})

describe('resetTwoFactor', () => {
  it('lets an administrator take two-factor authentication off a user who lost their phone, ending their sessions; a leader is refused', async () => {
    const admin = await make.user({ role: 'ADMIN', unitId })
    const leader = await make.user({ role: 'LEADER', unitId })
    const { actor } = await enrolled('STAFF')
    const before = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })

    expect(await resetTwoFactor(context(leader), actor.id)).toEqual({ kind: 'notFound' })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).toEqual(before)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.two_factor_reset.refused', entityId: actor.id } })).toMatchObject({ actorId: leader.id })

    expect(await resetTwoFactor(context(admin), actor.id)).toEqual({ kind: 'reset' })
    const after = await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })
    expect([after.totpSecret, after.totpEnabledAt]).toEqual([null, null])
    expect(after.sessionVersion).toBe(before.sessionVersion + 1)
    expect(await database.db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.two_factor_reset', entityId: actor.id } })).toMatchObject({ actorId: admin.id })
    expect(await resetTwoFactor(context(admin), 'not-an-id')).toEqual({ kind: 'notFound' })
  })
})
