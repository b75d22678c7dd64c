// Opening an entry of "Việc cần xử lý": marks the reader's own notification read and sends them on
// to what it is about (303, so the browser follows with a GET). Someone else's, a missing one or one
// not yet shown gets the plain 404 of a missing record. Linked with a plain <a>, never prefetched.
import { z } from 'zod'
import { openNotification } from '@/lib/actions/notifications'
import { currentUser } from '@/lib/auth/session'
import { notFoundResponse } from '@/lib/http/download'
import { unavailableWhenDatabaseDown } from '@/lib/http/unavailable-response'
import { loggedRoute, noteUser } from '@/lib/log/request'

type Context = { params: Promise<{ id: string }> }

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'private, no-store' } })

export const GET = loggedRoute('notifications', unavailableWhenDatabaseDown(async (_request: Request, { params }: Context): Promise<Response> => {
  const user = await currentUser()
  noteUser(user?.id)
  // Signed out (a session that timed out in an open tab): to the login page, whatever the id.
  if (!user) return seeOther('/login')
  const id = z.uuid().safeParse((await params).id)
  const target = id.success ? await openNotification(user, id.data, new Date()) : null
  return target ? seeOther(target) : notFoundResponse()
}))
