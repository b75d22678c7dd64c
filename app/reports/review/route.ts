// GET /reports/review?period=<code>&format=docx|pdf: the review report of a reporting period.
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
