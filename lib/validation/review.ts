// The confirm-or-return form of the member in charge (issue 3).
import { z } from 'zod'
import { formText } from './form-text'
import { problem, type FieldProblem } from './messages'

export const REASON_MAX_LENGTH = 1000
export const REVIEW_DECISIONS = ['CONFIRM', 'RETURN'] as const

export type ReviewInput = { updateId: string; decision: (typeof REVIEW_DECISIONS)[number]; reason: string | null }
export type ReviewProblems = Partial<Record<'decision' | 'reason', FieldProblem>>

export type ParsedReview = { kind: 'foreign' } | { kind: 'invalid'; problems: ReviewProblems } | { kind: 'valid'; input: ReviewInput }

export function typedReason(form: FormData): string {
  return formText(form, 'reason', REASON_MAX_LENGTH + 100)
}

export function parseReviewForm(form: FormData): ParsedReview {
  const updateId = z.uuid().safeParse(form.get('updateId'))
  if (!updateId.success) return { kind: 'foreign' }
  const decision = z.enum(REVIEW_DECISIONS).safeParse(form.get('decision'))
  const reason = typedReason(form).trim()
  const problems: ReviewProblems = {}
  if (!decision.success) problems.decision = problem('decisionRequired')
  if (reason.length > REASON_MAX_LENGTH) problems.reason = problem('reasonTooLong', { max: REASON_MAX_LENGTH })
  else if (decision.success && decision.data === 'RETURN' && !reason) problems.reason = problem('reasonRequired')
  if (!decision.success || Object.keys(problems).length > 0) return { kind: 'invalid', problems }
  return { kind: 'valid', input: { updateId: updateId.data, decision: decision.data, reason: reason || null } }
}
