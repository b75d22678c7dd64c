// GET /reports/review?period=<code>&format=docx|pdf: the review report of a reporting period.
import { clientIp } from '@/lib/auth/client-ip'
import { currentUser } from '@/lib/auth/session'
import { reviewReportResponse } from '@/lib/reports/review-report-response'

export async function GET(request: Request): Promise<Response> {
  return reviewReportResponse(await currentUser(), new URL(request.url).searchParams, { now: new Date(), ip: clientIp(request.headers) })
}
