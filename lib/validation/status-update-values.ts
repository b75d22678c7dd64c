// What the status report form holds, as typed. Without zod, so that the form itself (a client
// component) reads its values the same way when an upload gets no answer.
import { formText } from './form-text'

export const NOTE_MAX_LENGTH = 2000

/** onBehalfVia: how the unit sent a report the office enters on its behalf (empty on a unit's own report). */
export type StatusUpdateValues = { status: string; progress: string; indicatorActual: string; note: string; onBehalfVia: string }

/** What the user typed, to send back with any answer (capped: a refusal must not echo megabytes). */
export function typedValues(form: FormData): StatusUpdateValues {
  return {
    status: formText(form, 'status', 20),
    progress: formText(form, 'progress', 20),
    indicatorActual: formText(form, 'indicatorActual', 40),
    note: formText(form, 'note', NOTE_MAX_LENGTH + 100),
    onBehalfVia: formText(form, 'onBehalfVia', 20),
  }
}
