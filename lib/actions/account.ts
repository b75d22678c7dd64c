// The account as a whole: the user ends all their sessions; an administrator lifts a sign-in lock.
import 'server-only'
import { db } from '@/lib/db'
import { endAllSessions } from '@/lib/auth/sessions'
import { liftLock } from '@/lib/auth/throttle'
import { recordAudit } from '@/lib/audit/record'
import { accountForAdmin } from './admin/core'
import type { ActionContext } from './context'

/** "Sign out everywhere": every session of the actor ends, this one included. */
export async function signOutEverywhere(context: ActionContext): Promise<void> {
  await db().$transaction(async (tx) => {
    await endAllSessions(tx, context.actor.id, context.now)
    await recordAudit(tx, context, { action: 'auth.sign_out_everywhere', entity: 'User', entityId: context.actor.id })
  })
}

export type UnlockResult = { kind: 'notFound' } | { kind: 'unlocked'; locksLifted: number }

/**
 * An administrator lifts the sign-in lock of a user's account (for the administration screens) and
 * forgets its failed attempts. A lock on a client address is left to expire.
 */
export async function unlockAccount(context: ActionContext, userId: string): Promise<UnlockResult> {
  const user = await accountForAdmin(context, 'user.unlocked', userId)
  if (!user) return { kind: 'notFound' }
  const locksLifted = await db().$transaction(async (tx) => {
    const lifted = await liftLock(tx, user.username, context.now)
    await recordAudit(tx, context, { action: 'user.unlocked', entity: 'User', entityId: user.id, after: { locksLifted: lifted } })
    return lifted
  })
  return { kind: 'unlocked', locksLifted }
}
