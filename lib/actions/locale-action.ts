'use server'
// The language switch: remembers the choice in a cookie; the page re-renders in that language.
import { cookies, headers } from 'next/headers'
import { requestIsHttps } from '@/lib/http/security-headers'
import { LOCALE_COOKIE, localeSchema } from '@/lib/i18n/locales'
import { loggedAction } from '@/lib/log/request'

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

export const switchLocale = loggedAction('switchLocale', async (form: FormData): Promise<void> => {
  const locale = localeSchema.safeParse(form.get('locale'))
  if (!locale.success) return
  ;(await cookies()).set(LOCALE_COOKIE, locale.data, {
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
    // Behind HTTPS the cookie never travels over plain http; the tests run over plain http.
    secure: requestIsHttps(await headers()),
  })
})
