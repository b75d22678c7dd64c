// Who is asking. Every page and action goes through here: the JWT names a user and a session, and
// the database says whether both still stand (session-check.ts: signed out, idle, too old, account
// deactivated or changed since). A session that no longer stands is ended and audited once.
import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { z } from 'zod'
import { db } from '@/lib/db'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { UNAVAILABLE_PATH } from '@/lib/http/unavailable-page'
import { auth } from './auth'
import { recordSessionEnd } from '@/lib/audit/auth-events'
import { clientIp } from './client-ip'
import { afterSignInPath, pendingStep, pendingStepHref, type PendingStep } from './landing'
import type { Role } from './roles'
import { lastSeenIsStale, sessionRefusal, type SessionClaims } from './session-check'
import { sessionWithUser } from './sessions'

export type CurrentUser = {
  id: string
  username: string
  displayName: string
  role: Role
  unitId: string
  /** The standing-committee member this account belongs to (leaders). */
  memberId: string | null
  /** The root of the subtree the account reads and acts in (permissions.ts scopeRootSql); null: the whole deployment. */
  scopeUnitId: string | null
  unit: { code: string; name: string }
}

/** A standing session: its user, its id, and what the user must do first (if anything). */
export type CurrentSession = { user: CurrentUser; sessionId: string; pending: PendingStep | null }

const claimsSchema = z.object({ userId: z.uuid(), sessionId: z.uuid(), sessionVersion: z.number().int() })

async function sessionClaims(): Promise<SessionClaims | null> {
  const session = await auth()
  const claims = claimsSchema.safeParse({ userId: session?.user?.id, sessionId: session?.sessionId, sessionVersion: session?.sessionVersion })
  return claims.success ? claims.data : null
}

/** The signed-in user's standing session, or null. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  const claims = await sessionClaims()
  if (!claims) return null
  const now = new Date()
  const record = await sessionWithUser(claims.sessionId)
  const refusal = sessionRefusal(claims, record, now)
  if (refusal) {
    if (record && refusal !== 'unknown' && refusal !== 'ended') await endSession(claims, refusal, now)
    return null
  }
  const { user } = record!
  if (lastSeenIsStale(record!, now)) await db().userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: now } })
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, memberId: user.memberId, scopeUnitId: user.scopeUnitId, unit: user.unit },
    sessionId: claims.sessionId,
    pending: pendingStep(user),
  }
})

/** Ends a session found dead, once: of two requests racing here, only one audits. */
async function endSession(claims: SessionClaims, reason: 'idle' | 'expired' | 'inactive' | 'versionChanged', now: Date): Promise<void> {
  const ip = clientIp(await headers())
  await db().$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({ where: { id: claims.sessionId, endedAt: null }, data: { endedAt: now } })
    if (ended.count === 1) await recordSessionEnd(claims.userId, claims.sessionId, reason, ip, now, tx)
  })
}

/**
 * The signed-in, active user with nothing pending, or null. Everything but the account pages
 * goes through this: a user who still owes a new password or two-factor enrolment gets nothing else.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await currentSession()
  return session && !session.pending ? session.user : null
})

/**
 * The session for a page. A database out of reach sends the browser to the "temporarily
 * unavailable" page (HTTP 503, app/unavailable/route.ts) instead of the error page (HTTP 500):
 * every page asks for the session before anything else, so this one place covers them all.
 */
export async function pageSession(): Promise<CurrentSession | null> {
  try {
    return await currentSession()
  } catch (error) {
    if (isDatabaseUnavailable(error)) redirect(UNAVAILABLE_PATH)
    throw error
  }
}

/** The session, whatever is pending (the account pages and the frame around every page); else the login page. */
export async function requireSession(): Promise<CurrentSession> {
  const session = await pageSession()
  if (!session) redirect('/login')
  return session
}

/** The signed-in user with nothing pending; anyone else is sent to the login page or to what they owe. */
export async function requireUser(): Promise<CurrentUser> {
  const session = await requireSession()
  if (session.pending) redirect(pendingStepHref(session.pending))
  return session.user
}

/** Where a user who has just signed in goes (the new session cookie is not readable yet). */
export async function afterSignInPathFor(userId: string): Promise<string> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { role: true, mustChangePassword: true, totpEnabledAt: true, unit: { select: { code: true } } },
  })
  return user ? afterSignInPath(user) : '/login'
}
