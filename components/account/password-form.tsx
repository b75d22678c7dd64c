'use client'
// Change password: current, new, repeated; each refusal beside its field. Works without JavaScript.
// Success leads to another page (the action redirects), so only refusals are shown here.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { PasswordFormState } from '@/lib/actions/form-states'
import type { PasswordField } from '@/lib/validation/password'
import { FieldError, FormRefusal, describedBy, inputClass, primaryButtonClass } from '../form-parts'

type Props = {
  action: (previous: PasswordFormState, form: FormData) => Promise<PasswordFormState>
  username: string
}

const idle: PasswordFormState = { kind: 'idle' }
const fields: { name: PasswordField; autoComplete: string }[] = [
  { name: 'currentPassword', autoComplete: 'current-password' },
  { name: 'newPassword', autoComplete: 'new-password' },
  { name: 'confirmPassword', autoComplete: 'new-password' },
]

export function PasswordForm({ action, username }: Props) {
  const t = useTranslations('account')
  const [state, formAction, pending] = useActionState(action, idle)
  return (
    <form action={formAction} noValidate aria-label={t('passwordTitle')} className="max-w-md space-y-4">
      <FormRefusal state={state} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      {fields.map(({ name, autoComplete }) => {
        const error = state.kind === 'invalid' ? state.fieldErrors[name] : undefined
        return (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium">
              {t(name)}
            </label>
            <input
              id={name}
              name={name}
              type="password"
              autoComplete={autoComplete}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(error && `${name}-error`)}
              className={inputClass}
            />
            <FieldError id={`${name}-error`} message={error} />
          </div>
        )
      })}
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('saving') : t('passwordSubmit')}
      </button>
    </form>
  )
}
