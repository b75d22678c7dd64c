// The status report form sends a report with files here when JavaScript runs: its server action
// itself answers (lib/actions/status-update-action.ts), but sent with XMLHttpRequest, which tells
// the form how much has gone up (fetch cannot) — minutes of waiting on a slow link. Without
// JavaScript the form posts to the action. The server wrapper has already refused a body this
// large from anyone without a standing session, and counts the bytes as they arrive
// (lib/http/body-limit.ts); Content-Length is checked again here for any other way of serving.
import { saveStatusUpdate } from '@/lib/actions/status-update-action'
import { EVIDENCE_BODY_BYTES } from '@/lib/http/body-limit'
import { sentFromThisSite } from '@/lib/http/same-origin'
import { loggedRoute } from '@/lib/log/request'
import { notFoundResponse } from '@/lib/http/download'
import { currentSession } from '@/lib/auth/session'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { QUEUED_FOR_HEADER } from '@/lib/domain/offline'

export const POST = loggedRoute('statusUpdates', async (request: Request): Promise<Response> => {
  if (!sentFromThisSite(request.headers)) return notFoundResponse()
  if (Number(request.headers.get('content-length') ?? 0) > EVIDENCE_BODY_BYTES) return new Response(null, { status: 413 })
  // A report kept on a device (lib/offline/queue.ts) names its user, and is sent again until it is
  // answered: without that user's session it must hear "not now" (never be saved as another's, nor
  // refused as not theirs), and with the database out of reach "later", so that it keeps waiting.
  const queuedFor = request.headers.get(QUEUED_FOR_HEADER)
  if (queuedFor !== null) {
    const session = await currentSession().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return undefined
      throw error
    })
    if (session === undefined) return new Response(null, { status: 503 })
    if (session?.user.id !== queuedFor) return new Response(null, { status: 401 })
  }
  const form = await request.formData().catch(() => null)
  if (!form) return new Response(null, { status: 400 })
  const answer = await saveStatusUpdate({ kind: 'idle' }, form)
  // Nothing saved because the database is out of reach: "later", as above, so that the form keeps
  // the report on the device and the queue sends it again.
  if (answer.kind === 'unavailable') return new Response(null, { status: 503 })
  return Response.json(answer)
})
