'use client'
// Confirm or return one pending update (the member in charge). Two submit buttons name the
// decision; without JavaScript the browser sends the one pressed, as React does with it.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { ReviewFormState } from '@/lib/actions/form-states'
import { FieldError, FormNotice, describedBy, inputClass, primaryButtonClass, secondaryButtonClass } from './form-parts'
import { useResponseRound } from './response-round'

type Props = {
  action: (previous: ReviewFormState, form: FormData) => Promise<ReviewFormState>
  updateId: string
  /** Still waiting: once reviewed, only the answer of this form (if any) is left to show. */
  pending: boolean
}

const idle: ReviewFormState = { kind: 'idle' }

export function ReviewForm({ action, updateId, pending: waiting }: Props) {
  const t = useTranslations('assignment.reviewForm')
  const [state, formAction, pending] = useActionState(action, idle)
  const round = useResponseRound(state)
  if (!waiting && state.kind !== 'saved') return null
  if (state.kind === 'saved') return <FormNotice tone="success">{state.message}</FormNotice>
  const errors = state.kind === 'invalid' ? state.fieldErrors : {}
  const reasonId = `reason-${updateId}`
  return (
    <form action={formAction} noValidate aria-label={t('label')} className="mt-3 space-y-3 rounded border border-amber-600 bg-amber-50 p-3">
      {state.kind !== 'idle' && <FormNotice tone="error">{state.message}</FormNotice>}
      <input type="hidden" name="updateId" value={updateId} />
      <div key={round}>
        <label htmlFor={reasonId} className="block text-sm font-medium">
          {t('reason')}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          defaultValue={state.kind === 'idle' ? '' : state.reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy(`${reasonId}-hint`, errors.reason && `${reasonId}-error`)}
          className={inputClass}
        />
        <p id={`${reasonId}-hint`} className="mt-1 text-sm text-slate-700">
          {t('reasonHint')}
        </p>
        <FieldError id={`${reasonId}-error`} message={errors.reason} />
        <FieldError id={`decision-${updateId}-error`} message={errors.decision} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="CONFIRM" disabled={pending} className={primaryButtonClass}>
          {t('confirm')}
        </button>
        <button type="submit" name="decision" value="RETURN" disabled={pending} className={secondaryButtonClass}>
          {t('return')}
        </button>
      </div>
    </form>
  )
}
