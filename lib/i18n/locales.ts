// The interface languages. Vietnamese is the default; the choice lives in a cookie, not in the URL,
// so links and bookmarks are the same for everyone.
import { z } from 'zod'

export const LOCALES = ['vi', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'vi'
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export const localeSchema = z.enum(LOCALES)

/** The locale to use for a requested value: anything unknown falls back to Vietnamese. */
export function resolveLocale(value: unknown): AppLocale {
  const parsed = localeSchema.safeParse(value)
  return parsed.success ? parsed.data : DEFAULT_LOCALE
}
