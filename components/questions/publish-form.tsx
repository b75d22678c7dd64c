'use client'
// Publish an answered question to the district's list, naming the asking unit or not. Works without JavaScript.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormNotice, secondaryButtonClass } from '@/components/form-parts'
import type { QuestionPublishFormState } from '@/lib/actions/form-states'

type Props = {
  action: (previous: QuestionPublishFormState, form: FormData) => Promise<QuestionPublishFormState>
  questionId: string
  answerId: string
  /** Already on the district's list: said so, in the form's place (which keeps the answer to a publish just made). */
  published: boolean
}

const idle: QuestionPublishFormState = { kind: 'idle' }

export function PublishForm({ action, questionId, answerId, published }: Props) {
  const t = useTranslations('questions.publish')
  const [state, formAction, pending] = useActionState(action, idle)
  if (state.kind === 'saved') return <FormNotice tone="success">{state.message}</FormNotice>
  if (published) return <p className="mt-2 text-sm font-medium text-slate-700">{t('published')}</p>
  const checkboxId = `show-unit-${questionId}`
  return (
    <form action={formAction} aria-label={t('label')} className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {state.kind === 'refused' && <FormNotice tone="error">{state.message}</FormNotice>}
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="answerId" value={answerId} />
      <label htmlFor={checkboxId} className="inline-flex min-h-11 items-center gap-2">
        <input id={checkboxId} type="checkbox" name="showUnit" defaultChecked={state.kind === 'refused' ? state.showUnit : false} className="size-5" />
        {t('showUnit')}
      </label>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? t('sending') : t('send')}
      </button>
    </form>
  )
}
