// Publishing a question with its answer to the district's public list.
import { z } from 'zod'

export type ParsedQuestionPublish =
  | { kind: 'foreign' }
  | { kind: 'valid'; input: { questionId: string; answerId: string; showUnit: boolean } }

/** The posted form, read once: the question as the form names it (for a refusal's audit row) and the parse. */
export type QuestionPublishForm = { namedId: string | null; parsed: ParsedQuestionPublish }

const ids = z.object({ questionId: z.uuid(), answerId: z.uuid() })

/** Reads the form once: whether the unit is to be named (sent back with any answer) and what the core is given. */
export function readQuestionPublishForm(form: FormData): { values: { showUnit: boolean }; input: QuestionPublishForm } {
  const named = form.get('questionId')
  const showUnit = form.get('showUnit') === 'on'
  const parsed = ids.safeParse({ questionId: named, answerId: form.get('answerId') })
  return {
    values: { showUnit },
    input: {
      namedId: typeof named === 'string' ? named : null,
      parsed: parsed.success ? { kind: 'valid', input: { ...parsed.data, showUnit } } : { kind: 'foreign' },
    },
  }
}
