'use server'
// The publish form's action; the rules live in ./question-publish.ts.
import { revalidatePath } from 'next/cache'
import { readQuestionPublishForm } from '@/lib/validation/question-publish'
import { actionContext, revalidateAssignment, validationMessages } from './context'
import { formAction } from './form-action'
import type { QuestionPublishFormState } from './form-states'
import { publishQuestion as publish } from './question-publish'

export const publishQuestion = formAction({
  name: 'publishQuestion',
  read: readQuestionPublishForm,
  context: actionContext,
  messages: validationMessages,
  run: publish,
  revalidate: (result) => {
    if (result.kind !== 'published') return
    revalidateAssignment(result.path)
    revalidatePath('/questions')
  },
  answer: (result, { t }, { showUnit }): QuestionPublishFormState => {
    switch (result.kind) {
      case 'notFound':
        return { kind: 'refused', message: t('notFound'), showUnit }
      case 'alreadyPublished':
        return { kind: 'saved', message: t('questionAlreadyPublished') }
      case 'published':
        return { kind: 'saved', message: t('questionPublished') }
    }
  },
  notSaved: (message: string, { showUnit }: { showUnit: boolean }): QuestionPublishFormState => ({ kind: 'refused', message, showUnit }),
})
