// The sign-in form: one form in two steps, name and password, then (for accounts with two-factor
// authentication) a code, the challenge token of the first step riding along in a hidden field.
import { z } from 'zod'
import { formText } from './form-text'

const passwordStep = z.object({ username: z.string().trim().min(1), password: z.string().min(1) })
const codeStep = z.object({ challenge: z.string().min(1).max(100), code: z.string().trim().min(1).max(40) })

export type SignInForm =
  | { step: 'password'; credentials: z.output<typeof passwordStep> }
  /** A field left empty: which ones. */
  | { step: 'passwordMissing'; username: boolean; password: boolean }
  | { step: 'code'; challenge: string; code: string }
  /** No code typed: the challenge to ask again with, or null when the form lost it (start again). */
  | { step: 'codeMissing'; challenge: string | null }

/** Reads the form once: the name as typed (shown again after a refusal) and the step it is at. */
export function readSignInForm(form: FormData): { values: string; input: SignInForm } {
  const values = formText(form, 'username', 100)
  if (form.has('challenge')) {
    const filled = codeStep.safeParse({ challenge: form.get('challenge'), code: form.get('code') })
    if (filled.success) return { values, input: { step: 'code', ...filled.data } }
    const challenge = form.get('challenge')
    return { values, input: { step: 'codeMissing', challenge: typeof challenge === 'string' && challenge ? challenge : null } }
  }
  const filled = passwordStep.safeParse({ username: form.get('username'), password: form.get('password') })
  if (filled.success) return { values, input: { step: 'password', credentials: filled.data } }
  const missing = new Set(filled.error.issues.map((issue) => issue.path[0]))
  return { values, input: { step: 'passwordMissing', username: missing.has('username'), password: missing.has('password') } }
}
