'use server'
// The question-and-answer form's action; the rules live in ./comment.ts.
import { loggedAction } from '@/lib/log/request'
import { typedBody } from '@/lib/validation/comment'
import { postComment as post } from './comment'
import { actionContext, revalidateAssignment, validationMessages } from './context'
import type { CommentFormState } from './form-states'

export const postComment = loggedAction('postComment', async (_previous: CommentFormState, form: FormData): Promise<CommentFormState> => {
  const [context, { t, fields }] = await Promise.all([actionContext(), validationMessages()])
  const body = typedBody(form)
  if (!context) return { kind: 'refused', message: t('notFound'), body }
  const result = await post(context, form)
  switch (result.kind) {
    case 'invalid':
      return { kind: 'invalid', message: t('formInvalid'), body, fieldErrors: fields(result.problems) }
    case 'notFound':
      return { kind: 'refused', message: t('notFound'), body }
    case 'saved':
      revalidateAssignment(result.path)
      return { kind: 'saved', message: t('commentPosted') }
  }
})
