// What the forms' server actions answer, for the forms to show. Messages are already translated.
// `refused` is also the answer when the database cannot be reached (context.ts
// keepInputWhenDatabaseDown): nothing saved, the input shown again with the message.
import type { StatusUpdateValues } from '@/lib/validation/status-update-values'
import type { SavedState as SavedStateRecord } from './status-update'

export type { StatusUpdateValues }
export type StatusUpdateField = keyof StatusUpdateValues | 'files'

/** The state another person saved in between, shown beside the refused input (time as ISO text). */
export type SavedState = Omit<SavedStateRecord, 'savedAt'> & { savedAt: string }

export type StatusUpdateFormState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string; values: StatusUpdateValues; fieldErrors: Partial<Record<StatusUpdateField, string>> }
  | { kind: 'conflict'; message: string; values: StatusUpdateValues; current: SavedState }
  | { kind: 'refused'; message: string; values: StatusUpdateValues } // not found (or not theirs), locked period, database unreachable
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
