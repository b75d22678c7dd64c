// Whether a session still stands (OWASP ASVS 3.3): the rules, apart from the database, so they are
// tested as they are. session.ts applies them on every request.

/** Signed out after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
/** Signed out this long after signing in, however active: a working day. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000
/** A request writes "last seen" only when it is older than this: one write a minute at most. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000

/** What the JWT says: whose session, which one, and the account's session version at sign-in. */
export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number }

/** What the database says about that session and its account. */
export type SessionRecord = {
  userId: string
  createdAt: Date
  lastSeenAt: Date
  endedAt: Date | null
  user: { active: boolean; sessionVersion: number }
}

export type SessionRefusal = 'unknown' | 'ended' | 'inactive' | 'versionChanged' | 'expired' | 'idle'

/** Why the session no longer stands, or null when it does. */
export function sessionRefusal(claims: SessionClaims, record: SessionRecord | null, now: Date): SessionRefusal | null {
  if (!record || record.userId !== claims.userId) return 'unknown'
  if (record.endedAt) return 'ended'
  if (!record.user.active) return 'inactive'
  // Deactivation, a new password, role or unit, and "sign out everywhere" bump the version.
  if (record.user.sessionVersion !== claims.sessionVersion) return 'versionChanged'
  if (now.getTime() - record.createdAt.getTime() >= SESSION_LIFETIME_MS) return 'expired'
  if (now.getTime() - record.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle'
  return null
}

/** Whether this request should move "last seen" forward. */
export function lastSeenIsStale(record: Pick<SessionRecord, 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - record.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS
}
