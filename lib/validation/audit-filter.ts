// The audit page's filters, read from its URL (`/audit?user=bi-thu&action=export.create&from=01/11/2026`).
// Each parameter stands alone: one that is malformed, repeated or empty is dropped, never an error.
import { z } from 'zod'
import type { AuditFilter } from '@/lib/audit/events'
import { pageNumber } from './page'

/** `unreadDays`: a day typed that is no date, as typed (cut short), to show back beside its box. */
export type AuditSearch = { filter: AuditFilter; page: number; unreadDays: { from?: string; to?: string } }

/** Printable ASCII names, as the app writes them (`statusUpdate.create.refused`, `Assignment`). */
const name = z.string().trim().regex(/^[A-Za-z][\w.-]{0,99}$/)

/** dd/mm/yyyy as typed (d/m also), or yyyy-mm-dd; a date that does not exist is no date. */
const day = z
  .string()
  .trim()
  .transform((text) => {
    const [, date, month, year] = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) ?? []
    return date && month && year ? `${year}-${month.padStart(2, '0')}-${date.padStart(2, '0')}` : text
  })
  .pipe(z.iso.date())

const searchSchema = z.object({
  user: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^\p{Cc}]{1,100}$/u)
    .optional()
    .catch(undefined),
  entity: name.optional().catch(undefined),
  action: name.optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: pageNumber,
})

/** The filters in force and the page asked for (1 when missing or malformed). */
export function parseAuditSearch(params: Record<string, string | string[] | undefined>): AuditSearch {
  const { page, ...filter } = searchSchema.parse(params)
  const unread = (typed: unknown, read: string | undefined) => (read === undefined && typeof typed === 'string' && typed.trim() !== '' ? typed.trim().slice(0, 20) : undefined)
  return { filter, page, unreadDays: { from: unread(params.from, filter.from), to: unread(params.to, filter.to) } }
}
