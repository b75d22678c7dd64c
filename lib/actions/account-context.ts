// Who acts on the account pages: the signed-in user even while a new password or two-factor
// enrolment is still owed (the one thing such a user may do), with the session being used.
import 'server-only'
import { headers } from 'next/headers'
import { clientIp } from '@/lib/auth/client-ip'
import { currentSession } from '@/lib/auth/session'
import { noteUser } from '@/lib/log/request'
import type { ActionContext } from './context'

export type AccountActionContext = ActionContext & { sessionId: string; username: string }

export async function accountActionContext(): Promise<AccountActionContext | null> {
  const session = await currentSession()
  if (!session) return null
  noteUser(session.user.id)
  return { actor: session.user, now: new Date(), ip: clientIp(await headers()), sessionId: session.sessionId, username: session.user.username }
}
