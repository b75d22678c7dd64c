'use server'
// The question-and-answer form's action; the rules live in ./comment.ts.
import { loggedAction } from '@/lib/log/request'
import { typedBody } from '@/lib/validation/comment'
import { postComment as postCore } from './comment'
import { actionContext, keepInputWhenDatabaseDown, revalidateAssignment, validationMessages } from './context'
import type { CommentFormState } from './form-states'

export const postComment = loggedAction('postComment', async (_previous: CommentFormState, form: FormData): Promise<CommentFormState> => {
  const body = typedBody(form)
  return keepInputWhenDatabaseDown(() => post(form, body), (message) => ({ kind: 'refused', message, body }))
})

async function post(form: FormData, body: string): Promise<CommentFormState> {
  const [context, { t, fields }] = await Promise.all([actionContext(), validationMessages()])
  if (!context) return { kind: 'refused', message: t('notFound'), body }
  const result = await postCore(context, form)
  switch (result.kind) {
    case 'invalid':
      return { kind: 'invalid', message: t('formInvalid'), body, fieldErrors: fields(result.problems) }
    case 'notFound':
      return { kind: 'refused', message: t('notFound'), body }
    case 'saved':
      revalidateAssignment(result.path)
      return { kind: 'saved', message: t('commentPosted') }
  }
}
