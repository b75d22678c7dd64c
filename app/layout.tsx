import './globals.css'
import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { ErrorLocale } from '@/components/error-locale'
import { LoadingLabelProvider } from '@/components/navigation-pending'
import { ServiceWorker } from '@/components/service-worker'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { districtDay } from '@/lib/domain/calendar'
import { nameValues } from '@/lib/domain/organisation'
import { organisationOn, type OrganisationUnit } from '@/lib/queries/organisation'

/** The unit the description names; none while the database is out of reach (the page itself then goes to /unavailable). */
async function homeUnit(): Promise<OrganisationUnit | null> {
  try {
    return (await organisationOn(districtDay(new Date())))?.home ?? null
  } catch (error) {
    if (isDatabaseUnavailable(error)) return null
    throw error
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const [t, home] = await Promise.all([getTranslations('app'), homeUnit()])
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description', nameValues(home)),
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')])
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The error page (app/error.tsx) is a client component: it needs the language from here. */}
        <ErrorLocale locale={locale}>
          <LoadingLabelProvider label={t('pageLoading')}>
            <ServiceWorker>{children}</ServiceWorker>
          </LoadingLabelProvider>
        </ErrorLocale>
      </body>
    </html>
  )
}
