// What the forms' server actions share: who is acting, and answers in the user's language.
import 'server-only'
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { clientIp } from '@/lib/auth/client-ip'
import type { Actor } from '@/lib/auth/permissions'
import { currentUser } from '@/lib/auth/session'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { assignmentHref, unitPageHref } from '@/lib/domain/paths'
import { UNAVAILABLE_PATH } from '@/lib/http/unavailable-page'
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

export async function validationMessages() {
  const t = await getTranslations('validation')
  const fields = <F extends string>(problems: Partial<Record<F, FieldProblem>>): Partial<Record<F, string>> =>
    Object.fromEntries(Object.entries<FieldProblem | undefined>(problems).flatMap(([field, p]) => (p ? [[field, t(p.code, p.params)]] : []))) as Partial<Record<F, string>>
  return { t, fields }
}

/**
 * Runs a form's action. When the database cannot be reached, nothing was written and the action
 * answers `notSaved` with the message saying so: the form shows it beside the input, kept as typed.
 * Thrown on, the error would replace the page with the error page and lose what the user typed.
 */
export async function keepInputWhenDatabaseDown<S>(run: () => Promise<S>, notSaved: (message: string) => S): Promise<S> {
  try {
    return await run()
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    const t = await getTranslations('unavailable')
    return notSaved(t('notSaved'))
  }
}

/**
 * Runs a button's action (sign out, sign out everywhere, start two-factor enrolment): with no
 * input to keep, a database out of reach sends the browser to the 503 page, as a page does.
 */
export async function unavailablePageWhenDatabaseDown(run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    redirect(UNAVAILABLE_PATH)
  }
}

/** The pages that show an assignment's state. */
export function revalidateAssignment(path: AssignmentPath): void {
  revalidatePath(unitPageHref(path.unitCode))
  revalidatePath(assignmentHref(path.unitCode, path.taskCode))
  revalidatePath('/')
  revalidatePath('/reviews')
}
