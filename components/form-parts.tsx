// The pieces every form of the app shares: control style, the error beside a field, the answer on top.
import type { ReactNode } from 'react'

/** `focus-within`: a date field's calendar button takes the focus inside the field, not the field itself. */
export const inputClass =
  'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base shadow-sm focus-within:border-blue-700 focus-within:outline-2 focus-within:outline-blue-700 aria-invalid:border-red-700'

export { primaryButtonClass, secondaryButtonClass } from './button-classes'

/** The message beside a field; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {message}
    </p>
  )
}

/** The ids a control is described by: its hint and, when there is one, its error. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ')
  return list || undefined
}

/** A form's answer: refusals are alerts, a save is a polite status. */
export function FormNotice({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
  return tone === 'error' ? (
    <div role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
      {children}
    </div>
  ) : (
    <div role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm font-medium text-green-900">
      {children}
    </div>
  )
}

/** What a form's action answered: nothing yet, or an answer with its message. */
type FormAnswer = { kind: 'idle' } | { kind: string; message: string }

/**
 * A refusal on top of a form, as an alert: its input invalid, or refused (not found, not theirs,
 * the database out of reach), and the kinds a form adds (`also`). The forms' one shape of it.
 */
export function FormRefusal({ state, also = [] }: { state: FormAnswer; also?: readonly string[] }) {
  if (!('message' in state) || !(state.kind === 'invalid' || state.kind === 'refused' || also.includes(state.kind))) return null
  return <FormNotice tone="error">{state.message}</FormNotice>
}
