// Giving this browser a session cookie for a sign-in that passed every step (sign-in.ts).
import 'server-only'
import { signIn } from '@/lib/auth/auth'
import { issueChallenge } from '@/lib/auth/sign-in'

/** Hands the challenge to Auth.js, which opens the session and sets the cookie. */
export async function openBrowserSession(challenge: string): Promise<void> {
  await signIn('credentials', { challenge, redirect: false })
}

/**
 * A new session for the signed-in user after their password changed (which ended all their
 * sessions, this one too): a new session identifier, as after any change of privilege.
 */
export async function reopenBrowserSession(userId: string, now: Date): Promise<void> {
  await openBrowserSession(await issueChallenge(userId, true, now))
}

/** Whole minutes left, rounded up: "wait 15 minutes", never "wait 0 minutes". */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}
