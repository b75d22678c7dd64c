// Slowing down password guessing (OWASP ASVS 2.2.1): 5 failures within 15 minutes lock the typed
// username, and separately the client address, for 15 minutes. Usernames are counted whether or
// not they exist, so a lock tells nothing about which accounts there are. The state is in
// PostgreSQL: it survives restarts and holds across several app instances.
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import { recordEvent } from '@/lib/audit/record'

export const FAILURE_LIMIT = 5
export const FAILURE_WINDOW_MS = 15 * 60 * 1000
export const LOCK_DURATION_MS = 15 * 60 * 1000

type Key = { username: string } | { ip: string }

/** The end of the lock in force on this username or this address (the later), or null. */
export async function lockedUntil(username: string, ip: string | null, now: Date): Promise<Date | null> {
  const keys: Key[] = ip ? [{ username }, { ip }] : [{ username }]
  const lock = await db().signInLock.findFirst({
    where: { until: { gt: now }, OR: keys },
    orderBy: { until: 'desc' },
    select: { until: true },
  })
  return lock?.until ?? null
}

/**
 * Counts a wrong password or code. The username or address that reaches the limit is locked, and
 * the lockout audited; the end of the lock is returned, or null when nothing is locked.
 */
export async function recordFailure(attempt: { username: string; userId: string | null; ip: string | null; now: Date }): Promise<Date | null> {
  const { username, userId, ip, now } = attempt
  return db().$transaction(async (tx) => {
    // One failure at a time per username and per address, so that instances racing each other
    // neither miss the limit nor lock twice. Classes 1 and 2 keep the two key spaces apart.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(1, hashtext(${username}))`
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(2, hashtext(${ip}))`
    await tx.signInFailure.create({ data: { username, ip, createdAt: now } })
    // Failures out of the window no longer count: the table holds only the last 15 minutes.
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS)
    await tx.signInFailure.deleteMany({ where: { OR: ip ? [{ username }, { ip }] : [{ username }], createdAt: { lte: since } } })
    const accountLock = await lockIfOverLimit(tx, { username }, now)
    if (accountLock) {
      await recordEvent({ actorId: userId, action: 'auth.locked_out', entity: 'User', entityId: userId, after: { scope: 'account', until: accountLock.toISOString() }, ip, at: now }, tx)
    }
    const addressLock = ip ? await lockIfOverLimit(tx, { ip }, now) : null
    if (addressLock) {
      await recordEvent({ actorId: userId, action: 'auth.locked_out', entity: 'ClientAddress', entityId: ip, after: { scope: 'address', until: addressLock.toISOString() }, ip, at: now }, tx)
    }
    return accountLock ?? addressLock
  })
}

async function lockIfOverLimit(tx: Prisma.TransactionClient, key: Key, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS)
  const failures = await tx.signInFailure.count({ where: { ...key, createdAt: { gt: since } } })
  if (failures < FAILURE_LIMIT) return null
  const existing = await tx.signInLock.findFirst({ where: { ...key, until: { gt: now } }, select: { id: true } })
  if (existing) return null
  const until = new Date(now.getTime() + LOCK_DURATION_MS)
  await tx.signInLock.create({ data: { ...key, createdAt: now, until } })
  return until
}

/** A right password forgives the username's earlier failures (not the address's). */
export function forgetFailures(username: string, client: Prisma.TransactionClient = db()) {
  return client.signInFailure.deleteMany({ where: { username } })
}

/** Lifts the username's lock now (an administrator's unlock) and forgets its failures. */
export async function liftLock(tx: Prisma.TransactionClient, username: string, now: Date): Promise<number> {
  const lifted = await tx.signInLock.updateMany({ where: { username, until: { gt: now } }, data: { until: now } })
  await forgetFailures(username, tx)
  return lifted.count
}
