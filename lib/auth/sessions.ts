// Ending sessions from the server side.
import 'server-only'
import type { Prisma } from '@/lib/db/client'

/**
 * Ends every session of the user at once: each open session is marked ended, and the session
 * version is bumped so that any token issued before now is refused too. The database bumps the
 * version by itself when the password, role, unit, member or active flag change (a trigger);
 * "sign out everywhere" and a reset call this.
 */
export async function endAllSessions(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } })
  await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } })
}

/** Ends one session (signing out). */
export function endSession(tx: Prisma.TransactionClient, sessionId: string, now: Date) {
  return tx.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } })
}
