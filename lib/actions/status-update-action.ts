'use server'
// The status report form's action; the rules live in ./status-update.ts. Two ways lead here: the
// form posts to it, and, when the report carries files and JavaScript runs, the upload route
// (app/api/status-updates/route.ts) calls it, so that the form can show how much has been sent.
import { formatInstant } from '@/lib/domain/calendar'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { assignmentFormAction } from './form-action'
import type { StatusUpdateFormState, StatusUpdateValues } from './form-states'
import { recordStatusUpdate } from './status-update'

export const saveStatusUpdate = assignmentFormAction({
  name: 'saveStatusUpdate',
  read: readStatusUpdateForm,
  run: recordStatusUpdate,
  answer: (result, { t, fields }, values): StatusUpdateFormState => {
    switch (result.kind) {
      case 'invalid':
        return { kind: 'invalid', message: t('formInvalid'), values, fieldErrors: fields(result.problems) }
      case 'notFound':
        return { kind: 'refused', message: t('notFound'), values }
      case 'locked':
        return { kind: 'refused', message: t('periodLocked', { period: result.period }), values }
      case 'conflict':
        return {
          kind: 'conflict',
          message: t('conflict', { name: result.current.authorName, time: formatInstant(result.current.savedAt) }),
          values,
          current: { ...result.current, savedAt: result.current.savedAt.toISOString() },
        }
      case 'saved':
        return { kind: 'saved', message: t('saved'), updateId: result.updateId }
    }
  },
  notSaved: (message: string, values: StatusUpdateValues): StatusUpdateFormState => ({ kind: 'unavailable', message, values }),
})
