import '@fontsource-variable/inter'
import './globals.css'
import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { ErrorLocale } from '@/components/error-locale'
import { LoadingLabelProvider } from '@/components/navigation-pending'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app')
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description'),
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')])
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The error page (app/error.tsx) is a client component: it needs the language from here. */}
        <ErrorLocale locale={locale}>
          <LoadingLabelProvider label={t('pageLoading')}>{children}</LoadingLabelProvider>
        </ErrorLocale>
      </body>
    </html>
  )
}
