// The two-factor forms' one field: a code from the authenticator app, or a recovery code.
import { z } from 'zod'

const codeSchema = z.string().trim().min(1).max(20)

/** Reads the form once: the code, or null when none was typed. Nothing typed is sent back. */
export function readCodeForm(form: FormData): { values: null; input: string | null } {
  const code = codeSchema.safeParse(form.get('code'))
  return { values: null, input: code.success ? code.data : null }
}
