// Evidence download. Any signed-in, active user of the district may read evidence (staff read
// everything in the district); anyone else, and any unknown id, gets a plain 404.
import { z } from 'zod'
import { currentUser } from '@/lib/auth/session'
import { attachmentFile } from '@/lib/queries/attachment-file'

type Context = { params: Promise<{ id: string }> }

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } })

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const user = await currentUser()
  if (!user) return notFound()
  const id = z.uuid().safeParse((await params).id)
  const file = id.success ? await attachmentFile(id.data) : null
  if (!file) return notFound()
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': contentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}

/**
 * Always a download (never shown inline, whatever the type), with the name in UTF-8 (RFC 6266 /
 * RFC 8187) and an ASCII fallback for old clients: "Biên bản.pdf" -> "Bien ban.pdf".
 */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
