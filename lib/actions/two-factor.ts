// Two-factor authentication of one's own account: enrol (a new secret, confirmed with a code from
// the app, then ten recovery codes shown once), new recovery codes, turning it off. Changing an
// enrolled second factor asks for a current code, and wrong codes count towards the sign-in lock:
// a session left open must not become a way to take the account over.
import 'server-only'
import { db } from '@/lib/db'
import { recordSignInFailed } from '@/lib/audit/auth-events'
import { allows } from '@/lib/auth/permissions'
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes'
import { endAllSessions } from '@/lib/auth/sessions'
import { lockedUntil, recordFailure } from '@/lib/auth/throttle'
import { generateSecret, matchingStep } from '@/lib/auth/totp'
import { recordAudit } from '@/lib/audit/record'
import { accountForAdmin } from './admin/core'
import type { ActionContext } from './context'

export type TwoFactorProblem = 'codeRequired' | 'codeInvalid'

export type TwoFactorResult =
  | { kind: 'invalid'; problem: TwoFactorProblem }
  | { kind: 'locked'; until: Date }
  /** Not possible in the account's state (already on, not started, required for administrators). */
  | { kind: 'notFound' }
  | { kind: 'done'; recoveryCodes?: string[] }

const securitySelect = { id: true, username: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } as const

/** Starts enrolment: a new secret, not in force until confirmed with a code. Starting again replaces it. */
export async function startEnrolment(context: ActionContext): Promise<{ kind: 'notFound' } | { kind: 'started' }> {
  const started = await db().user.updateMany({ where: { id: context.actor.id, totpEnabledAt: null }, data: { totpSecret: generateSecret() } })
  return started.count === 1 ? { kind: 'started' } : { kind: 'notFound' }
}

/** Confirms enrolment with a code from the app; turns two-factor authentication on and makes the recovery codes. */
/** `code`: as read by lib/validation/two-factor.ts, null when none was typed. */
export async function confirmEnrolment(context: ActionContext, code: string | null): Promise<TwoFactorResult> {
  if (!code) return { kind: 'invalid', problem: 'codeRequired' }
  const user = await db().user.findUnique({ where: { id: context.actor.id }, select: securitySelect })
  if (!user?.totpSecret || user.totpEnabledAt) return { kind: 'notFound' }
  const step = matchingStep(user.totpSecret, code, context.now, null)
  if (step === null) return { kind: 'invalid', problem: 'codeInvalid' }
  const recoveryCodes = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: context.now, totpLastStep: step } })
    await recordAudit(tx, context, { action: 'auth.two_factor_enabled', entity: 'User', entityId: user.id })
    return replaceRecoveryCodes(tx, user.id, context.now)
  })
  return { kind: 'done', recoveryCodes }
}

/** A current code of an enrolled account, used up like a sign-in code; wrong ones count towards the lock. */
async function checkCurrentCode(context: ActionContext, code: string | null): Promise<TwoFactorResult | { kind: 'valid'; userId: string }> {
  if (!code) return { kind: 'invalid', problem: 'codeRequired' }
  const user = await db().user.findUnique({ where: { id: context.actor.id }, select: securitySelect })
  if (!user?.totpSecret || !user.totpEnabledAt) return { kind: 'notFound' }
  const until = await lockedUntil(user.username, context.ip, context.now)
  if (until) return { kind: 'locked', until }
  const step = matchingStep(user.totpSecret, code, context.now, user.totpLastStep)
  const taken =
    step !== null &&
    (await db().user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } })).count === 1
  if (taken) return { kind: 'valid', userId: user.id }
  await recordSignInFailed(user.id, 'wrong_code', context.ip, context.now)
  const failure = await recordFailure({ username: user.username, userId: user.id, ip: context.ip, factor: 'CODE', now: context.now })
  return failure.lockedUntil ? { kind: 'locked', until: failure.lockedUntil } : { kind: 'invalid', problem: 'codeInvalid' }
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(context: ActionContext, code: string | null): Promise<TwoFactorResult> {
  const checked = await checkCurrentCode(context, code)
  if (checked.kind !== 'valid') return checked
  const recoveryCodes = await db().$transaction(async (tx) => {
    await recordAudit(tx, context, { action: 'auth.recovery_codes_replaced', entity: 'User', entityId: checked.userId })
    return replaceRecoveryCodes(tx, checked.userId, context.now)
  })
  return { kind: 'done', recoveryCodes }
}

/** Turns two-factor authentication off, for those the rule table lets (administrators must keep it). */
export async function disableTwoFactor(context: ActionContext, code: string | null): Promise<TwoFactorResult> {
  if (!allows(context.actor, 'twoFactor.turnOff')) return { kind: 'notFound' }
  const checked = await checkCurrentCode(context, code)
  if (checked.kind !== 'valid') return checked
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: checked.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } })
    await tx.recoveryCode.deleteMany({ where: { userId: checked.userId } })
    await recordAudit(tx, context, { action: 'auth.two_factor_disabled', entity: 'User', entityId: checked.userId })
  })
  return { kind: 'done' }
}

/**
 * An administrator takes two-factor authentication off a user who lost their phone and their
 * recovery codes (for the administration screens): the user's sessions end, and an administrator
 * so reset must enrol again at the next sign-in.
 */
export async function resetTwoFactor(context: ActionContext, userId: string): Promise<{ kind: 'notFound' } | { kind: 'reset' }> {
  const user = await accountForAdmin(context, 'user.two_factor_reset', userId)
  if (!user) return { kind: 'notFound' }
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } })
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } })
    await endAllSessions(tx, user.id, context.now)
    await recordAudit(tx, context, { action: 'user.two_factor_reset', entity: 'User', entityId: user.id })
  })
  return { kind: 'reset' }
}
