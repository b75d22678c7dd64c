// The session every request checks, read in one query with its account and unit: what the check
// (session-check.ts) and the signed-in pages need, exactly as stored.
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { sessionWithUser } from './sessions'

const database = testDatabase()
const make = factories(() => database.db)

describe('sessionWithUser', () => {
  test('gives the session with its account, the account’s security state and its unit', async () => {
    const member = await make.member('Ủy viên phụ trách')
    const province = await make.unit({ name: 'Tỉnh Quảng Ninh', kind: 'PROVINCE' })
    const unit = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT', parentId: province.id })
    const leader = await make.user({ role: 'LEADER', unitId: unit.id, memberId: member.id, name: 'Bí thư Huyện ủy' })
    const enrolled = new Date('2026-11-01T02:00:00Z')
    const stored = await database.db.user.update({ where: { id: leader.id }, data: { mustChangePassword: true, totpEnabledAt: enrolled, sessionVersion: 3 } })
    const id = randomUUID()
    const [createdAt, lastSeenAt] = [new Date('2026-11-28T01:00:00.123Z'), new Date('2026-11-28T02:30:00.456Z')]
    await database.db.userSession.create({ data: { id, userId: leader.id, createdAt, lastSeenAt } })

    // The district is the account's scope root; the province above it would read every district.
    expect(await sessionWithUser(id)).toEqual({
      userId: leader.id,
      createdAt,
      lastSeenAt,
      endedAt: null,
      user: {
        id: leader.id,
        username: stored.username,
        displayName: 'Bí thư Huyện ủy',
        role: 'LEADER',
        unitId: unit.id,
        memberId: member.id,
        scopeUnitId: unit.id,
        active: true,
        sessionVersion: 3,
        mustChangePassword: true,
        totpEnabledAt: enrolled,
        unit: { code: unit.code, name: 'Huyện Ba Chẽ' },
      },
    })
  })

  test('shows an ended session and a deactivated account as they are, for the check to refuse', async () => {
    const unit = await make.unit()
    const staff = await make.user({ role: 'STAFF', unitId: unit.id })
    await database.db.user.update({ where: { id: staff.id }, data: { active: false } })
    const id = randomUUID()
    const endedAt = new Date('2026-11-28T03:00:00Z')
    await database.db.userSession.create({ data: { id, userId: staff.id, createdAt: endedAt, lastSeenAt: endedAt, endedAt } })
    expect(await sessionWithUser(id)).toMatchObject({ endedAt, user: { active: false, memberId: null, totpEnabledAt: null } })
  })

  test('an unknown session is null', async () => {
    expect(await sessionWithUser(randomUUID())).toBeNull()
  })
})
