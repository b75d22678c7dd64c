// Where each thing's page is. Communes and the township have a progress page of their own; other
// units (agencies, villages, the district) have the unit page.
import type { UnitKind } from '@/lib/queries/search-results'

const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`

export function unitHref(code: string, kind: UnitKind): string {
  return kind === 'COMMUNE' || kind === 'TOWNSHIP' ? path('communes', code) : path('units', code)
}

export const taskHref = (code: string) => path('tasks', code)

export const memberHref = (code: string) => path('members', code)

/** One unit's assignment of a task; `updateId` points at one report in its history. */
export function assignmentHref(unitCode: string, taskCode: string, updateId?: string): string {
  return `${path('units', unitCode, 'tasks', taskCode)}${updateId ? `#update-${updateId}` : ''}`
}

/** A task group's section on the task list. */
export const groupHref = (code: string) => `/tasks#group-${encodeURIComponent(code)}`
