'use server'
// The confirm-or-return form's action; the rules live in ./review.ts.
import { readReviewForm } from '@/lib/validation/review'
import { assignmentFormAction } from './form-action'
import type { ReviewFormState } from './form-states'
import { recordReview } from './review'

export const reviewStatusUpdate = assignmentFormAction({
  name: 'reviewStatusUpdate',
  read: readReviewForm,
  run: recordReview,
  answer: (result, { t, fields }, { reason }): ReviewFormState => {
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
        return { kind: 'saved', message: t(result.decision === 'CONFIRM' ? 'confirmed' : 'returned') }
    }
  },
  notSaved: (message: string, { reason }: { reason: string }): ReviewFormState => ({ kind: 'refused', message, reason }),
})
