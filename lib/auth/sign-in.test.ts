import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { hashPassword } from './password'
import { replaceRecoveryCodes } from './recovery-codes'
import { checkPassword, checkSecondFactor, issueChallenge, openSession } from './sign-in'
import { generateSecret, totp } from './totp'

const database = testDatabase()
const password = 'mat-khau-thu-nghiem'
const NOW = new Date('2026-11-28T03:00:00Z')
let unitId: string
let minhCam: { id: string }
let retired: { id: string }

beforeAll(async () => {
  unitId = (await database.db.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })).id
  const passwordHash = await hashPassword(password)
  minhCam = await database.db.user.create({
    data: { username: 'minh-cam', displayName: 'Cán bộ Minh Cầm', passwordHash, role: 'STAFF', unitId },
  })
  retired = await database.db.user.create({
    data: { username: 'da-nghi', displayName: 'Cán bộ đã nghỉ', passwordHash, role: 'STAFF', unitId, active: false },
  })
})

afterAll(async () => {
  await db().$disconnect()
})

const lastAudit = () => database.db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })

/** A user of Minh Cầm with two-factor authentication on. */
async function enrolledUser(username: string) {
  const secret = generateSecret()
  const user = await database.db.user.create({
    data: { username, displayName: 'Cán bộ dùng mã', passwordHash: await hashPassword(password), role: 'LEADER', unitId, totpSecret: secret, totpEnabledAt: NOW },
  })
  return { ...user, secret }
}

describe('checkPassword', () => {
  it('lets staff of Minh Cầm through with the right password, typed in capitals with spaces, to a challenge that opens a session', async () => {
    const step = await checkPassword({ username: '  MINH-CAM ', password }, '203.113.1.7', NOW)
    expect(step).toMatchObject({ kind: 'passed', userId: minhCam.id })
    if (step.kind !== 'passed') throw new Error('not passed')
    const opened = await openSession({ challenge: step.challenge }, '203.113.1.7', NOW)
    expect(opened).toMatchObject({ id: minhCam.id, name: 'Cán bộ Minh Cầm', sessionVersion: 0 })
    expect(await lastAudit()).toMatchObject({
      action: 'auth.sign_in',
      actorId: minhCam.id,
      entity: 'User',
      entityId: minhCam.id,
      ip: '203.113.1.7',
      after: { sessionId: opened!.sessionId },
    })
    const session = await database.db.userSession.findUniqueOrThrow({ where: { id: opened!.sessionId } })
    expect(session).toMatchObject({ userId: minhCam.id, createdAt: NOW, lastSeenAt: NOW, endedAt: null, ip: '203.113.1.7' })
    const user = await database.db.user.findUniqueOrThrow({ where: { id: minhCam.id } })
    expect(user.lastLoginAt).toEqual(NOW)
  })

  it('opens a new session, with a new identifier, at every sign-in; a challenge opens one session only', async () => {
    const first = await issueChallenge(minhCam.id, true, NOW)
    const a = await openSession({ challenge: first }, null, NOW)
    expect(await openSession({ challenge: first }, null, NOW)).toBeNull()
    const b = await openSession({ challenge: await issueChallenge(minhCam.id, true, NOW) }, null, NOW)
    expect(a?.sessionId).toBeTruthy()
    expect(b?.sessionId).toBeTruthy()
    expect(a?.sessionId).not.toBe(b?.sessionId)
  })

  it('refuses staff of Minh Cầm with a wrong password and audits the failure against the account', async () => {
    await expect(checkPassword({ username: 'minh-cam', password: `${password}-sai` }, null, NOW)).resolves.toEqual({ kind: 'refused' })
    expect(await lastAudit()).toMatchObject({
      action: 'auth.sign_in_failed',
      actorId: minhCam.id,
      entityId: minhCam.id,
      after: { reason: 'wrong_password' },
    })
  })

  it('refuses an unknown username and audits the failure with no actor', async () => {
    await expect(checkPassword({ username: 'khong-ton-tai', password }, null, NOW)).resolves.toEqual({ kind: 'refused' })
    expect(await lastAudit()).toMatchObject({ action: 'auth.sign_in_failed', actorId: null, entity: 'User', entityId: null, after: { reason: 'unknown_user' } })
  })

  it('refuses a deactivated account even with the right password', async () => {
    await expect(checkPassword({ username: 'da-nghi', password }, null, NOW)).resolves.toEqual({ kind: 'refused' })
    expect(await lastAudit()).toMatchObject({ actorId: retired.id, after: { reason: 'inactive' } })
  })

  it('refuses an empty password without looking anything up', async () => {
    const before = await database.db.auditEvent.count()
    await expect(checkPassword({ username: 'minh-cam', password: '' }, null, NOW)).resolves.toEqual({ kind: 'refused' })
    expect(await database.db.auditEvent.count()).toBe(before)
  })

  it('opens no session for a challenge whose second factor is still owed, nor for one too old', async () => {
    expect(await openSession({ challenge: await issueChallenge(minhCam.id, false, NOW) }, null, NOW)).toBeNull()
    const old = await issueChallenge(minhCam.id, true, NOW)
    expect(await openSession({ challenge: old }, null, new Date(NOW.getTime() + 5 * 60_000))).toBeNull()
    expect(await openSession({ challenge: 'made-up' }, null, NOW)).toBeNull()
  })

  it('keeps neither abandoned challenges nor sessions past their lifetime once the user signs in again', async () => {
    const user = await database.db.user.create({
      data: { username: 'don-dep', displayName: 'Cán bộ', passwordHash: await hashPassword(password), role: 'STAFF', unitId },
    })
    await issueChallenge(user.id, false, NOW)
    const old = await openSession({ challenge: await issueChallenge(user.id, true, NOW) }, null, NOW)
    const nextDay = new Date(NOW.getTime() + 24 * 60 * 60_000)
    const fresh = await openSession({ challenge: await issueChallenge(user.id, true, nextDay) }, null, nextDay)
    expect(await database.db.signInChallenge.count({ where: { userId: user.id } })).toBe(0)
    expect((await database.db.userSession.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([fresh!.sessionId])
    expect(old!.sessionId).not.toBe(fresh!.sessionId)
  })
})

describe('two-factor sign-in', () => {
  it('asks a user with two-factor authentication for a code after the right password, and the code from the app lets them in', async () => {
    const user = await enrolledUser('hai-lop-1')
    const step = await checkPassword({ username: 'hai-lop-1', password }, null, NOW)
    expect(step.kind).toBe('secondFactor')
    if (step.kind !== 'secondFactor') throw new Error('no second factor')
    // The password alone opens nothing.
    expect(await openSession({ challenge: step.challenge }, null, NOW)).toBeNull()
    const again = await checkPassword({ username: 'hai-lop-1', password }, null, NOW)
    if (again.kind !== 'secondFactor') throw new Error('no second factor')
    expect(await checkSecondFactor(again.challenge, totp(user.secret, NOW), null, NOW)).toEqual({ kind: 'passed', challenge: again.challenge, userId: user.id })
    expect(await openSession({ challenge: again.challenge }, null, NOW)).toMatchObject({ id: user.id })
  })

  it('refuses a wrong code, keeps the challenge for another try, and refuses a code used once already', async () => {
    const user = await enrolledUser('hai-lop-2')
    const first = await checkPassword({ username: 'hai-lop-2', password }, null, NOW)
    if (first.kind !== 'secondFactor') throw new Error('no second factor')
    expect(await checkSecondFactor(first.challenge, '000000', null, NOW)).toEqual({ kind: 'refused' })
    expect(await lastAudit()).toMatchObject({ action: 'auth.sign_in_failed', actorId: user.id, after: { reason: 'wrong_code' } })
    const code = totp(user.secret, NOW)
    expect((await checkSecondFactor(first.challenge, code, null, NOW)).kind).toBe('passed')

    const second = await checkPassword({ username: 'hai-lop-2', password }, null, NOW)
    if (second.kind !== 'secondFactor') throw new Error('no second factor')
    expect(await checkSecondFactor(second.challenge, code, null, NOW)).toEqual({ kind: 'refused' })
  })

  it('accepts each recovery code once, in any case and without the dash, and audits its use', async () => {
    const user = await enrolledUser('hai-lop-3')
    const codes = await database.db.$transaction((tx) => replaceRecoveryCodes(tx, user.id, NOW))
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    const stored = await database.db.recoveryCode.findMany({ where: { userId: user.id } })
    expect(stored.every((row) => row.codeHash.startsWith('$argon2id$') && !codes.some((code) => row.codeHash.includes(code)))).toBe(true)

    const first = await checkPassword({ username: 'hai-lop-3', password }, null, NOW)
    if (first.kind !== 'secondFactor') throw new Error('no second factor')
    expect((await checkSecondFactor(first.challenge, codes[3]!.toUpperCase().replace('-', ''), null, NOW)).kind).toBe('passed')
    expect(await lastAudit()).toMatchObject({ action: 'auth.recovery_code_used', actorId: user.id })

    const second = await checkPassword({ username: 'hai-lop-3', password }, null, NOW)
    if (second.kind !== 'secondFactor') throw new Error('no second factor')
    expect(await checkSecondFactor(second.challenge, codes[3]!, null, NOW)).toEqual({ kind: 'refused' })
    expect((await checkSecondFactor(second.challenge, codes[4]!, null, NOW)).kind).toBe('passed')
    expect(await database.db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(2)
  })

  it('counts wrong codes on their own: a right password in between forgives none, and the fifth locks the sign-in whatever the address', async () => {
    const user = await enrolledUser('hai-lop-5')
    const wrongCodes = async (count: number, from: number) => {
      const step = await checkPassword({ username: 'hai-lop-5', password }, `198.51.100.${from}`, NOW)
      if (step.kind !== 'secondFactor') throw new Error(`no second factor: ${step.kind}`)
      const answers = []
      for (let i = 0; i < count; i++) answers.push(await checkSecondFactor(step.challenge, '000000', `198.51.100.${from + i}`, NOW))
      return { challenge: step.challenge, answers }
    }
    expect((await wrongCodes(4, 10)).answers).toEqual(Array(4).fill({ kind: 'refused' }))
    const again = await wrongCodes(1, 20)
    expect(again.answers).toEqual([{ kind: 'locked', until: new Date(NOW.getTime() + 15 * 60_000) }])
    // Locked: the right code and the right password wait too.
    expect((await checkSecondFactor(again.challenge, totp(user.secret, NOW), '198.51.100.30', NOW)).kind).toBe('locked')
    expect((await checkPassword({ username: 'hai-lop-5', password }, '198.51.100.31', NOW)).kind).toBe('locked')
  })

  it('forgives wrong codes only when a sign-in is complete', async () => {
    const user = await enrolledUser('hai-lop-6')
    const first = await checkPassword({ username: 'hai-lop-6', password }, null, NOW)
    if (first.kind !== 'secondFactor') throw new Error('no second factor')
    for (let i = 0; i < 4; i++) await checkSecondFactor(first.challenge, '000000', null, NOW)
    expect((await checkSecondFactor(first.challenge, totp(user.secret, NOW), null, NOW)).kind).toBe('passed')
    const later = new Date(NOW.getTime() + 60_000)
    const second = await checkPassword({ username: 'hai-lop-6', password }, null, later)
    if (second.kind !== 'secondFactor') throw new Error('no second factor')
    for (let i = 0; i < 4; i++) expect(await checkSecondFactor(second.challenge, '000000', null, later)).toEqual({ kind: 'refused' })
  })

  it('sends a code for an unknown or too old challenge back to the start', async () => {
    const user = await enrolledUser('hai-lop-4')
    const step = await checkPassword({ username: 'hai-lop-4', password }, null, NOW)
    if (step.kind !== 'secondFactor') throw new Error('no second factor')
    const later = new Date(NOW.getTime() + 5 * 60_000)
    expect(await checkSecondFactor(step.challenge, totp(user.secret, later), null, later)).toEqual({ kind: 'expired' })
    expect(await checkSecondFactor('made-up', totp(user.secret, NOW), null, NOW)).toEqual({ kind: 'expired' })
  })
})
