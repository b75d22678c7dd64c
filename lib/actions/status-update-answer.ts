// The status report form's answer to a posted form. Two ways lead here: the form's server action
// (./status-update-action.ts), and, when the report carries files and JavaScript runs, the upload
// route (app/api/status-updates/route.ts), which lets the form show how much has been sent.
import 'server-only'
import { formatInstant } from '@/lib/domain/calendar'
import { typedValues } from '@/lib/validation/status-update-values'
import { actionContext, keepInputWhenDatabaseDown, revalidateAssignment, validationMessages } from './context'
import type { StatusUpdateFormState, StatusUpdateValues } from './form-states'
import { recordStatusUpdate } from './status-update'

export async function answerStatusUpdate(form: FormData): Promise<StatusUpdateFormState> {
  const values = typedValues(form)
  return keepInputWhenDatabaseDown(() => save(form, values), (message) => ({ kind: 'refused', message, values }))
}

async function save(form: FormData, values: StatusUpdateValues): Promise<StatusUpdateFormState> {
  const [context, { t, fields }] = await Promise.all([actionContext(), validationMessages()])
  if (!context) return { kind: 'refused', message: t('notFound'), values }
  const result = await recordStatusUpdate(context, form)
  switch (result.kind) {
    case 'invalid':
      return { kind: 'invalid', message: t('formInvalid'), values, fieldErrors: fields(result.problems) }
    case 'notFound':
      return { kind: 'refused', message: t('notFound'), values }
    case 'locked':
      return { kind: 'refused', message: t('periodLocked', { period: result.period }), values }
    case 'conflict':
      // The page then shows what was saved in between, beside the refused input.
      revalidateAssignment(result.path)
      return {
        kind: 'conflict',
        message: t('conflict', { name: result.current.authorName, time: formatInstant(result.current.savedAt) }),
        values,
        current: { ...result.current, savedAt: result.current.savedAt.toISOString() },
      }
    case 'saved':
      revalidateAssignment(result.path)
      return { kind: 'saved', message: t('saved'), updateId: result.updateId }
  }
}
