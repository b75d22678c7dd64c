// Slowing down password guessing (OWASP ASVS 2.2.1). Within 15 minutes, 5 wrong passwords, or
// separately 5 wrong second-factor codes, lock the typed username for 15 minutes, wherever they come
// from. A client address is locked only at 50 failures: a district office signs in from one shared
// address, and one clerk's forgotten password must not stop every colleague; a username's repeated
// failures are answered more and more slowly instead. Usernames are counted whether or not they
// exist, so a lock tells nothing about which accounts there are. The state is in PostgreSQL: it
// survives restarts and holds across several app instances.
import 'server-only'
import { setTimeout as sleep } from 'node:timers/promises'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import { recordEvent } from '@/lib/audit/record'

const ACCOUNT_FAILURE_LIMIT = 5
const ADDRESS_FAILURE_LIMIT = 50
export const FAILURE_WINDOW_MS = 15 * 60 * 1000
export const LOCK_DURATION_MS = 15 * 60 * 1000

/** The step a failure belongs to (the schema's SignInFactor). */
export type SignInFactor = 'PASSWORD' | 'CODE'

type Key = { username: string; factor: SignInFactor } | { ip: string }

/** What a failure led to: the end of the lock it set (or null), and how many of the username's failures of its kind now count. */
export type FailureOutcome = { lockedUntil: Date | null; recentFailures: number }

/** The end of the lock in force on this username or this address (the later), or null. */
export async function lockedUntil(username: string, ip: string | null, now: Date): Promise<Date | null> {
  const keys = ip ? [{ username }, { ip }] : [{ username }]
  const lock = await db().signInLock.findFirst({
    where: { until: { gt: now }, OR: keys },
    orderBy: { until: 'desc' },
    select: { until: true },
  })
  return lock?.until ?? null
}

/**
 * Counts a wrong password or code. The username or address that reaches its limit is locked, and
 * the lockout audited.
 */
export async function recordFailure(attempt: { username: string; userId: string | null; ip: string | null; factor: SignInFactor; now: Date }): Promise<FailureOutcome> {
  const { username, userId, ip, factor, now } = attempt
  return db().$transaction(async (tx) => {
    // One failure at a time per username and per address, so that instances racing each other
    // neither miss the limit nor lock twice. Classes 1 and 2 keep the two key spaces apart.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(1, hashtext(${username}))`
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(2, hashtext(${ip}))`
    await tx.signInFailure.create({ data: { username, ip, factor, createdAt: now } })
    // Failures out of the window no longer count: the table holds only the last 15 minutes.
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS)
    await tx.signInFailure.deleteMany({ where: { OR: ip ? [{ username }, { ip }] : [{ username }], createdAt: { lte: since } } })
    const accountLock = await lockIfOverLimit(tx, { username, factor }, ACCOUNT_FAILURE_LIMIT, now)
    if (accountLock.until) {
      await recordEvent({ actorId: userId, action: 'auth.locked_out', entity: 'User', entityId: userId, after: { scope: 'account', until: accountLock.until.toISOString() }, ip, at: now }, tx)
    }
    const addressLock = ip ? await lockIfOverLimit(tx, { ip }, ADDRESS_FAILURE_LIMIT, now) : null
    if (addressLock?.until) {
      await recordEvent({ actorId: userId, action: 'auth.locked_out', entity: 'ClientAddress', entityId: ip, after: { scope: 'address', until: addressLock.until.toISOString() }, ip, at: now }, tx)
    }
    return { lockedUntil: accountLock.until ?? addressLock?.until ?? null, recentFailures: accountLock.failures }
  })
}

async function lockIfOverLimit(tx: Prisma.TransactionClient, key: Key, limit: number, now: Date): Promise<{ failures: number; until: Date | null }> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS)
  const failures = await tx.signInFailure.count({ where: { ...key, createdAt: { gt: since } } })
  if (failures < limit) return { failures, until: null }
  const lockKey = 'ip' in key ? { ip: key.ip } : { username: key.username }
  const existing = await tx.signInLock.findFirst({ where: { ...lockKey, until: { gt: now } }, select: { id: true } })
  if (existing) return { failures, until: null }
  const until = new Date(now.getTime() + LOCK_DURATION_MS)
  await tx.signInLock.create({ data: { ...lockKey, createdAt: now, until } })
  return { failures, until }
}

/**
 * How long the answer to a username's failure waits: nothing for the first two, then doubling from
 * a quarter of a second. Only failures wait, so colleagues signing in are not slowed.
 */
export function failurePauseMs(recentFailures: number): number {
  return recentFailures < 3 ? 0 : Math.min(4000, 250 * 2 ** (recentFailures - 3))
}

export function pauseAfterFailure(outcome: FailureOutcome): Promise<void> {
  return sleep(failurePauseMs(outcome.recentFailures))
}

/**
 * A right password forgives the username's earlier wrong passwords (not its wrong codes, nor the
 * address's failures); a complete sign-in forgives its wrong codes too.
 */
export function forgetFailures(username: string, factors: SignInFactor[], client: Prisma.TransactionClient = db()) {
  return client.signInFailure.deleteMany({ where: { username, factor: { in: factors } } })
}

/** Lifts the username's lock now (an administrator's unlock) and forgets its failures. */
export async function liftLock(tx: Prisma.TransactionClient, username: string, now: Date): Promise<number> {
  const lifted = await tx.signInLock.updateMany({ where: { username, until: { gt: now } }, data: { until: now } })
  await forgetFailures(username, ['PASSWORD', 'CODE'], tx)
  return lifted.count
}
