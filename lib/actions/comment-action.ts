'use server'
// The question-and-answer form's action; the rules live in ./comment.ts.
import { readCommentForm } from '@/lib/validation/comment'
import { recordComment } from './comment'
import { assignmentFormAction } from './form-action'
import type { CommentFormState } from './form-states'

export const postComment = assignmentFormAction({
  name: 'postComment',
  read: readCommentForm,
  run: recordComment,
  answer: (result, { t, fields }, { body }): CommentFormState => {
    switch (result.kind) {
      case 'invalid':
        return { kind: 'invalid', message: t('formInvalid'), body, fieldErrors: fields(result.problems) }
      case 'notFound':
        return { kind: 'refused', message: t('notFound'), body }
      case 'saved':
        return { kind: 'saved', message: t('commentPosted') }
    }
  },
  notSaved: (message: string, { body }: { body: string }): CommentFormState => ({ kind: 'refused', message, body }),
})
