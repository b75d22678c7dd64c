'use server'
// The status report form's action; its answer is made in ./status-update-answer.ts, the rules live
// in ./status-update.ts.
import { loggedAction } from '@/lib/log/request'
import type { StatusUpdateFormState } from './form-states'
import { answerStatusUpdate } from './status-update-answer'

export const saveStatusUpdate = loggedAction('saveStatusUpdate', async (_previous: StatusUpdateFormState, form: FormData): Promise<StatusUpdateFormState> => answerStatusUpdate(form))
