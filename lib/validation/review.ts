// The confirm-or-return form of the member in charge: one text, a comment that may be left empty
// on a confirmation and the reason, required, of a return.
import { z } from 'zod'
import { formText } from './form-text'
import { problem, type FieldProblem } from './messages'

export const REASON_MAX_LENGTH = 1000
export const REVIEW_DECISIONS = ['CONFIRM', 'RETURN'] as const

export type ReviewInput = { updateId: string; decision: (typeof REVIEW_DECISIONS)[number]; reason: string | null }
export type ReviewProblems = Partial<Record<'decision' | 'reason', FieldProblem>>

export type ParsedReview = { kind: 'foreign' } | { kind: 'invalid'; problems: ReviewProblems } | { kind: 'valid'; input: ReviewInput }

/** The posted form, read once: the report as the form names it (for a refusal's audit row) and the parse. */
export type ReviewForm = { namedId: string | null; parsed: ParsedReview }

/** Reads the form once: the reason as typed (sent back with any answer) and what the core is given. */
export function readReviewForm(form: FormData): { values: { reason: string }; input: ReviewForm } {
  const named = form.get('updateId')
  const reason = formText(form, 'reason', REASON_MAX_LENGTH + 100)
  return { values: { reason }, input: { namedId: typeof named === 'string' ? named : null, parsed: parseReview(named, form.get('decision'), reason) } }
}

function parseReview(named: unknown, typedDecision: unknown, typedReason: string): ParsedReview {
  const updateId = z.uuid().safeParse(named)
  if (!updateId.success) return { kind: 'foreign' }
  const decision = z.enum(REVIEW_DECISIONS).safeParse(typedDecision)
  const reason = typedReason.trim()
  const problems: ReviewProblems = {}
  if (!decision.success) problems.decision = problem('decisionRequired')
  if (reason.length > REASON_MAX_LENGTH) problems.reason = problem('reasonTooLong', { max: REASON_MAX_LENGTH })
  else if (decision.success && decision.data === 'RETURN' && !reason) problems.reason = problem('reasonRequired')
  if (!decision.success || Object.keys(problems).length > 0) return { kind: 'invalid', problems }
  return { kind: 'valid', input: { updateId: updateId.data, decision: decision.data, reason: reason || null } }
}
