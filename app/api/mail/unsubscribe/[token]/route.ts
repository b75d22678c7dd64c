// RFC 8058 one-click unsubscribe: the mail's List-Unsubscribe URL, which a mail client POSTs
// (`List-Unsubscribe=One-Click`) without a session. A GET changes nothing: it leads to the page
// with the button. An unknown, used or expired token answers 404 and changes nothing.
import { unsubscribe } from '@/lib/actions/mail-settings'
import { clientIp } from '@/lib/auth/client-ip'
import { loggedRoute } from '@/lib/log/request'
import { unsubscribeHref } from '@/lib/mail/paths'

type Params = { params: Promise<{ token: string }> }

export const POST = loggedRoute('mailUnsubscribe', async (request: Request, { params }: Params): Promise<Response> => {
  const { token } = await params
  const result = await unsubscribe({ now: new Date(), ip: clientIp(request.headers) }, token)
  return new Response(null, { status: result.kind === 'done' ? 204 : 404, headers: { 'Cache-Control': 'no-store' } })
})

// A relative Location: behind a proxy the request's own URL is not the one the reader sees.
export const GET = loggedRoute('mailUnsubscribe', async (_request: Request, { params }: Params): Promise<Response> => {
  const { token } = await params
  return new Response(null, { status: 303, headers: { Location: unsubscribeHref(token), 'Cache-Control': 'no-store' } })
})
