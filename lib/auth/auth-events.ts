// Audit trail of signing in and out (DESIGN.md: who did what, when, from where).
import 'server-only'
import { db } from '@/lib/db'
import { recordEvent } from './audit'

export type SignInFailure = 'unknown_user' | 'wrong_password' | 'inactive'

/** The attempted name is not stored: people sometimes type their password into it. */
export async function recordSignInFailed(userId: string | null, reason: SignInFailure, ip: string | null): Promise<void> {
  await recordEvent({ actorId: userId, action: 'auth.sign_in_failed', entity: 'User', entityId: userId, after: { reason }, ip, at: new Date() })
}

export async function recordSignIn(userId: string, ip: string | null): Promise<void> {
  const at = new Date()
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { lastLoginAt: at } }),
    recordEvent({ actorId: userId, action: 'auth.sign_in', entity: 'User', entityId: userId, ip, at }),
  ])
}

export async function recordSignOut(userId: string, ip: string | null): Promise<void> {
  await recordEvent({ actorId: userId, action: 'auth.sign_out', entity: 'User', entityId: userId, ip, at: new Date() })
}
