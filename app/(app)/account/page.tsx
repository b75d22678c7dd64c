import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { secondaryButtonClass } from '@/components/form-parts'
import { signOutEverywhereAndLeave } from '@/lib/actions/account-action'
import { passwordHref, twoFactorHref } from '@/lib/auth/landing'
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy'
import { requireUser } from '@/lib/auth/session'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { MAIL_SETTINGS_PATH } from '@/lib/mail/paths'
import { accountTwoFactor } from '@/lib/queries/account'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account')
  return { title: t('title') }
}

const linkClass = 'font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950'

/** The signed-in user's own account: password, two-factor authentication, sessions. */
export default async function AccountPage() {
  const user = await requireUser()
  const [t, tMail, security] = await Promise.all([
    getTranslations('account'),
    getTranslations('mail'),
    accountTwoFactor(user.id),
  ])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-700">{t('intro')}</p>
      <div className="max-w-2xl space-y-6">
        <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="password-heading" className="text-lg font-semibold">{t('passwordTitle')}</h2>
          <p className="mt-1 text-sm text-slate-700">{t('passwordIntro', { min: PASSWORD_MIN_LENGTH })}</p>
          <Link href={passwordHref} className={`${linkClass} mt-2 inline-block`}>{t('passwordLink')}</Link>
        </section>
        <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="two-factor-heading" className="text-lg font-semibold">{t('twoFactorTitle')}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {security.totpEnabledAt ? t('twoFactorOn', { date: formatDay(districtDay(security.totpEnabledAt)) }) : t('twoFactorOff')}
          </p>
          <Link href={twoFactorHref} className={`${linkClass} mt-2 inline-block`}>{t('twoFactorLink')}</Link>
        </section>
        <section aria-labelledby="mail-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="mail-heading" className="text-lg font-semibold">{tMail('settingsTitle')}</h2>
          <p className="mt-1 text-sm text-slate-700">{tMail('settingsIntro')}</p>
          <Link href={MAIL_SETTINGS_PATH} className={`${linkClass} mt-2 inline-block`}>{tMail('settingsLink')}</Link>
        </section>
        <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="sessions-heading" className="text-lg font-semibold">{t('sessionsTitle')}</h2>
          <p className="mb-3 mt-1 text-sm text-slate-700">{t('sessionsIntro')}</p>
          <form action={signOutEverywhereAndLeave}>
            <button type="submit" className={secondaryButtonClass}>{t('signOutEverywhere')}</button>
          </form>
        </section>
      </div>
    </>
  )
}
