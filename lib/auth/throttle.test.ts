import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { hashPassword } from './password'
import { checkPassword } from './sign-in'
import { failurePauseMs, FAILURE_WINDOW_MS, LOCK_DURATION_MS, lockedUntil, recordFailure } from './throttle'

const database = testDatabase()
const password = 'mat-khau-thu-nghiem'
const NOW = new Date('2026-11-28T03:00:00Z')
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
let user: { id: string; unitId: string }

beforeAll(async () => {
  const unit = await database.db.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE' } })
  user = await database.db.user.create({
    data: { username: 'dap-thanh', displayName: 'Cán bộ Đạp Thanh', passwordHash: await hashPassword(password), role: 'STAFF', unitId: unit.id },
  })
})

afterAll(async () => {
  await db().$disconnect()
})

/** A wrong password; the end of the lock it set, or null. */
const fail = async (username: string, ip: string | null, when: Date, userId: string | null = null) =>
  (await recordFailure({ username, userId, ip, factor: 'PASSWORD', now: when })).lockedUntil

describe('the sign-in throttle', () => {
  it('locks an account for 15 minutes at the fifth wrong password within 15 minutes, right password or not, and audits the lockout', async () => {
    for (let i = 0; i < 4; i++) {
      expect(await checkPassword({ username: 'dap-thanh', password: 'sai-mat-khau' }, `198.51.100.${i}`, at(i))).toEqual({ kind: 'refused' })
    }
    expect(await lockedUntil('dap-thanh', null, at(4))).toBeNull()
    expect(await checkPassword({ username: 'dap-thanh', password: 'sai-mat-khau' }, '198.51.100.4', at(4))).toEqual({ kind: 'locked', until: at(19) })
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.locked_out' }, orderBy: { id: 'desc' } })).toMatchObject({
      actorId: user.id,
      entity: 'User',
      entityId: user.id,
      after: { scope: 'account', until: at(19).toISOString() },
    })
    // Even the right password, from another address, waits.
    expect(await checkPassword({ username: 'dap-thanh', password }, '198.51.100.9', at(10))).toEqual({ kind: 'locked', until: at(19) })
    expect(await checkPassword({ username: 'dap-thanh', password }, '198.51.100.9', at(19))).toMatchObject({ kind: 'passed' })
  })

  it('locks a username that does not exist the same way, so a lock tells nothing about which accounts exist', async () => {
    for (let i = 0; i < 4; i++) await fail('khong-ton-tai', null, at(i))
    expect(await fail('khong-ton-tai', null, at(4))).toEqual(at(19))
    expect(await checkPassword({ username: 'khong-ton-tai', password }, null, at(5))).toEqual({ kind: 'locked', until: at(19) })
  })

  it('counts only failures within 15 minutes: spread-out mistakes lock nothing', async () => {
    for (let i = 0; i < 8; i++) expect(await fail('cham-chap', null, at(i * 4))).toBeNull()
    expect(await lockedUntil('cham-chap', null, at(40))).toBeNull()
    // Five within the window do.
    expect(await fail('cham-chap', null, at(30))).toEqual(at(30 + LOCK_DURATION_MS / 60_000))
    // Failures that no longer count are not kept.
    expect(await database.db.signInFailure.count({ where: { username: 'cham-chap' } })).toBe(5)
  })

  it('locks a client address only at its 50th failure within 15 minutes, on different usernames, without locking those usernames', async () => {
    const ip = '203.0.113.50'
    for (let i = 0; i < 49; i++) expect(await fail(`ten-${i}`, ip, at(i / 10))).toBeNull()
    expect(await fail('ten-49', ip, at(4))).toEqual(at(19))
    expect(await lockedUntil('ten-9', ip, at(5))).toEqual(at(19))
    expect(await lockedUntil('ten-0', '203.0.113.51', at(5))).toBeNull()
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.locked_out', entity: 'ClientAddress' }, orderBy: { id: 'desc' } })).toMatchObject({
      entityId: ip,
      after: { scope: 'address', until: at(19).toISOString() },
    })
  })

  it("locks one clerk's account at the sixth wrong password while a colleague behind the same office address signs in at once", async () => {
    const office = '203.0.113.80'
    const passwordHash = await hashPassword(password)
    await database.db.user.create({ data: { username: 'van-thu', displayName: 'Văn thư', passwordHash, role: 'STAFF', unitId: user.unitId } })
    const colleague = await database.db.user.create({ data: { username: 'ke-toan', displayName: 'Kế toán', passwordHash, role: 'STAFF', unitId: user.unitId } })
    for (let i = 0; i < 6; i++) await checkPassword({ username: 'van-thu', password: 'quen-mat-khau' }, office, at(i))
    expect(await lockedUntil('van-thu', office, at(6))).toEqual(at(19))
    const started = Date.now()
    expect(await checkPassword({ username: 'ke-toan', password }, office, at(6))).toMatchObject({ kind: 'passed', userId: colleague.id })
    // At once: a right password never waits for others' failures.
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("answers a username's repeated failures more and more slowly: nothing for the first two, then doubling", async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(failurePauseMs)).toEqual([0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000])
    const ip = '203.0.113.90'
    for (let i = 0; i < 3; i++) await fail('cham-nho', ip, at(i))
    // The fourth wrong password for the name waits half a second before its answer.
    const started = Date.now()
    expect(await checkPassword({ username: 'cham-nho', password: 'sai' }, ip, at(3))).toEqual({ kind: 'refused' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(500)
  })

  it('lifts the lock when it runs out, and the old failures no longer count', async () => {
    for (let i = 0; i < 5; i++) await fail('het-han', '203.0.113.60', at(i))
    expect(await lockedUntil('het-han', null, at(18))).toEqual(at(19))
    expect(await lockedUntil('het-han', null, at(19))).toBeNull()
    expect(await fail('het-han', '203.0.113.60', at(19 + FAILURE_WINDOW_MS / 60_000 - 15))).toBeNull()
  })

  it('keeps the lock across a restart: a new database client still sees it', async () => {
    for (let i = 0; i < 5; i++) await fail('khoi-dong-lai', '203.0.113.70', at(i))
    // What a restart of the app (or another instance) has: a new client, no state in memory.
    await db().$disconnect()
    ;(globalThis as { db?: unknown }).db = undefined
    expect(db()).not.toBe(database.db)
    expect(await lockedUntil('khoi-dong-lai', null, at(10))).toEqual(at(19))
  })
})
