// next-intl's per-request configuration (wired in next.config.mjs).
import { cookies } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { en, vi } from '@/messages'
import { LOCALE_COOKIE, resolveLocale } from './locales'

const messages = { vi, en }

export default getRequestConfig(async ({ locale: requested, requestLocale }) => {
  const locale = resolveLocale(requested ?? (await requestLocale) ?? (await cookies()).get(LOCALE_COOKIE)?.value)
  return { locale, messages: messages[locale], timeZone: DISTRICT_TIME_ZONE }
})
