'use client'
// Ask a question or answer one in an assignment's thread. Works without JavaScript (a form post).
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { CommentFormState } from '@/lib/actions/form-states'
import { FieldError, FormNotice, FormRefusal, describedBy, inputClass, primaryButtonClass } from './form-parts'
import { useResponseRound } from './response-round'

type Props = {
  action: (previous: CommentFormState, form: FormData) => Promise<CommentFormState>
  assignmentId: string
}

const idle: CommentFormState = { kind: 'idle' }

export function CommentForm({ action, assignmentId }: Props) {
  const t = useTranslations('questions.form')
  const [state, formAction, pending] = useActionState(action, idle)
  const round = useResponseRound(state)
  const error = state.kind === 'invalid' ? state.fieldErrors.body : undefined
  return (
    <form action={formAction} noValidate aria-label={t('label')} className="space-y-3">
      {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
      <FormRefusal state={state} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div key={round}>
        <label htmlFor="comment-body" className="block text-sm font-medium">
          {t('body')}
        </label>
        <textarea
          id="comment-body"
          name="body"
          rows={3}
          defaultValue={state.kind === 'invalid' || state.kind === 'refused' ? state.body : ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('comment-body-hint', error && 'comment-body-error')}
          className={inputClass}
        />
        <p id="comment-body-hint" className="mt-1 text-sm text-slate-600">
          {t('hint')}
        </p>
        <FieldError id="comment-body-error" message={error} />
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('sending') : t('send')}
      </button>
    </form>
  )
}
