// Reading and ending sessions on the server side.
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import { scopeRootSql } from './permissions'
import type { CurrentUser } from './session'
import type { SessionRecord } from './session-check'

/** A session as every request checks it (session-check.ts), with the account it belongs to. */
export type SessionWithUser = SessionRecord & {
  user: SessionRecord['user'] & CurrentUser & { mustChangePassword: boolean; totpEnabledAt: Date | null }
}

type SessionRow = Omit<SessionWithUser, 'user'> & Omit<SessionWithUser['user'], 'unit'> & { unitCode: string; unitName: string }

/** The session with this id (a checked UUID), its user and the user's unit, in one round trip: every request asks. */
export async function sessionWithUser(sessionId: string): Promise<SessionWithUser | null> {
  const [row] = await db().$queryRaw<SessionRow[]>`
    SELECT s."userId"::text AS "userId", s."createdAt", s."lastSeenAt", s."endedAt",
           u.id::text AS "id", u.username, u."displayName", u.role::text AS "role", u."unitId"::text AS "unitId",
           u."memberId"::text AS "memberId", u.active, u."sessionVersion", u."mustChangePassword", u."totpEnabledAt",
           n.code AS "unitCode", n.name AS "unitName", ${scopeRootSql('n')}::text AS "scopeUnitId"
      FROM "UserSession" s
      JOIN "User" u ON u.id = s."userId"
      JOIN "Unit" n ON n.id = u."unitId"
     WHERE s.id = ${sessionId}::uuid`
  if (!row) return null
  const { userId, createdAt, lastSeenAt, endedAt, unitCode, unitName, ...user } = row
  return { userId, createdAt, lastSeenAt, endedAt, user: { ...user, unit: { code: unitCode, name: unitName } } }
}

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
