// The download of an issued review report (app/(app)/reports/drafts/[id]/files/[format]/route.ts):
// the bytes stored when it was issued, never made again. Refused (audited) like a missing file.
import 'server-only'
import type { CurrentUser } from '@/lib/auth/session'
import { recordEvent, recordRefusal } from '@/lib/audit/record'
import { downloadHeaders, notFoundResponse } from '@/lib/http/download'
import { issuedReportFile } from '@/lib/queries/review-drafts'
import { REPORT_FORMATS } from './review-report-response'

export async function issuedReportResponse(user: CurrentUser | null, id: string, format: string, context: { now: Date; ip: string | null }): Promise<Response> {
  if (!user) return notFoundResponse()
  const acting = { actor: user, now: context.now, ip: context.ip }
  const file = (REPORT_FORMATS as readonly string[]).includes(format) ? await issuedReportFile(user, id, format) : null
  if (!file) {
    await recordRefusal(acting, 'reviewReport.download', 'ReviewReport', id)
    return notFoundResponse()
  }
  await recordEvent({ actorId: user.id, action: 'reviewReport.download', entity: 'ReviewReport', entityId: id, after: { format, sha256: file.sha256 }, ip: context.ip, at: context.now })
  return new Response(new Uint8Array(file.content), { headers: downloadHeaders(file.fileName, file.mediaType) })
}
