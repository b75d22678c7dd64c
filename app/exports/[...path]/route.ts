// Spreadsheet downloads of the progress views; lib/reports/exports/download.ts decides who gets what.
import type { NextRequest } from 'next/server'
import { getLocale } from 'next-intl/server'
import { clientIp } from '@/lib/auth/client-ip'
import { currentUser } from '@/lib/auth/session'
import { unavailableWhenDatabaseDown } from '@/lib/http/unavailable-response'
import { loggedRoute, noteUser } from '@/lib/log/request'
import { exportDownload } from '@/lib/reports/exports/download'

type Context = { params: Promise<{ path: string[] }> }

export const GET = loggedRoute('exports', unavailableWhenDatabaseDown(async (request: NextRequest, { params }: Context): Promise<Response> => {
  const [user, locale, { path }] = await Promise.all([currentUser(), getLocale(), params])
  noteUser(user?.id)
  return exportDownload({ user, path, search: request.nextUrl.searchParams, locale, ip: clientIp(request.headers), now: new Date() })
}))
