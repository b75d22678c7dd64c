'use server'
// The change-password form's action; the rules live in ./password.ts.
import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy'
import { passwordChangedHref } from '@/lib/auth/landing'
import { afterSignInPathFor } from '@/lib/auth/session'
import { readPasswordForm, type PasswordField } from '@/lib/validation/password'
import { accountActionContext, type AccountActionContext } from './context'
import { formAction } from './form-action'
import type { PasswordFormState } from './form-states'
import { changePassword } from './password'
import { minutesUntil, reopenBrowserSession } from './session-cookie'

export const savePassword = formAction({
  name: 'savePassword',
  read: readPasswordForm,
  context: accountActionContext,
  messages: () => getTranslations('account'),
  run: async (context: AccountActionContext, fields) => {
    const result = await changePassword(context, fields)
    if (result.kind !== 'changed') return result
    // The change ended every session, this one too: this browser gets a new one. A required change
    // was the only thing standing between the user and the app.
    await reopenBrowserSession(context.actor.id, context.now)
    return { kind: 'changed', next: result.wasRequired ? await afterSignInPathFor(context.actor.id) : passwordChangedHref } as const
  },
  answer: (result, t, _values, now): PasswordFormState => {
    switch (result.kind) {
      case 'notFound':
        return { kind: 'refused', message: t('notFound') }
      case 'locked':
        return { kind: 'refused', message: t('locked', { minutes: minutesUntil(result.until, now) }) }
      case 'invalid': {
        const fieldErrors: Partial<Record<PasswordField, string>> = {}
        for (const [field, problem] of Object.entries(result.problems) as [PasswordField, NonNullable<(typeof result.problems)[PasswordField]>][]) {
          fieldErrors[field] = t(problem, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
        }
        return { kind: 'invalid', message: t('formInvalid'), fieldErrors }
      }
      case 'changed':
        // Redirected, so the next page is rendered with the new session cookie, not the ended one.
        redirect(result.next)
    }
  },
  notSaved: (message: string): PasswordFormState => ({ kind: 'refused', message }),
})
