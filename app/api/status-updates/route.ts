// The status report form sends a report with files here when JavaScript runs: its server action
// itself answers (lib/actions/status-update-action.ts), but sent with XMLHttpRequest, which tells
// the form how much has gone up (fetch cannot) — minutes of waiting on a slow link. Without
// JavaScript the form posts to the action.
import { saveStatusUpdate } from '@/lib/actions/status-update-action'
import { sentFromThisSite } from '@/lib/http/same-origin'
import { loggedRoute } from '@/lib/log/request'
import { notFoundResponse } from '@/lib/http/download'
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@/lib/validation/evidence'

/** The files at their largest, and room for the fields and the form's framing. */
const MAX_BODY_BYTES = MAX_EVIDENCE_FILES * MAX_EVIDENCE_BYTES + 2 * 1024 * 1024

export const POST = loggedRoute('statusUpdates', async (request: Request): Promise<Response> => {
  if (!sentFromThisSite(request.headers)) return notFoundResponse()
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return new Response(null, { status: 413 })
  const form = await request.formData().catch(() => null)
  if (!form) return new Response(null, { status: 400 })
  return Response.json(await saveStatusUpdate({ kind: 'idle' }, form))
})
