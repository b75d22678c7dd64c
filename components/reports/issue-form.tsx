'use client'
// The issue fields of a review report draft: number, signing day, signer, recipients. "Lưu thông
// tin" keeps them on the draft; "Ban hành" issues the report, refused with each missing field named
// beside it. Works without JavaScript (a plain form post).
import { useActionState, useEffect, useRef, type ReactNode } from 'react'
import { useTranslations } from 'next-intl'
import type { IssueFormState } from '@/lib/actions/form-states'
import type { IssueField, IssueValues } from '@/lib/validation/review-draft'
import { describedBy, FieldError, FormNotice, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-parts'
import { useResponseRound } from '../response-round'

type Props = {
  action: (previous: IssueFormState, form: FormData) => Promise<IssueFormState>
  reportId: string
  initial: IssueValues
}

const HINTS: Partial<Record<IssueField, 'numberHint' | 'signerOnBehalfOfHint' | 'signerTitleHint' | 'recipientsHint'>> = {
  number: 'numberHint',
  signerOnBehalfOf: 'signerOnBehalfOfHint',
  signerTitle: 'signerTitleHint',
  recipients: 'recipientsHint',
}

export function IssueForm({ action, reportId, initial }: Props) {
  const t = useTranslations('reports.drafts')
  const [state, formAction, pending] = useActionState(action, { kind: 'idle' })
  const round = useResponseRound(state)
  const notice = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state.kind !== 'idle') notice.current?.focus()
  }, [state])
  const values = 'values' in state ? state.values : initial
  const errors: Partial<Record<IssueField, string>> = state.kind === 'invalid' ? state.fieldErrors : {}

  const field = (name: IssueField, input: (props: { id: string; name: string; defaultValue: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode) => {
    const id = `issue-${name}`
    const hint = HINTS[name]
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {t(`field.${name}`)}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {t(`field.${hint}`)}
          </p>
        )}
        {input({
          id,
          name,
          defaultValue: values[name],
          'aria-invalid': errors[name] ? true : undefined,
          'aria-describedby': describedBy(hint && `${id}-hint`, errors[name] && `${id}-error`),
          className: inputClass,
        })}
        <FieldError id={`${id}-error`} message={errors[name]} />
      </div>
    )
  }

  return (
    <form action={formAction} className="space-y-4">
      <div ref={notice} tabIndex={-1} className="outline-none">
        {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
        {(state.kind === 'invalid' || state.kind === 'refused') && <FormNotice tone="error">{state.message}</FormNotice>}
      </div>
      <input type="hidden" name="reportId" value={reportId} />
      <div key={round} className="grid gap-4 sm:grid-cols-2">
        {field('number', (p) => <input type="text" maxLength={40} {...p} />)}
        {field('issuedOn', (p) => <input type="date" {...p} />)}
        {field('signerOnBehalfOf', (p) => <input type="text" {...p} />)}
        {field('signerTitle', (p) => <input type="text" {...p} />)}
        <div className="sm:col-span-2">{field('signerName', (p) => <input type="text" autoComplete="off" {...p} />)}</div>
        <div className="sm:col-span-2">{field('recipients', (p) => <textarea rows={5} {...p} />)}</div>
      </div>
      <p className="text-sm text-slate-700">{t('issueWarning')}</p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" disabled={pending} className={secondaryButtonClass}>
          {t('saveFields')}
        </button>
        <button type="submit" name="intent" value="issue" disabled={pending} className={primaryButtonClass}>
          {t('issue')}
        </button>
      </div>
    </form>
  )
}
