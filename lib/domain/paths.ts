// Where each thing's page is. Communes and the township have a progress page of their own; other
// units (agencies, villages, the district) have the unit page.
import type { UnitKind } from '@/lib/db/generated/enums'

const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`

/** A unit's own page: its assignments (staff land here). */
export const unitPageHref = (code: string) => path('units', code)

/** A commune's or the township's progress page. */
export const communeHref = (code: string) => path('communes', code)

/** Where a search hit on a unit leads: communes to their progress page, other units to the unit page. */
export function unitHref(code: string, kind: UnitKind): string {
  return kind === 'COMMUNE' || kind === 'TOWNSHIP' ? communeHref(code) : unitPageHref(code)
}

export const taskHref = (code: string) => path('tasks', code)

export const memberHref = (code: string) => path('members', code)

/** One unit's assignment of a task; `updateId` points at one report in its history. */
export function assignmentHref(unitCode: string, taskCode: string, updateId?: string): string {
  return `${path('units', unitCode, 'tasks', taskCode)}${updateId ? `#update-${updateId}` : ''}`
}

/** One comment in an assignment's questions and answers. */
export function assignmentCommentHref(unitCode: string, taskCode: string, commentId: string): string {
  return `${path('units', unitCode, 'tasks', taskCode)}#comment-${commentId}`
}

/** A task group's section on the task list. */
export const groupHref = (code: string) => `/tasks#group-${encodeURIComponent(code)}`

/** The work overdue or due soon in the user's scope. */
export const REMINDERS_PATH = '/reminders'
/** Where the status report form sends a report with files when JavaScript runs (to show the upload's progress). */
export const STATUS_UPDATES_API = '/api/status-updates'

/** A review report written in the app: its draft page, or its issued state. */
export const reviewReportHref = (id: string) => `/reports/drafts/${encodeURIComponent(id)}`
/** An issued review report's file, as it was issued. */
export const reviewReportFileHref = (id: string, format: 'docx' | 'pdf') => `${reviewReportHref(id)}/files/${format}`
