'use client'
// The account's mail settings: the address, the notices, how they come, the digest's hour, the days
// ahead of a deadline, the mail's language; each refusal beside its field. Works without JavaScript.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { MailSettingsFormState } from '@/lib/actions/form-states'
import { MAIL_DELIVERIES, type MailNotice } from '@/lib/domain/mail'
import type { MailSettingsField, MailSettingsValues } from '@/lib/validation/mail-settings'
import { FieldError, FormNotice, FormRefusal, describedBy, inputClass, primaryButtonClass } from '../form-parts'

type Props = {
  action: (previous: MailSettingsFormState, form: FormData) => Promise<MailSettingsFormState>
  current: MailSettingsValues
  /** The notices offered: those of the account's role. */
  notices: readonly MailNotice[]
  /** What is known of the saved address: verified on a day, waiting for its link, or none. */
  addressNote: string
}

const idle: MailSettingsFormState = { kind: 'idle' }

export function MailSettingsForm({ action, current, notices, addressNote }: Props) {
  const t = useTranslations('mail')
  const [state, formAction, pending] = useActionState(action, idle)
  // After a refusal the form shows what was typed; otherwise what is saved.
  const values = state.kind === 'invalid' || state.kind === 'refused' ? state.values : current
  const error = (field: MailSettingsField) => (state.kind === 'invalid' ? state.fieldErrors[field] : undefined)
  const invalid = (field: MailSettingsField) => (error(field) ? true : undefined)
  const legendClass = 'text-sm font-medium'
  return (
    <form action={formAction} noValidate aria-label={t('settingsTitle')} className="max-w-xl space-y-5">
      <FormRefusal state={state} />
      {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={values.email}
          key={`email-${values.email}`}
          aria-invalid={invalid('email')}
          aria-describedby={describedBy('email-hint', error('email') && 'email-error')}
          className={inputClass}
        />
        <p id="email-hint" className="mt-1 text-sm text-slate-700">
          {addressNote} {t('emailHint')}
        </p>
        <FieldError id="email-error" message={error('email')} />
      </div>
      <fieldset aria-describedby={describedBy('notices-hint', error('notices') && 'notices-error')}>
        <legend className={legendClass}>{t('notices')}</legend>
        <p id="notices-hint" className="mt-1 text-sm text-slate-700">
          {t('noticesHint')}
        </p>
        {notices.map((notice) => (
          <label key={notice} className="mt-2 flex min-h-11 items-center gap-2">
            <input type="checkbox" name="notices" value={notice} defaultChecked={values.notices.includes(notice)} className="size-5" />
            {t(`notice.${notice}`)}
          </label>
        ))}
        <FieldError id="notices-error" message={error('notices')} />
      </fieldset>
      <fieldset aria-describedby={describedBy(error('delivery') && 'delivery-error')}>
        <legend className={legendClass}>{t('deliveryLabel')}</legend>
        {MAIL_DELIVERIES.map((delivery) => (
          <label key={delivery} className="mt-2 flex min-h-11 items-center gap-2">
            <input type="radio" name="delivery" value={delivery} defaultChecked={values.delivery === delivery} className="size-5" />
            {t(`delivery.${delivery}`)}
          </label>
        ))}
        <FieldError id="delivery-error" message={error('delivery')} />
      </fieldset>
      {(
        [
          ['digestHour', 0, 23],
          ['dueWithinDays', 1, 30],
        ] as const
      ).map(([field, min, max]) => (
        <div key={field}>
          <label htmlFor={field} className="block text-sm font-medium">
            {t(field)}
          </label>
          <input
            id={field}
            name={field}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            defaultValue={values[field]}
            key={`${field}-${values[field]}`}
            aria-invalid={invalid(field)}
            aria-describedby={describedBy(error(field) && `${field}-error`)}
            className={`${inputClass} max-w-32`}
          />
          <FieldError id={`${field}-error`} message={error(field)} />
        </div>
      ))}
      <div>
        <label htmlFor="locale" className="block text-sm font-medium">
          {t('locale')}
        </label>
        <select id="locale" name="locale" defaultValue={values.locale} key={`locale-${values.locale}`} aria-invalid={invalid('locale')} aria-describedby={describedBy(error('locale') && 'locale-error')} className={`${inputClass} max-w-60`}>
          <option value="vi">{t('localeVi')}</option>
          <option value="en">{t('localeEn')}</option>
        </select>
        <FieldError id="locale-error" message={error('locale')} />
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  )
}
