// Typed message keys and locales: a missing or misspelt key fails `tsc`.
import type { vi } from '@/messages'
import type { AppLocale } from './locales'

declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale
    Messages: typeof vi
  }
}
