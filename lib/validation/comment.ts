// A question or an answer in an assignment's thread.
import { z } from 'zod'
import { formText } from './form-text'
import { problem, type FieldProblem } from './messages'

export const COMMENT_MAX_LENGTH = 2000

export type ParsedComment =
  | { kind: 'foreign' }
  | { kind: 'invalid'; problems: { body?: FieldProblem } }
  | { kind: 'valid'; input: { assignmentId: string; body: string } }

/** The posted form, read once: the assignment as the form names it (for a refusal's audit row) and the parse. */
export type CommentForm = { namedId: string | null; parsed: ParsedComment }

/** Reads the form once: the body as typed (sent back with any answer) and what the core is given. */
export function readCommentForm(form: FormData): { values: { body: string }; input: CommentForm } {
  const named = form.get('assignmentId')
  const body = formText(form, 'body', COMMENT_MAX_LENGTH + 100)
  return { values: { body }, input: { namedId: typeof named === 'string' ? named : null, parsed: parseComment(named, body) } }
}

function parseComment(named: unknown, typedBody: string): ParsedComment {
  const assignmentId = z.uuid().safeParse(named)
  if (!assignmentId.success) return { kind: 'foreign' }
  const body = typedBody.trim()
  if (!body) return { kind: 'invalid', problems: { body: problem('commentRequired') } }
  if (body.length > COMMENT_MAX_LENGTH) return { kind: 'invalid', problems: { body: problem('commentTooLong', { max: COMMENT_MAX_LENGTH }) } }
  return { kind: 'valid', input: { assignmentId: assignmentId.data, body } }
}
