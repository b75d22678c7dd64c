'use client'
// One form for every administration screen: the page describes its fields (labels already
// translated), this renders them with the error beside each, and posts to the server action, so it
// works without JavaScript too. Refused input comes back in the answer and is shown again.
import { useActionState, type ReactNode } from 'react'
import type { AdminFormState, AdminValues } from '@/lib/actions/form-states'
import { FieldError, FormNotice, FormRefusal, describedBy, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-parts'
import { useResponseRound } from '../response-round'

export type Choice = { value: string; label: string; note?: string }

type Common = { name: string; label: string; hint?: string }
export type FieldSpec =
  | (Common & { type: 'text' | 'password' | 'date'; defaultValue?: string; readOnly?: boolean; inputMode?: 'numeric' | 'decimal'; width?: 'short' | 'full' })
  | (Common & { type: 'textarea'; defaultValue?: string })
  | (Common & { type: 'select' | 'radio'; choices: Choice[]; defaultValue?: string })
  | (Common & { type: 'checkboxes'; choices: Choice[]; defaultValue?: string[] })
  | { type: 'group'; name: string; label: string; hint?: string; fields: FieldSpec[] }

/** An administration form's server action, handed down by the page. */
export type AdminAction = (previous: AdminFormState, form: FormData) => Promise<AdminFormState>

type Props = {
  action: AdminAction
  /** The form's accessible name (its heading when it has one). */
  label: string
  title?: string
  fields: FieldSpec[]
  /** Hidden fields: the record's id, the kind of record, … */
  hidden?: Record<string, string>
  submit: { label: string; pending: string; tone?: 'primary' | 'secondary' }
  /** A prefix for the controls' ids: two forms on one page must not share ids. */
  idPrefix?: string
}

const idle: AdminFormState = { kind: 'idle' }

export function AdminForm({ action, label, title, fields, hidden = {}, submit, idPrefix = '' }: Props) {
  const [state, formAction, pending] = useActionState(action, idle)
  const round = useResponseRound(state)
  const kept = 'values' in state ? state.values : null
  const errors = state.kind === 'invalid' ? state.fieldErrors : {}
  return (
    <form action={formAction} noValidate aria-label={label} className="space-y-4">
      {title && <h2 className="text-lg font-semibold">{title}</h2>}
      {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
      <FormRefusal state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div key={round} className="space-y-4">
        {fields.map((field) => (
          <Field key={field.name} field={field} kept={kept} errors={errors} idPrefix={idPrefix} />
        ))}
      </div>
      <button type="submit" disabled={pending} className={submit.tone === 'secondary' ? secondaryButtonClass : primaryButtonClass}>
        {pending ? submit.pending : submit.label}
      </button>
    </form>
  )
}

/** The fields of an administration form with their errors, for a form of its own shape (the unit change's preview). */
export function AdminFields({ fields, kept, errors, idPrefix = '' }: { fields: FieldSpec[]; kept: AdminValues | null; errors: Record<string, string>; idPrefix?: string }) {
  return fields.map((field) => <Field key={field.name} field={field} kept={kept} errors={errors} idPrefix={idPrefix} />)
}

function Field({ field, kept, errors, idPrefix }: { field: FieldSpec; kept: AdminValues | null; errors: Record<string, string>; idPrefix: string }) {
  const id = `${idPrefix}${field.name}`
  const error = errors[field.name]
  const hint = field.hint ? (
    <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
      {field.hint}
    </p>
  ) : null
  const described = describedBy(field.hint && `${id}-hint`, error && `${id}-error`)
  const invalid = error ? true : undefined

  switch (field.type) {
    case 'group':
      return (
        <fieldset className="space-y-3 rounded border border-slate-300 p-3" aria-describedby={described}>
          <legend className="px-1 text-sm font-semibold">{field.label}</legend>
          {hint}
          <div className="grid gap-3 sm:grid-cols-3">
            {field.fields.map((f) => (
              <Field key={f.name} field={f} kept={kept} errors={errors} idPrefix={idPrefix} />
            ))}
          </div>
        </fieldset>
      )
    case 'checkboxes':
    case 'radio': {
      const value = kept ? kept[field.name] : field.defaultValue
      const chosen = new Set(value === undefined ? [] : [value].flat())
      return (
        <fieldset aria-describedby={described}>
          <legend className="text-sm font-medium">{field.label}</legend>
          {hint}
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {field.choices.map((c) => (
              <label key={c.value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded border border-slate-200 bg-white px-3 py-1.5 has-checked:border-blue-700 has-checked:bg-blue-50">
                <input
                  type={field.type === 'radio' ? 'radio' : 'checkbox'}
                  name={field.name}
                  value={c.value}
                  defaultChecked={chosen.has(c.value)}
                  className="size-4 accent-blue-700"
                />
                <span>
                  {c.label}
                  {c.note && <span className="text-sm text-slate-600"> ({c.note})</span>}
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${id}-error`} message={error} />
        </fieldset>
      )
    }
    case 'select':
      return (
        <Labelled id={id} label={field.label} hint={hint} error={error}>
          <select id={id} name={field.name} defaultValue={keptText(kept, field.name) ?? field.defaultValue ?? ''} aria-invalid={invalid} aria-describedby={described} className={inputClass}>
            {field.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.note ? `${c.label} (${c.note})` : c.label}
              </option>
            ))}
          </select>
        </Labelled>
      )
    case 'textarea':
      return (
        <Labelled id={id} label={field.label} hint={hint} error={error}>
          <textarea id={id} name={field.name} rows={3} defaultValue={keptText(kept, field.name) ?? field.defaultValue ?? ''} aria-invalid={invalid} aria-describedby={described} className={inputClass} />
        </Labelled>
      )
    default:
      return (
        <Labelled id={id} label={field.label} hint={hint} error={error}>
          <input
            id={id}
            name={field.name}
            type={field.type}
            // A password is never sent back to the browser.
            defaultValue={field.type === 'password' ? undefined : (keptText(kept, field.name) ?? field.defaultValue ?? '')}
            readOnly={field.readOnly}
            inputMode={field.inputMode}
            autoComplete={field.type === 'password' ? 'new-password' : 'off'}
            aria-invalid={invalid}
            aria-describedby={described}
            className={`${inputClass} ${field.width === 'short' ? 'max-w-48' : ''} read-only:bg-slate-100`}
          />
        </Labelled>
      )
  }
}

const keptText = (kept: AdminValues | null, name: string): string | undefined => {
  const value = kept?.[name]
  return typeof value === 'string' ? value : undefined
}

function Labelled({ id, label, hint, error, children }: { id: string; label: string; hint: ReactNode; error: string | undefined; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}
