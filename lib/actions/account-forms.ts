// What the account forms' actions answer, for the forms to show. Messages are already translated.
import type { PasswordField } from './password'

export type PasswordFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; fieldErrors: Partial<Record<PasswordField, string>> }
  | { kind: 'refused'; message: string }

export type TwoFactorFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; fieldErrors: { code?: string } }
  | { kind: 'refused'; message: string }
  | { kind: 'saved'; message: string; recoveryCodes?: string[] }
