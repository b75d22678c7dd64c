// Passwords: the user changes their own (current password, new, repeated), an administrator
// resets someone's to a temporary one that must be changed at the next sign-in.
import 'server-only'
import { db } from '@/lib/db'
import { recordSignInFailed } from '@/lib/audit/auth-events'
import { generateTemporaryPassword, hashPassword, verifyPassword } from '@/lib/auth/password'
import { endAllSessions } from '@/lib/auth/sessions'
import { lockedUntil, recordFailure } from '@/lib/auth/throttle'
import { recordAudit } from '@/lib/audit/record'
import { passwordChangeProblems, type PasswordChangeProblems, type PasswordFields } from '@/lib/validation/password'
import { accountForAdmin } from './admin/core'
import type { ActionContext } from './context'

export type PasswordChangeResult =
  | { kind: 'invalid'; problems: PasswordChangeProblems }
  | { kind: 'locked'; until: Date }
  | { kind: 'notFound' }
  | { kind: 'changed'; wasRequired: boolean }

/**
 * The actor changes their own password. A wrong current password counts towards the sign-in lock
 * (a session left open must not become a way to guess it). The new password ends every session
 * of the account; the caller opens a new one for this browser.
 */
export async function changePassword(context: ActionContext, fields: PasswordFields): Promise<PasswordChangeResult> {
  const { actor, now, ip } = context
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { username: true, passwordHash: true, mustChangePassword: true } })
  if (!user) return { kind: 'notFound' }
  const problems = passwordChangeProblems(fields, user.username)
  if (problems) return { kind: 'invalid', problems }
  const until = await lockedUntil(user.username, ip, now)
  if (until) return { kind: 'locked', until }
  if (!(await verifyPassword(user.passwordHash, fields.currentPassword))) {
    await recordSignInFailed(actor.id, 'wrong_password', ip, now)
    const failure = await recordFailure({ username: user.username, userId: actor.id, ip, factor: 'PASSWORD', now })
    return failure.lockedUntil ? { kind: 'locked', until: failure.lockedUntil } : { kind: 'invalid', problems: { currentPassword: 'currentPasswordWrong' } }
  }
  const passwordHash = await hashPassword(fields.newPassword)
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } })
    await endAllSessions(tx, actor.id, now)
    await recordAudit(tx, context, { action: 'auth.password_changed', entity: 'User', entityId: actor.id, after: { required: user.mustChangePassword } })
  })
  return { kind: 'changed', wasRequired: user.mustChangePassword }
}

export type PasswordResetResult = { kind: 'notFound' } | { kind: 'reset'; temporaryPassword: string }

/**
 * An administrator resets a user's password (for the administration screens): a temporary
 * password, shown once to the administrator, every session of the user ended, and a new password
 * required at the next sign-in.
 */
export async function resetPassword(context: ActionContext, userId: string): Promise<PasswordResetResult> {
  const user = await accountForAdmin(context, 'user.password_reset', userId)
  if (!user) return { kind: 'notFound' }
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } })
    await endAllSessions(tx, user.id, context.now)
    await recordAudit(tx, context, { action: 'user.password_reset', entity: 'User', entityId: user.id, after: { mustChangePassword: true } })
  })
  return { kind: 'reset', temporaryPassword }
}
