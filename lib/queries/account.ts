// The signed-in user's own two-factor authentication, for the account pages (/account and
// /account/two-factor). The secret is read only to show it while the user enrols.
import 'server-only'
import { db } from '@/lib/db'

export type AccountTwoFactor = {
  /** When two-factor authentication was turned on; null while it is off. */
  totpEnabledAt: Date | null
  /** The secret of an enrolment begun, or of the one in force; null before enrolment. */
  totpSecret: string | null
  /** Recovery codes not used yet. */
  recoveryCodesLeft: number
}

export async function accountTwoFactor(userId: string): Promise<AccountTwoFactor> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  })
  return { totpEnabledAt: user.totpEnabledAt, totpSecret: user.totpSecret, recoveryCodesLeft: user._count.recoveryCodes }
}
