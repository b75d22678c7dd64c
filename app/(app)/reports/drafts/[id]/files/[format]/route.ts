// GET /reports/drafts/<id>/files/docx|pdf: an issued review report's file, the bytes kept when it
// was issued. Anyone who may not read it, a draft, or an unknown format gets the same plain 404.
import { clientIp } from '@/lib/auth/client-ip'
import { currentUser } from '@/lib/auth/session'
import { unavailableWhenDatabaseDown } from '@/lib/http/unavailable-response'
import { loggedRoute, noteUser } from '@/lib/log/request'
import { issuedReportResponse } from '@/lib/reports/issued-report-response'

type Params = { params: Promise<{ id: string; format: string }> }

export const GET = loggedRoute('issuedReviewReport', unavailableWhenDatabaseDown(async (request: Request, { params }: Params): Promise<Response> => {
  const user = await currentUser()
  noteUser(user?.id)
  const { id, format } = await params
  return issuedReportResponse(user, id, format, { now: new Date(), ip: clientIp(request.headers) })
}))
