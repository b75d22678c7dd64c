// What the administration forms' actions answer, for the forms to show. Messages are translated.
// A database out of reach is answered `refused`, with the input kept (../context.ts).

/** The fields as typed (checkbox lists as lists), sent back with a refusal to be shown again. */
export type AdminValues = Record<string, string | string[]>

export type AdminFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: AdminValues; fieldErrors: Record<string, string> }
  | { kind: 'refused'; message: string; values: AdminValues }
  | { kind: 'saved'; message: string }

/** One row of an import check, its problems already worded ("Dòng 3, cột "Mã nhóm": …"). */
export type ImportRowView = { row: number; label: string; outcome: 'create' | 'update' | 'skip' | 'error'; problems: string[] }

export type ImportFormState =
  | { kind: 'idle' }
  | { kind: 'invalid' | 'refused'; message: string; fieldErrors: Record<string, string>; importKind: string }
  /** Checked (or refused on apply because rows are in error): the file is carried for the next step. */
  | { kind: 'checked' | 'rejected'; message: string; summary: string; rows: ImportRowView[]; importKind: string; fileName: string; content: string; ready: boolean }
  | { kind: 'applied'; message: string; summary: string; rows: ImportRowView[] }
