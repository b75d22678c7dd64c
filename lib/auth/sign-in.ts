// Signing in, step by step (OWASP ASVS 2 and 3). The password first (checkPassword), then, for an
// account with two-factor authentication, a code (checkSecondFactor). A step that succeeds leaves
// a one-time challenge: the browser carries its random token to the next step, the database keeps
// only its SHA-256. The Credentials provider accepts nothing but a challenge with every step done
// (openSession), so there is no way around the throttle or the second factor. Auth.js's own HTTP
// endpoints are not mounted (the forms' server actions call it directly): none can sign in or out.
import 'server-only'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { db } from '@/lib/db'
import { recordEvent } from '@/lib/audit/record'
import { logSignIn, recordSignIn, recordSignInFailed } from '@/lib/audit/auth-events'
import { hashPassword, verifyPassword } from './password'
import { SESSION_LIFETIME_MS } from './session-check'
import { useRecoveryCode } from './recovery-codes'
import { forgetFailures, lockedUntil, pauseAfterFailure, recordFailure, type FailureOutcome } from './throttle'
import { matchingStep } from './totp'

export const credentialsSchema = z.object({
  // Usernames are stored lower-case. No stored name holds a NUL (PostgreSQL text cannot): such a
  // name is refused here rather than sent to the database.
  username: z.string().trim().toLowerCase().min(1).max(100).regex(/^[^\u0000]*$/),
  password: z.string().min(1).max(1000),
})

/** Time to type the code from the phone after the password. */
const CHALLENGE_TTL_MS = 5 * 60 * 1000

export type SignInStep =
  /** Wrong name, password or code: one answer for all, no hint which. */
  | { kind: 'refused' }
  | { kind: 'locked'; until: Date }
  /** The challenge is unknown, used or too old: start again from the password. */
  | { kind: 'expired' }
  | { kind: 'secondFactor'; challenge: string }
  | { kind: 'passed'; challenge: string; userId: string }

// Hashing against a throwaway hash when the name is unknown keeps the answer time the same, so
// timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword(randomUUID()))

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/** A one-time challenge for the user; `secondFactorDone` when the session may open with it. */
export async function issueChallenge(userId: string, secondFactorDone: boolean, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  // The user's abandoned challenges (a code never typed) go when a new one comes.
  await db().signInChallenge.deleteMany({ where: { userId, expiresAt: { lte: now } } })
  await db().signInChallenge.create({
    data: { tokenHash: tokenHash(token), userId, secondFactorDone, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
  })
  return token
}

export async function checkPassword(raw: unknown, ip: string | null, now: Date): Promise<SignInStep> {
  const input = credentialsSchema.safeParse(raw)
  if (!input.success) return { kind: 'refused' }
  const { username, password } = input.data
  const user = await db().user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, active: true, totpEnabledAt: true },
  })
  const until = await lockedUntil(username, ip, now)
  if (until) {
    await recordSignInFailed(user?.id ?? null, 'locked', ip, now)
    return { kind: 'locked', until }
  }
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), password)
  if (!user || !passwordMatches) {
    await recordSignInFailed(user?.id ?? null, user ? 'wrong_password' : 'unknown_user', ip, now)
    return refusedOrLocked(await recordFailure({ username, userId: user?.id ?? null, ip, factor: 'PASSWORD', now }))
  }
  if (!user.active) {
    await recordSignInFailed(user.id, 'inactive', ip, now)
    return { kind: 'refused' }
  }
  await forgetFailures(username, ['PASSWORD'])
  return user.totpEnabledAt
    ? { kind: 'secondFactor', challenge: await issueChallenge(user.id, false, now) }
    : { kind: 'passed', challenge: await issueChallenge(user.id, true, now), userId: user.id }
}

/** The second step: a code from the authenticator app, or one of the recovery codes. */
export async function checkSecondFactor(token: string, code: string, ip: string | null, now: Date): Promise<SignInStep> {
  const challenge = await db().signInChallenge.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, expiresAt: true, secondFactorDone: true, user: { select: { id: true, username: true, totpSecret: true, totpLastStep: true } } },
  })
  if (!challenge || challenge.secondFactorDone || challenge.expiresAt <= now || !challenge.user.totpSecret) return { kind: 'expired' }
  const { user } = challenge
  const until = await lockedUntil(user.username, ip, now)
  if (until) {
    await recordSignInFailed(user.id, 'locked', ip, now)
    return { kind: 'locked', until }
  }
  const step = matchingStep(user.totpSecret!, code, now, user.totpLastStep)
  const passed = await db().$transaction(async (tx) => {
    if (step !== null) {
      // The step is recorded only if no other sign-in took this code (or a later one) meanwhile.
      const taken = await tx.user.updateMany({
        where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      })
      if (taken.count !== 1) return false
    } else {
      if (!(await useRecoveryCode(tx, user.id, code, now))) return false
      await recordEvent({ actorId: user.id, action: 'auth.recovery_code_used', entity: 'User', entityId: user.id, ip, at: now }, tx)
    }
    await tx.signInChallenge.update({ where: { id: challenge.id }, data: { secondFactorDone: true } })
    // The sign-in is complete: only now are the wrong codes before it forgiven.
    await forgetFailures(user.username, ['PASSWORD', 'CODE'], tx)
    return true
  })
  if (passed) return { kind: 'passed', challenge: token, userId: user.id }
  await recordSignInFailed(user.id, 'wrong_code', ip, now)
  return refusedOrLocked(await recordFailure({ username: user.username, userId: user.id, ip, factor: 'CODE', now }))
}

/** A wrong password or code: locked when it reached a limit, otherwise refused after the pause its repetition earns. */
async function refusedOrLocked(failure: FailureOutcome): Promise<SignInStep> {
  if (failure.lockedUntil) return { kind: 'locked', until: failure.lockedUntil }
  await pauseAfterFailure(failure)
  return { kind: 'refused' }
}

const openSchema = z.object({ challenge: z.string().min(1).max(100) })

export type OpenedSession = { id: string; name: string; sessionId: string; sessionVersion: number }

/**
 * The Credentials provider's `authorize`: uses up a challenge with every step done and opens a new
 * session (a new identifier, recorded in the database and carried in the JWT). Null otherwise.
 */
export async function openSession(raw: unknown, ip: string | null, now: Date = new Date()): Promise<OpenedSession | null> {
  const input = openSchema.safeParse(raw)
  if (!input.success) return null
  const opened = await db().$transaction(async (tx): Promise<OpenedSession | null> => {
    const challenge = await tx.signInChallenge.findUnique({ where: { tokenHash: tokenHash(input.data.challenge) }, select: { id: true, userId: true, secondFactorDone: true, expiresAt: true } })
    if (!challenge?.secondFactorDone || challenge.expiresAt <= now) return null
    // Deleting it is what makes it single-use: of two requests with one token, one deletes it.
    const used = await tx.signInChallenge.deleteMany({ where: { id: challenge.id } })
    if (used.count !== 1) return null
    const user = await tx.user.update({ where: { id: challenge.userId }, data: { lastLoginAt: now }, select: { id: true, displayName: true, active: true, sessionVersion: true } })
    if (!user.active) return null
    const sessionId = randomUUID()
    // Sessions past their lifetime stand for nothing; the audit trail keeps their history.
    await tx.userSession.deleteMany({ where: { userId: user.id, createdAt: { lte: new Date(now.getTime() - SESSION_LIFETIME_MS) } } })
    await tx.userSession.create({ data: { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, ip } })
    await recordSignIn(tx, user.id, sessionId, ip, now)
    return { id: user.id, name: user.displayName, sessionId, sessionVersion: user.sessionVersion }
  })
  if (opened) logSignIn(opened.id, ip)
  return opened
}
