// Audit trail of signing in and out (DESIGN.md: who did what, when, from where).
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import { noteUser, requestLogger } from '@/lib/log/request'
import { recordEvent } from './record'

export type SignInFailure = 'unknown_user' | 'wrong_password' | 'inactive' | 'locked' | 'wrong_code'

/** The attempted name is neither stored nor logged: people sometimes type their password into it. */
export async function recordSignInFailed(userId: string | null, reason: SignInFailure, ip: string | null, at: Date): Promise<void> {
  await recordEvent({ actorId: userId, action: 'auth.sign_in_failed', entity: 'User', entityId: userId, after: { reason }, ip, at })
  noteUser(userId)
  requestLogger().warn({ event: 'auth.sign_in_failed', userId, reason, ip }, 'sign-in refused')
}

/** A session opened (logged once its transaction is committed). */
export function logSignIn(userId: string, ip: string | null): void {
  noteUser(userId)
  requestLogger().info({ event: 'auth.sign_in', userId, ip }, 'signed in')
}

export function recordSignIn(tx: Prisma.TransactionClient, userId: string, sessionId: string, ip: string | null, at: Date) {
  return recordEvent({ actorId: userId, action: 'auth.sign_in', entity: 'User', entityId: userId, after: { sessionId }, ip, at }, tx)
}

export type SessionEnd = 'sign_out' | 'sign_out_everywhere' | 'idle' | 'expired' | 'inactive' | 'versionChanged'

/** A session ended: by the user, or found dead by the server (idle, too old, account changed). */
export async function recordSessionEnd(userId: string, sessionId: string, reason: SessionEnd, ip: string | null, at: Date, client: Prisma.TransactionClient = db()) {
  const action = reason === 'sign_out' || reason === 'sign_out_everywhere' ? (`auth.${reason}` as const) : 'auth.session_ended'
  await recordEvent({ actorId: userId, action, entity: 'User', entityId: userId, after: { sessionId, reason }, ip, at }, client)
  requestLogger().info({ event: action, userId, reason }, 'session ended')
}
