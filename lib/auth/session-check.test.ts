import { describe, expect, it } from 'vitest'
import { IDLE_TIMEOUT_MS, lastSeenIsStale, SESSION_LIFETIME_MS, sessionRefusal, type SessionRecord } from './session-check'

const signedInAt = new Date('2026-11-28T08:00:00+07:00')
const minutes = (n: number) => new Date(signedInAt.getTime() + n * 60 * 1000)
const claims = { userId: 'u-minh-cam', sessionId: 's-1', sessionVersion: 3 }
const record = (changes: Partial<SessionRecord> = {}): SessionRecord => ({
  userId: 'u-minh-cam',
  createdAt: signedInAt,
  lastSeenAt: signedInAt,
  endedAt: null,
  user: { active: true, sessionVersion: 3 },
  ...changes,
})

describe('sessionRefusal', () => {
  it('lets a fresh session of an active account through', () => {
    expect(sessionRefusal(claims, record(), minutes(5))).toBeNull()
  })

  it('refuses a token minted before the account’s session version was bumped (password, role, deactivation, sign out everywhere)', () => {
    expect(sessionRefusal(claims, record({ user: { active: true, sessionVersion: 4 } }), minutes(5))).toBe('versionChanged')
  })

  it('refuses a session of a deactivated account', () => {
    expect(sessionRefusal(claims, record({ user: { active: false, sessionVersion: 3 } }), minutes(5))).toBe('inactive')
  })

  it('refuses a session that was signed out, and one the database does not know or that belongs to someone else', () => {
    expect(sessionRefusal(claims, record({ endedAt: minutes(1) }), minutes(5))).toBe('ended')
    expect(sessionRefusal(claims, null, minutes(5))).toBe('unknown')
    expect(sessionRefusal(claims, record({ userId: 'u-dap-thanh' }), minutes(5))).toBe('unknown')
  })

  it('signs out after 30 minutes without a request', () => {
    const seen = minutes(60)
    expect(sessionRefusal(claims, record({ lastSeenAt: seen }), new Date(seen.getTime() + IDLE_TIMEOUT_MS - 1))).toBeNull()
    expect(sessionRefusal(claims, record({ lastSeenAt: seen }), new Date(seen.getTime() + IDLE_TIMEOUT_MS))).toBe('idle')
  })

  it('signs out 12 hours after signing in even when the user kept working', () => {
    const end = new Date(signedInAt.getTime() + SESSION_LIFETIME_MS)
    const justSeen = new Date(end.getTime() - 1000)
    expect(sessionRefusal(claims, record({ lastSeenAt: justSeen }), new Date(end.getTime() - 1))).toBeNull()
    expect(sessionRefusal(claims, record({ lastSeenAt: justSeen }), end)).toBe('expired')
  })
})

describe('lastSeenIsStale', () => {
  it('asks for a write at most once a minute', () => {
    expect(lastSeenIsStale({ lastSeenAt: signedInAt }, new Date(signedInAt.getTime() + 59_999))).toBe(false)
    expect(lastSeenIsStale({ lastSeenAt: signedInAt }, minutes(1))).toBe(true)
  })
})
