import { describe, expect, it } from 'vitest'
import { factories } from '@/test/helpers/factories'
import { testDatabase } from '@/test/helpers/database'
import { accountTwoFactor } from './account'

const database = testDatabase()
const make = factories(() => database.db)

describe('accountTwoFactor', () => {
  it('of a user who never enrolled: off, no secret, no recovery codes', async () => {
    const unit = await make.unit()
    const user = await make.user({ role: 'STAFF', unitId: unit.id })
    expect(await accountTwoFactor(user.id)).toEqual({ totpEnabledAt: null, totpSecret: null, recoveryCodesLeft: 0 })
  })

  it('of an enrolled user: since when, the secret, and the recovery codes not used yet (3 of 10 used: 7)', async () => {
    const unit = await make.unit()
    const user = await make.user({ role: 'ADMIN', unitId: unit.id })
    const enabledAt = new Date('2026-11-20T02:00:00Z')
    await database.db.user.update({ where: { id: user.id }, data: { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: enabledAt } })
    await database.db.recoveryCode.createMany({
      data: Array.from({ length: 10 }, (_, n) => ({ userId: user.id, codeHash: `hash-${n}`, usedAt: n < 3 ? new Date('2026-11-25T02:00:00Z') : null })),
    })
    // Another user's codes are not counted.
    const other = await make.user({ role: 'STAFF', unitId: unit.id })
    await database.db.recoveryCode.create({ data: { userId: other.id, codeHash: 'hash-other' } })
    expect(await accountTwoFactor(user.id)).toEqual({ totpEnabledAt: enabledAt, totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodesLeft: 7 })
  })
})
