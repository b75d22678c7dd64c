// Who acts in the forms' server actions, and what their answers share.
import 'server-only'
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { clientIp } from '@/lib/auth/client-ip'
import type { Actor } from '@/lib/auth/permissions'
import { currentSession, currentUser } from '@/lib/auth/session'
import { assignmentHref, unitPageHref } from '@/lib/domain/paths'
import { noteUser } from '@/lib/log/request'
import type { FieldProblem } from '@/lib/validation/messages'
import type { AssignmentPath } from './status-update'

/** Who acts, when, and from where: what every mutation is given. */
export type ActionContext = { actor: Actor; now: Date; ip: string | null }

/** The signed-in user acting now, or null (answered like a missing record). */
export async function actionContext(): Promise<ActionContext | null> {
  const user = await currentUser()
  noteUser(user?.id)
  return user ? { actor: user, now: new Date(), ip: clientIp(await headers()) } : null
}

export type AccountActionContext = ActionContext & { sessionId: string; username: string }

/**
 * Who acts on the account pages: the signed-in user even while a new password or two-factor
 * enrolment is still owed (the one thing such a user may do), with the session being used.
 */
export async function accountActionContext(): Promise<AccountActionContext | null> {
  const session = await currentSession()
  if (!session) return null
  noteUser(session.user.id)
  return { actor: session.user, now: new Date(), ip: clientIp(await headers()), sessionId: session.sessionId, username: session.user.username }
}

/** The `validation` messages, and the field problems of a result worded with them. */
export async function validationMessages() {
  const t = await getTranslations('validation')
  const fields = <F extends string>(problems: Partial<Record<F, FieldProblem>>): Partial<Record<F, string>> =>
    Object.fromEntries(Object.entries<FieldProblem | undefined>(problems).flatMap(([field, p]) => (p ? [[field, t(p.code, p.params)]] : []))) as Partial<Record<F, string>>
  return { t, fields }
}

/** The pages that show an assignment's state. */
export function revalidateAssignment(path: AssignmentPath): void {
  revalidatePath(unitPageHref(path.unitCode))
  revalidatePath(assignmentHref(path.unitCode, path.taskCode))
  revalidatePath('/')
  revalidatePath('/reviews')
}
