// What the administration forms' actions answer, for the forms to show. Messages are translated.

/** The fields as typed (checkbox lists as lists), sent back with a refusal to be shown again. */
export type AdminValues = Record<string, string | string[]>

export type AdminFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: AdminValues; fieldErrors: Record<string, string> }
  | { kind: 'refused'; message: string; values: AdminValues }
  | { kind: 'saved'; message: string }
