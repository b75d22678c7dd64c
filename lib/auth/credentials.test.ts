import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { verifyCredentials } from './credentials'
import { hashPassword } from './password'

const database = testDatabase()
const password = 'mat-khau-thu-nghiem'
let minhCam: { id: string }
let retired: { id: string }

beforeAll(async () => {
  const unit = await database.db.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })
  const passwordHash = await hashPassword(password)
  minhCam = await database.db.user.create({
    data: { username: 'minh-cam', displayName: 'Cán bộ Minh Cầm', passwordHash, role: 'STAFF', unitId: unit.id },
  })
  retired = await database.db.user.create({
    data: { username: 'da-nghi', displayName: 'Cán bộ đã nghỉ', passwordHash, role: 'STAFF', unitId: unit.id, active: false },
  })
})

afterAll(async () => {
  await db().$disconnect()
})

const lastAudit = () => database.db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })

describe('verifyCredentials', () => {
  it('lets staff of Minh Cầm in with the right password, typed in capitals with spaces, and audits it with the address', async () => {
    await expect(verifyCredentials({ username: '  MINH-CAM ', password }, '203.113.1.7')).resolves.toEqual({
      id: minhCam.id,
      name: 'Cán bộ Minh Cầm',
    })
    expect(await lastAudit()).toMatchObject({
      action: 'auth.sign_in',
      actorId: minhCam.id,
      entity: 'User',
      entityId: minhCam.id,
      ip: '203.113.1.7',
    })
    const user = await database.db.user.findUniqueOrThrow({ where: { id: minhCam.id } })
    expect(user.lastLoginAt).not.toBeNull()
  })

  it('refuses staff of Minh Cầm with a wrong password and audits the failure against the account', async () => {
    await expect(verifyCredentials({ username: 'minh-cam', password: `${password}-sai` }, null)).resolves.toBeNull()
    expect(await lastAudit()).toMatchObject({
      action: 'auth.sign_in_failed',
      actorId: minhCam.id,
      entityId: minhCam.id,
      after: { reason: 'wrong_password' },
    })
  })

  it('refuses an unknown username and audits the failure with no actor', async () => {
    await expect(verifyCredentials({ username: 'khong-ton-tai', password }, null)).resolves.toBeNull()
    expect(await lastAudit()).toMatchObject({
      action: 'auth.sign_in_failed',
      actorId: null,
      entity: 'User',
      entityId: null,
      after: { reason: 'unknown_user' },
    })
  })

  it('refuses a deactivated account even with the right password', async () => {
    await expect(verifyCredentials({ username: 'da-nghi', password }, null)).resolves.toBeNull()
    expect(await lastAudit()).toMatchObject({ actorId: retired.id, after: { reason: 'inactive' } })
  })

  it('refuses an empty password without looking anything up', async () => {
    const before = await database.db.auditEvent.count()
    await expect(verifyCredentials({ username: 'minh-cam', password: '' }, null)).resolves.toBeNull()
    expect(await database.db.auditEvent.count()).toBe(before)
  })
})
