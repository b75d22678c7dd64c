import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { LanguageSwitch } from '@/components/language-switch'
import { LoginForm } from '@/components/login-form'
import { OfflineReset } from '@/components/offline-reset'
import { signInWithPassword } from '@/lib/actions/sign-in-action'
import { switchLocale } from '@/lib/actions/locale-action'
import { landingPath, pendingStepHref } from '@/lib/auth/landing'
import { pageSession } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { nameValues } from '@/lib/domain/organisation'
import { organisationOn } from '@/lib/queries/organisation'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login')
  return { title: t('title') }
}

export default async function LoginPage() {
  const session = await pageSession()
  if (session) redirect(session.pending ? pendingStepHref(session.pending) : landingPath(session.user))
  const [t, locale, organisation] = await Promise.all([getTranslations(), getLocale(), organisationOn(districtDay(new Date()))])
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-8">
      <OfflineReset />
      <div className="mb-4 flex justify-end">
        <LanguageSwitch current={locale} action={switchLocale} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {organisation && <p className="text-sm font-medium text-slate-600">{t('app.committee', nameValues(organisation.home))}</p>}
        <p className="mb-4 text-lg font-semibold text-red-800">{t('app.title')}</p>
        <h1 className="text-2xl font-bold">{t('login.title')}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">{t('login.intro')}</p>
        <LoginForm
          action={signInWithPassword}
          labels={{
            title: t('login.title'),
            username: t('login.username'),
            password: t('login.password'),
            submit: t('login.submit'),
            pending: t('login.pending'),
            codeIntro: t('login.codeIntro'),
            code: t('login.code'),
            codeSubmit: t('login.codeSubmit'),
            startOver: t('login.startOver'),
          }}
        />
      </div>
    </main>
  )
}
