// GET /reports/review?format=docx|pdf with either period=<code> (a reporting period; without it the
// default one) or from=YYYY-MM-DD&to=YYYY-MM-DD&kind=INTERIM|FINAL (a range of days, as on /reports;
// kind defaults to INTERIM): the review report as Word or PDF.
import { clientIp } from '@/lib/auth/client-ip'
import { currentUser } from '@/lib/auth/session'
import { unavailableWhenDatabaseDown } from '@/lib/http/unavailable-response'
import { loggedRoute, noteUser } from '@/lib/log/request'
import { reviewReportResponse } from '@/lib/reports/review-report-response'

export const GET = loggedRoute('reviewReport', unavailableWhenDatabaseDown(async (request: Request): Promise<Response> => {
  const user = await currentUser()
  noteUser(user?.id)
  return reviewReportResponse(user, new URL(request.url).searchParams, { now: new Date(), ip: clientIp(request.headers) })
}))
