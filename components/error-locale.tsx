'use client'
// The interface language, handed by the root layout to the error page (app/error.tsx), which is a
// client component and cannot ask the server once a page has failed.
import { createContext, useContext, type ReactNode } from 'react'
import type { AppLocale } from '@/lib/i18n/locales'

// Without the layout (a bare render), Vietnamese. A literal, not DEFAULT_LOCALE: importing a value
// from lib/i18n/locales would bring zod into every page's scripts.
const ErrorLocaleContext = createContext<AppLocale>('vi')

export function ErrorLocale({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  return <ErrorLocaleContext value={locale}>{children}</ErrorLocaleContext>
}

export function useErrorLocale(): AppLocale {
  return useContext(ErrorLocaleContext)
}
