// Turns an administration core's result into the form's answer: translated messages, the typed
// values back on refusal (never a password), revalidation of every page and, after a creation, the
// new record's page.
import 'server-only'
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { adminFormValues } from '@/lib/validation/admin'
import type { ActionContext } from '../context'
import { actionContext, keepInputWhenDatabaseDown } from '../context'
import type { AdminResult } from './core'
import type { AdminFormState, AdminValues } from './form-state'

type Done = { message: string; redirectTo?: string }
export type AdminMessages = Awaited<ReturnType<typeof getTranslations<'admin'>>>

export async function respond<T>(form: FormData, run: (context: ActionContext) => Promise<AdminResult<T>>, done: (saved: T, t: AdminMessages) => Done): Promise<AdminFormState> {
  const values = adminFormValues(form)
  delete values.password
  return keepInputWhenDatabaseDown(() => answer(values, run, done), (message) => ({ kind: 'refused', message, values }))
}

async function answer<T>(values: AdminValues, run: (context: ActionContext) => Promise<AdminResult<T>>, done: (saved: T, t: AdminMessages) => Done): Promise<AdminFormState> {
  const [context, t] = await Promise.all([actionContext(), getTranslations('admin')])
  if (!context) return { kind: 'refused', message: t('common.notFound'), values }
  const result = await run(context)
  switch (result.kind) {
    case 'notFound':
      return { kind: 'refused', message: t('common.notFound'), values }
    case 'invalid': {
      const fieldErrors = Object.fromEntries(Object.entries(result.problems).flatMap(([field, p]) => (p ? [[field, t(`errors.${p.code}`, p.params)]] : [])))
      return { kind: 'invalid', message: fieldErrors.form ?? t('common.formInvalid'), values, fieldErrors }
    }
    case 'saved': {
      const answer = done(result, t)
      // An admin change (a name, a member in charge, a new assignment) shows on many pages.
      revalidatePath('/', 'layout')
      if (answer.redirectTo) redirect(answer.redirectTo)
      return { kind: 'saved', message: answer.message }
    }
  }
}
