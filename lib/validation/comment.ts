// A question or an answer in an assignment's thread (issue 3).
import { z } from 'zod'
import { formText } from './form-text'
import { problem, type FieldProblem } from './messages'

export const COMMENT_MAX_LENGTH = 2000

export type ParsedComment =
  | { kind: 'foreign' }
  | { kind: 'invalid'; problems: { body?: FieldProblem } }
  | { kind: 'valid'; input: { assignmentId: string; body: string } }

export function typedBody(form: FormData): string {
  return formText(form, 'body', COMMENT_MAX_LENGTH + 100)
}

export function parseCommentForm(form: FormData): ParsedComment {
  const assignmentId = z.uuid().safeParse(form.get('assignmentId'))
  if (!assignmentId.success) return { kind: 'foreign' }
  const body = typedBody(form).trim()
  if (!body) return { kind: 'invalid', problems: { body: problem('commentRequired') } }
  if (body.length > COMMENT_MAX_LENGTH) return { kind: 'invalid', problems: { body: problem('commentTooLong', { max: COMMENT_MAX_LENGTH }) } }
  return { kind: 'valid', input: { assignmentId: assignmentId.data, body } }
}
