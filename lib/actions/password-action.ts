'use server'
// The change-password form's action; the rules live in ./password.ts.
import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy'
import { passwordChangedHref } from '@/lib/auth/landing'
import { afterSignInPathFor } from '@/lib/auth/session'
import { loggedAction } from '@/lib/log/request'
import type { PasswordFormState } from './account-forms'
import { accountActionContext } from './account-context'
import { keepInputWhenDatabaseDown } from './context'
import { changePassword, type PasswordField } from './password'
import { minutesUntil, reopenBrowserSession } from './session-cookie'

export const savePassword = loggedAction('savePassword', async (_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> => {
  return keepInputWhenDatabaseDown(() => change(form), (message) => ({ kind: 'refused', message }))
})

async function change(form: FormData): Promise<PasswordFormState> {
  const [context, t] = await Promise.all([accountActionContext(), getTranslations('account')])
  if (!context) return { kind: 'refused', message: t('notFound') }
  const result = await changePassword(context, form)
  switch (result.kind) {
    case 'notFound':
      return { kind: 'refused', message: t('notFound') }
    case 'locked':
      return { kind: 'refused', message: t('locked', { minutes: minutesUntil(result.until, context.now) }) }
    case 'invalid': {
      const fieldErrors: Partial<Record<PasswordField, string>> = {}
      for (const [field, problem] of Object.entries(result.problems) as [PasswordField, NonNullable<(typeof result.problems)[PasswordField]>][]) {
        fieldErrors[field] = t(problem, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
      }
      return { kind: 'invalid', message: t('formInvalid'), fieldErrors }
    }
    case 'changed':
      await reopenBrowserSession(context.actor.id, context.now)
      // Redirected, so the next page is rendered with the new session cookie, not the ended one.
      // A required change was the only thing standing between the user and the app.
      redirect(result.wasRequired ? await afterSignInPathFor(context.actor.id) : passwordChangedHref)
  }
}
