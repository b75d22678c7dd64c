// Evidence download, for those who may read the assignment's details (READ_RULES: its unit's staff,
// the leaders in charge, administrators). Anyone else, and any unknown id, gets the same plain 404.
import { z } from 'zod'
import { currentUser } from '@/lib/auth/session'
import { unavailableWhenDatabaseDown } from '@/lib/http/unavailable-response'
import { loggedRoute, noteUser } from '@/lib/log/request'
import { attachmentFile } from '@/lib/queries/attachment-file'
import { downloadHeaders, notFoundResponse } from '@/lib/http/download'

type Context = { params: Promise<{ id: string }> }

export const GET = loggedRoute('attachments', unavailableWhenDatabaseDown(async (_request: Request, { params }: Context): Promise<Response> => {
  const user = await currentUser()
  noteUser(user?.id)
  if (!user) return notFoundResponse()
  const id = z.uuid().safeParse((await params).id)
  const file = id.success ? await attachmentFile(user, id.data) : null
  if (!file) return notFoundResponse()
  return new Response(new Uint8Array(file.content), {
    headers: { ...downloadHeaders(file.fileName, file.mediaType), 'Content-Length': String(file.content.byteLength) },
  })
}))
