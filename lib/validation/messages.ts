// Validation answers are message keys of the `validation` namespace (messages/*/validation.json);
// the actions translate them. Typing them here makes a misspelt key a compile error.
import type { vi } from '@/messages'

export type ValidationCode = keyof typeof vi.validation

/** A problem with one field: a message key and the values it mentions. */
export type FieldProblem = { code: ValidationCode; params?: Record<string, string | number> }

export const problem = (code: ValidationCode, params?: FieldProblem['params']): FieldProblem => ({ code, params })
