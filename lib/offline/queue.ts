// Status reports kept on the device (IndexedDB) when they could not be sent: made without a
// connection, or cut off on the way. Each keeps its submission key, so sending it again saves it
// once however often it is tried (lib/actions/status-update.ts), and the version it was based on,
// so a report saved by someone else in between comes back as a conflict. A report belongs to the
// user who made it: only that user's pages list and send it. Browser-only.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { StatusUpdateFormState } from '@/lib/actions/form-states'
import { QUEUED_FOR_HEADER } from '@/lib/domain/offline'
import { STATUS_UPDATES_API } from '@/lib/domain/paths'

export type QueuedReport = {
  /** The report's submission key. */
  key: string
  userId: string
  assignmentId: string
  /** The assignment's page and name, for the list of waiting reports. */
  href: string
  title: string
  /** Every field of the form but the files, as posted (the key and the base version included). */
  fields: [string, string][]
  files: File[]
  createdAt: number
  /** The server's answer when it did not save the report (kept, with its reason, until the user deletes it); null while it waits. */
  answer: Exclude<StatusUpdateFormState, { kind: 'idle' | 'saved' | 'unavailable' }> | null
}

interface QueueSchema extends DBSchema {
  reports: { key: string; value: QueuedReport; indexes: { byUser: string } }
}

/** Sent on `window` whenever the queue changes, for the counts and lists to read it again. */
export const QUEUE_CHANGED = 'report-queue-changed'

let opened: Promise<IDBPDatabase<QueueSchema>> | null = null
function database(): Promise<IDBPDatabase<QueueSchema>> {
  opened ??= openDB<QueueSchema>('report-queue', 1, {
    upgrade(db) {
      db.createObjectStore('reports', { keyPath: 'key' }).createIndex('byUser', 'userId')
    },
  })
  return opened
}

function changed(): void {
  window.dispatchEvent(new Event(QUEUE_CHANGED))
}

/** The report as the form posted it, split into its fields and its chosen files. */
export function reportFromForm(form: FormData, meta: Pick<QueuedReport, 'userId' | 'href' | 'title'>): QueuedReport {
  const fields: [string, string][] = []
  const files: File[] = []
  for (const [name, value] of form) {
    if (typeof value === 'string') fields.push([name, value])
    else if (value.name !== '' || value.size > 0) files.push(value) // an empty file input posts an empty, nameless file
  }
  const field = (name: string) => fields.find(([n]) => n === name)?.[1] ?? ''
  return { ...meta, key: field('submissionKey'), assignmentId: field('assignmentId'), fields, files, createdAt: Date.now(), answer: null }
}

/** Keeps a report; rejects (QuotaExceededError among others) when the device refuses to store it. */
export async function keepReport(report: QueuedReport): Promise<void> {
  await (await database()).put('reports', report)
  changed()
}

export async function userReports(userId: string): Promise<QueuedReport[]> {
  const reports = await (await database()).getAllFromIndex('reports', 'byUser', userId)
  return reports.sort((a, b) => a.createdAt - b.createdAt)
}

export async function deleteReport(key: string): Promise<void> {
  await (await database()).delete('reports', key)
  changed()
}

/** Puts a refused report back in line to be sent (the user asked to try again). */
export async function retryReport(key: string): Promise<void> {
  const db = await database()
  const report = await db.get('reports', key)
  if (report) await db.put('reports', { ...report, answer: null })
  changed()
}

/**
 * Sends the user's waiting reports one by one. One tab at a time (a Web Lock), so two open pages
 * never post the same report together. Saved, a report leaves the queue; refused or in conflict,
 * it stays with the server's answer; unsent (no connection, no session, the server down), it
 * waits for the next try. Returns how many were saved.
 */
export async function sendWaiting(userId: string): Promise<number> {
  const run = async () => {
    let saved = 0
    for (const report of await userReports(userId)) {
      if (report.answer !== null) continue
      const outcome = await send(report)
      if (outcome === 'unsent') break // the link is down: the rest would fail too
      if (outcome === 'saved') saved++
    }
    return saved
  }
  if (!('locks' in navigator)) return run()
  return navigator.locks.request(`report-queue:${userId}`, { ifAvailable: true }, (lock) => (lock ? run() : 0))
}

async function send(report: QueuedReport): Promise<'saved' | 'kept' | 'unsent'> {
  const body = new FormData()
  for (const [name, value] of report.fields) body.append(name, value)
  for (const file of report.files) body.append('files', file)
  let answer: StatusUpdateFormState
  try {
    const response = await fetch(STATUS_UPDATES_API, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual', headers: { [QUEUED_FOR_HEADER]: report.userId } })
    if (response.status !== 200) return 'unsent'
    answer = (await response.json()) as StatusUpdateFormState
  } catch {
    return 'unsent'
  }
  if (answer.kind === 'saved') {
    await deleteReport(report.key)
    return 'saved'
  }
  if (answer.kind === 'idle' || answer.kind === 'unavailable') return 'unsent'
  await keepReport({ ...report, answer })
  return 'kept'
}
