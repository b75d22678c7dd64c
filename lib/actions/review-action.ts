'use server'
// The confirm-or-return form's action; the rules live in ./review.ts.
import { loggedAction } from '@/lib/log/request'
import { typedReason } from '@/lib/validation/review'
import { actionContext, keepInputWhenDatabaseDown, revalidateAssignment, validationMessages } from './context'
import type { ReviewFormState } from './form-states'
import { reviewStatusUpdate as review } from './review'

export const reviewStatusUpdate = loggedAction('reviewStatusUpdate', async (_previous: ReviewFormState, form: FormData): Promise<ReviewFormState> => {
  const reason = typedReason(form)
  return keepInputWhenDatabaseDown(() => decide(form, reason), (message) => ({ kind: 'refused', message, reason }))
})

async function decide(form: FormData, reason: string): Promise<ReviewFormState> {
  const [context, { t, fields }] = await Promise.all([actionContext(), validationMessages()])
  if (!context) return { kind: 'refused', message: t('updateNotFound'), reason }
  const result = await review(context, form)
  switch (result.kind) {
    case 'invalid':
      return { kind: 'invalid', message: t('formInvalid'), reason, fieldErrors: fields(result.problems) }
    case 'notFound':
      return { kind: 'refused', message: t('updateNotFound'), reason }
    case 'locked':
      return { kind: 'refused', message: t('periodLocked', { period: result.period }), reason }
    case 'alreadyReviewed':
      return { kind: 'refused', message: t('alreadyReviewed'), reason }
    case 'saved':
      revalidateAssignment(result.path)
      return { kind: 'saved', message: t(result.decision === 'CONFIRM' ? 'confirmed' : 'returned') }
  }
}
