// A download of a progress view (/exports/overview.xlsx, /exports/communes/minh-cam.csv, …): the
// route handler's whole work, kept here so that tests can call it without a server. A view's file
// goes to whoever may read its page (mayReadView: the overview and the whole register only to
// leaders and administrators, the other views to anyone signed in). No session, an unknown view or
// code and a refused view all answer the same 404; a refusal is audited, nothing else is written.
import 'server-only'
import { z } from 'zod'
import type { CurrentUser } from '@/lib/auth/session'
import type { AppLocale } from '@/lib/i18n/locales'
import { csvStream } from '../csv'
import { xlsxStream } from '../xlsx'
import { communeExport } from './commune'
import { memberExport } from './member'
import { overviewExport } from './overview'
import { CODED_VIEWS, DISTRICT_VIEWS, EXPORT_FORMATS, type CodedView, type DistrictView, type ExportFormat } from './paths'
import { registerExport } from './register'
import { translatorFor, type ExportDocument, type Translate } from './table'
import { taskExport } from './task'
import { unitExport } from './unit'
import { downloadHeaders, notFoundResponse } from '@/lib/http/download'
import { recordEvent } from '@/lib/audit/record'
import { mayReadView } from '@/lib/auth/permissions'

/** `search`: the page's filters, for the views that have some; `reader`: who downloads, for the columns only some may read. */
type Builder = (code: string, t: Translate, now: Date, search: URLSearchParams, reader: CurrentUser) => Promise<ExportDocument | null>

/** The district-wide views, with no code in their path. */
const DISTRICT_BUILDERS: Record<DistrictView, (t: Translate, now: Date, search: URLSearchParams, reader: CurrentUser) => Promise<ExportDocument>> = {
  overview: overviewExport,
  assignments: registerExport,
}

/** The views with a code in their path. */
const VIEWS: Record<CodedView, Builder> = {
  communes: communeExport,
  members: memberExport,
  tasks: taskExport,
  units: unitExport,
}

export type ExportRequest = { view: DistrictView; code: null; format: ExportFormat } | { view: CodedView; code: string; format: ExportFormat }

/** The code is checked by the view, as its page checks it. */
const fileSchema = z.string().max(120).regex(/^[^/]+\.(csv|xlsx)$/)
const formatSchema = z.enum(EXPORT_FORMATS)
const viewSchema = z.enum(CODED_VIEWS)
const districtViewSchema = z.enum(DISTRICT_VIEWS)

/** ['overview.xlsx'], ['assignments.csv'] or [view, 'code.csv']; null for anything else. */
export function parseExportPath(path: readonly string[]): ExportRequest | null {
  const file = fileSchema.safeParse(path.at(-1))
  if (!file.success) return null
  const dot = file.data.lastIndexOf('.')
  const name = file.data.slice(0, dot)
  const format = formatSchema.parse(file.data.slice(dot + 1))
  if (path.length === 1) {
    const districtView = districtViewSchema.safeParse(name)
    return districtView.success ? { view: districtView.data, code: null, format } : null
  }
  const view = viewSchema.safeParse(path[0])
  return path.length === 2 && view.success ? { view: view.data, code: name, format } : null
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}


/** The parameters that change what a download holds, as the audit records them. */
const RECORDED_PARAMETERS = ['asOf', 'status', 'group', 'review'] as const

/** Who downloaded which view, as of when and filtered how, in which format, how many rows: DESIGN.md's audit trail. */
async function recordExport(user: CurrentUser, request: ExportRequest, rows: number, search: URLSearchParams, ip: string | null, now: Date): Promise<void> {
  // As typed, but without NUL characters, which a JSON column cannot hold.
  const parameters = Object.fromEntries(RECORDED_PARAMETERS.flatMap((name) => (search.has(name) ? [[name, String(search.get(name)).replaceAll('\u0000', '').slice(0, 64)]] : [])))
  await recordEvent({ actorId: user.id, action: 'export.create', entity: request.view, entityId: request.code, after: { format: request.format, rows, ...parameters }, ip, at: now })
}

export type DownloadInput = {
  user: CurrentUser | null
  path: readonly string[]
  search: URLSearchParams
  locale: AppLocale
  ip: string | null
  now: Date
}

export async function exportDownload({ user, path, search, locale, ip, now }: DownloadInput): Promise<Response> {
  if (!user) return notFoundResponse()
  const request = parseExportPath(path)
  if (!request) return notFoundResponse()
  if (!mayReadView(user, request.view)) {
    // Refused like a missing view, and kept in the audit trail as every refusal is.
    await recordEvent({ actorId: user.id, action: 'export.create.refused', entity: request.view, entityId: request.code, after: { format: request.format }, ip, at: now })
    return notFoundResponse()
  }
  const t = translatorFor(locale)
  const document = request.code === null ? await DISTRICT_BUILDERS[request.view](t, now, search, user) : await VIEWS[request.view](request.code, t, now, search, user)
  if (!document) return notFoundResponse()
  const csvSheet = document.sheets[document.csvSheet]
  if (!csvSheet) throw new Error(`exportDownload: ${request.view} has no sheet ${document.csvSheet}`)
  const rows = request.format === 'csv' ? csvSheet.rowCount : document.sheets.reduce((sum, sheet) => sum + sheet.rowCount, 0)
  await recordExport(user, request, rows, search, ip, now)
  const body = request.format === 'csv' ? csvStream(csvSheet, t) : xlsxStream(document, t)
  return new Response(body, { headers: downloadHeaders(`${document.fileStem}.${request.format}`, CONTENT_TYPES[request.format]) })
}
