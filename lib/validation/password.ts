// The change-password form: the fields as typed, and its rules apart from the current password,
// which only the database can check (lib/actions/password.ts).
import { z } from 'zod'
import { passwordProblem, type PasswordProblem } from '@/lib/auth/password-policy'

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword'
export type PasswordChangeProblem = PasswordProblem | 'currentPasswordRequired' | 'currentPasswordWrong' | 'newPasswordRequired' | 'passwordSameAsCurrent' | 'confirmMismatch'
export type PasswordChangeProblems = Partial<Record<PasswordField, PasswordChangeProblem>>

const field = z.string().max(1000).catch('')
const fieldsSchema = z.object({ currentPassword: field, newPassword: field, confirmPassword: field })
export type PasswordFields = z.output<typeof fieldsSchema>

/** Reads the form once. Nothing typed is ever sent back: the values are none. */
export function readPasswordForm(form: FormData): { values: null; input: PasswordFields } {
  return { values: null, input: fieldsSchema.parse({ currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword'), confirmPassword: form.get('confirmPassword') }) }
}

/** The form's rules for this account: the first problem of each field. */
export function passwordChangeProblems(fields: PasswordFields, username: string): PasswordChangeProblems | null {
  const problems: PasswordChangeProblems = {}
  if (!fields.currentPassword) problems.currentPassword = 'currentPasswordRequired'
  const problem = fields.newPassword ? passwordProblem(fields.newPassword, username) : 'newPasswordRequired'
  if (problem) problems.newPassword = problem
  else if (fields.newPassword === fields.currentPassword) problems.newPassword = 'passwordSameAsCurrent'
  if (fields.newPassword && fields.confirmPassword !== fields.newPassword) problems.confirmPassword = 'confirmMismatch'
  return Object.keys(problems).length > 0 ? problems : null
}
