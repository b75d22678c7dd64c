import { unitPageHref } from '@/lib/domain/paths'
import type { Role } from './roles'
import { allows } from './rules'

/** The account pages (the user's own settings). */
export const accountHref = '/account'
export const passwordHref = '/account/password'
/** The password page saying the change is done. */
export const passwordChangedHref = `${passwordHref}?changed=1`
export const twoFactorHref = '/account/two-factor'

/** Where a user starts: staff on their own unit's page, leaders and administrators on the district overview. */
export function landingPath(user: { role: Role; unit: { code: string } }): string {
  return allows(user, 'overview.read') ? '/' : unitPageHref(user.unit.code)
}

/** What a signed-in user must do before anything else. */
export type PendingStep = 'changePassword' | 'enrolTwoFactor'

export type AccountSecurity = { role: Role; mustChangePassword: boolean; totpEnabledAt: Date | null }

/** A password an administrator reset must be replaced first; who may not turn two-factor authentication off must enrol. */
export function pendingStep(user: AccountSecurity): PendingStep | null {
  if (user.mustChangePassword) return 'changePassword'
  if (!allows(user, 'twoFactor.turnOff') && !user.totpEnabledAt) return 'enrolTwoFactor'
  return null
}

export function pendingStepHref(step: PendingStep): string {
  return step === 'changePassword' ? passwordHref : twoFactorHref
}

/** Where a user goes right after signing in. */
export function afterSignInPath(user: AccountSecurity & { unit: { code: string } }): string {
  const step = pendingStep(user)
  return step ? pendingStepHref(step) : landingPath(user)
}
