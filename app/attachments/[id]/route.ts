// Evidence download. Any signed-in, active user of the district may read evidence (staff read
// everything in the district); anyone else, and any unknown id, gets a plain 404.
import { z } from 'zod'
import { currentUser } from '@/lib/auth/session'
import { attachmentFile } from '@/lib/queries/attachment-file'
import { downloadHeaders } from '@/lib/reports/download'

type Context = { params: Promise<{ id: string }> }

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } })

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const user = await currentUser()
  if (!user) return notFound()
  const id = z.uuid().safeParse((await params).id)
  const file = id.success ? await attachmentFile(id.data) : null
  if (!file) return notFound()
  return new Response(new Uint8Array(file.content), {
    headers: { ...downloadHeaders(file.fileName, file.mediaType), 'Content-Length': String(file.content.byteLength) },
  })
}
