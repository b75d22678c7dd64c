// What the forms' server actions answer, for the forms to show: types only, so that a component
// imports them without importing server code. Messages are already translated. `refused` is also
// the answer when the database cannot be reached (form-action.ts): nothing saved, the input shown
// again with the message; the status report says `unavailable` then, which the phone's queue reads
// as "send it later" rather than as a refusal.
import type { AdminValues } from '@/lib/validation/admin'
import type { MailSettingsField, MailSettingsValues } from '@/lib/validation/mail-settings'
import type { PasswordField } from '@/lib/validation/password'
import type { IssueField, IssueValues } from '@/lib/validation/review-draft'
import type { StatusUpdateValues } from '@/lib/validation/status-update-values'
import type { SavedState as SavedStateRecord } from './status-update'

export type { AdminValues, PasswordField, StatusUpdateValues }
export type StatusUpdateField = keyof StatusUpdateValues | 'files'

/** The state another person saved in between, shown beside the refused input (time as ISO text). */
export type SavedState = Omit<SavedStateRecord, 'savedAt'> & { savedAt: string }

export type StatusUpdateFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: StatusUpdateValues; fieldErrors: Partial<Record<StatusUpdateField, string>> }
  | { kind: 'conflict'; message: string; values: StatusUpdateValues; current: SavedState }
  | { kind: 'refused'; message: string; values: StatusUpdateValues } // not found (or not theirs), locked period
  | { kind: 'unavailable'; message: string; values: StatusUpdateValues } // database unreachable: nothing saved, try again later
  | { kind: 'saved'; message: string; updateId: string }

export type ReviewField = 'decision' | 'reason'
export type ReviewFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; reason: string; fieldErrors: Partial<Record<ReviewField, string>> }
  | { kind: 'refused'; message: string; reason: string }
  | { kind: 'saved'; message: string }

export type CommentFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; body: string; fieldErrors: { body?: string } }
  | { kind: 'refused'; message: string; body: string }
  | { kind: 'saved'; message: string }

export type QuestionPublishFormState = { kind: 'idle' } | { kind: 'refused'; message: string; showUnit: boolean } | { kind: 'saved'; message: string }

/** A changed password leads to another page (the action redirects), so only refusals are answered. */
export type PasswordFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; fieldErrors: Partial<Record<PasswordField, string>> }
  | { kind: 'refused'; message: string }

export type TwoFactorFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; fieldErrors: { code?: string } }
  | { kind: 'refused'; message: string }
  | { kind: 'saved'; message: string; recoveryCodes?: string[] }

export type SignInState = {
  /** What the user typed, shown again after a refusal. */
  username: string
  /** Set once the password was right and a code is owed: the form then asks for the code. */
  challenge?: string
  error?: string
  fieldErrors?: { username?: string; password?: string; code?: string }
}

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

/** A rename, re-code or merge of units, worded: what the preview shows before it is applied. */
export type UnitChangePreview = {
  rows: { item: string; before: string; after: string }[]
  /** The effective day, the reason, whether it waits for its day, the accounts. */
  notes: string[]
  addresses: string[]
  /** A merge: the merged units' accounts, each to move to the successor (ticked) or be deactivated. */
  accounts?: { legend: string; hint: string; empty: string; choices: { value: string; label: string }[] }
  /** A split: what the preview asks for, one select per thing (field `name`), set to `value` to begin with. */
  choices?: PreviewChoiceGroup[]
}

export type PreviewChoiceGroup = {
  legend: string
  hint?: string
  rows: { name: string; label: string; value: string; options: { value: string; label: string }[] }[]
}

/** The preview carries the values it was made from: "apply" sends exactly what was previewed. */
export type UnitChangeFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: AdminValues; fieldErrors: Record<string, string> }
  | { kind: 'refused'; message: string; values: AdminValues }
  /** `fieldErrors`: a split applied before its choices were all made, shown again with them. */
  | { kind: 'preview'; message: string; values: AdminValues; preview: UnitChangePreview; fieldErrors?: Record<string, string> }
  /** `link`: the page of the unit after a merge, of the unit split after a split. */
  | { kind: 'saved'; message: string; link?: string }

export type MailSettingsFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: MailSettingsValues; fieldErrors: Partial<Record<MailSettingsField, string>> }
  | { kind: 'refused'; message: string; values: MailSettingsValues }
  | { kind: 'saved'; message: string }

/** A link in mail followed (verify, unsubscribe): done, or refused (used, expired, unknown). */
export type MailLinkState = { kind: 'idle' } | { kind: 'done' | 'invalid'; message: string }

/** A review report section's save, as the editor shows it; the time as ISO text. */
export type SectionSaveState =
  | { kind: 'saved'; version: number; savedAt: string }
  /** Another save came first: its text and version, to show beside the clerk's and to save over. */
  | { kind: 'conflict'; message: string; takeTheirs: string; current: { text: string; version: number } }
  | { kind: 'refused'; message: string }

export type IssueFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: IssueValues; fieldErrors: Partial<Record<IssueField, string>> }
  | { kind: 'refused'; message: string; values: IssueValues }
  | { kind: 'saved'; message: string }
