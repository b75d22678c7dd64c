// The download of a review report (app/reports/review/route.ts): leaders and administrators only;
// anyone else, an unknown period or format gets the same plain 404 and nothing is written.
import 'server-only'
import { Readable } from 'node:stream'
import { z } from 'zod'
import { allows } from '@/lib/auth/permissions'
import type { CurrentUser } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { choosePeriod, reportingPeriods } from '@/lib/queries/reporting-rate'
import { customRange, reviewReportData, type ReportRange } from './review-report'
import { parseReportRange } from '@/lib/validation/report-range'
import { reviewReportDocx } from './review-report-docx'
import { reviewReportPdf } from './review-report-pdf'
import { downloadHeaders, notFoundResponse } from '@/lib/http/download'
import { recordEvent } from '@/lib/audit/record'

export const REPORT_FORMATS = ['docx', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

const CONTENT_TYPE: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

const paramsSchema = z.object({
  period: z.string().trim().min(1).max(64).optional(),
  format: z.enum(REPORT_FORMATS),
})


/** An ASCII name that says what and when: bao-cao-so-ket-dot-2-2026-12-19.docx. */
export function reportFileName(periodCode: string, day: string, format: ReportFormat): string {
  return `bao-cao-${periodCode.replace(/[^a-z0-9-]/gi, '-')}-${day}.${format}`
}

/** A range of days when the request names one (the /reports form), else the period asked for or the default one. */
async function rangeAsked(reader: CurrentUser, code: string | undefined, search: URLSearchParams, now: Date): Promise<{ range: ReportRange; entity: string; entityId: string } | null> {
  const custom = parseReportRange(search)
  if (custom.kind === 'valid') return { range: customRange(custom.input), entity: 'ReportRange', entityId: `${custom.input.from}/${custom.input.to}` }
  if (custom.kind === 'invalid') return null
  const choice = choosePeriod(await reportingPeriods(reader), code, districtDay(now))
  return choice.period && choice.unknownCode === null ? { range: choice.period, entity: 'ReportingPeriod', entityId: choice.period.code } : null
}

export async function reviewReportResponse(user: CurrentUser | null, search: URLSearchParams, context: { now: Date; ip: string | null }): Promise<Response> {
  if (!user) return notFoundResponse()
  if (!allows(user, 'report.create')) {
    // Refused like a missing report, and kept in the audit trail as every refusal is.
    await recordEvent({ actorId: user.id, action: 'report.create.refused', entity: 'ReportingPeriod', entityId: null, ip: context.ip, at: context.now })
    return notFoundResponse()
  }
  const params = paramsSchema.safeParse({ period: search.get('period') ?? undefined, format: search.get('format') ?? undefined })
  if (!params.success) return notFoundResponse()
  const { period: code, format } = params.data
  const range = await rangeAsked(user, code, search, context.now)
  if (!range) return notFoundResponse()
  const data = await reviewReportData(user, range.range, context.now)
  const body = format === 'docx' ? new Uint8Array(await reviewReportDocx(data)) : (Readable.toWeb(reviewReportPdf(data)) as ReadableStream<Uint8Array>)
  await recordEvent({ actorId: user.id, action: 'report.create', entity: range.entity, entityId: range.entityId, after: { format }, ip: context.ip, at: context.now })
  return new Response(body, { headers: downloadHeaders(reportFileName(range.range.code, data.asOfDay, format), CONTENT_TYPE[format]) })
}
