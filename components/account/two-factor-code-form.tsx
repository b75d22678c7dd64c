'use client'
// A form that asks for a code from the authenticator app (to turn two-factor authentication on,
// make new recovery codes, or turn it off) and shows the recovery codes it answers with, once.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { TwoFactorFormState } from '@/lib/actions/form-states'
import { FieldError, FormNotice, FormRefusal, describedBy, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-parts'

type Props = {
  action: (previous: TwoFactorFormState, form: FormData) => Promise<TwoFactorFormState>
  /** Distinguishes the forms of one page (field ids). */
  name: string
  label: string
  submit: string
  tone?: 'primary' | 'secondary'
  /** Where to go once the recovery codes are noted down. */
  continueHref?: string
}

const idle: TwoFactorFormState = { kind: 'idle' }

export function TwoFactorCodeForm({ action, name, label, submit, tone = 'primary', continueHref }: Props) {
  const t = useTranslations('account')
  const [state, formAction, pending] = useActionState(action, idle)
  const error = state.kind === 'invalid' ? state.fieldErrors.code : undefined
  const fieldId = `${name}-code`
  if (state.kind === 'saved' && state.recoveryCodes) {
    return (
      <div className="space-y-3">
        <FormNotice tone="success">{state.message}</FormNotice>
        <section aria-labelledby={`${name}-recovery-heading`}>
          <h3 id={`${name}-recovery-heading`} className="font-semibold">{t('recoveryTitle')}</h3>
          <p className="mt-1 text-sm text-slate-700">{t('recoveryIntro')}</p>
          <ul aria-label={t('recoveryTitle')} className="mt-2 grid max-w-sm grid-cols-2 gap-x-6 gap-y-1 font-mono text-base">
            {state.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </section>
        {continueHref && (
          <a href={continueHref} className={`${primaryButtonClass} inline-block`}>
            {t('continue')}
          </a>
        )}
      </div>
    )
  }
  return (
    <form action={formAction} noValidate aria-label={label} className="max-w-sm space-y-3">
      {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
      <FormRefusal state={state} />
      <div>
        <label htmlFor={fieldId} className="block text-sm font-medium">
          {t('code')}
        </label>
        <input
          id={fieldId}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${fieldId}-error`)}
          className={inputClass}
        />
        <FieldError id={`${fieldId}-error`} message={error} />
      </div>
      <button type="submit" disabled={pending} className={tone === 'primary' ? primaryButtonClass : secondaryButtonClass}>
        {pending ? t('saving') : submit}
      </button>
    </form>
  )
}
