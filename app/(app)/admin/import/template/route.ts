// The import templates, for administrators only (anyone else: not found).
import { z } from 'zod'
import { allows } from '@/lib/auth/permissions'
import { currentUser } from '@/lib/auth/session'
import { IMPORT_KINDS } from '@/lib/import/columns'
import { importTemplate } from '@/lib/import/template'
import { downloadHeaders, notFoundResponse } from '@/lib/http/download'
import { unavailableWhenDatabaseDown } from '@/lib/http/unavailable-response'
import { loggedRoute, noteUser } from '@/lib/log/request'

const querySchema = z.object({ kind: z.enum(IMPORT_KINDS), format: z.enum(['csv', 'xlsx']) })
const MEDIA_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

export const GET = loggedRoute('importTemplate', unavailableWhenDatabaseDown(async (request: Request): Promise<Response> => {
  const user = await currentUser()
  noteUser(user?.id)
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!user || !allows(user, 'admin.manage') || !query.success) return notFoundResponse()
  const { kind, format } = query.data
  return new Response(Buffer.from(await importTemplate(kind, format)), {
    headers: downloadHeaders(`mau-nhap-${kind === 'tasks' ? 'nhiem-vu' : 'giao-nhiem-vu'}.${format}`, MEDIA_TYPES[format]),
  })
}))
