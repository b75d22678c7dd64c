import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { TwoFactorCodeForm } from '@/components/account/two-factor-code-form'
import { ClientMessages } from '@/components/client-messages'
import { FormNotice, primaryButtonClass } from '@/components/form-parts'
import { confirmTwoFactor, replaceRecoveryCodes, startTwoFactorEnrolment, turnOffTwoFactor } from '@/lib/actions/two-factor-action'
import { landingPath } from '@/lib/auth/landing'
import { allows } from '@/lib/auth/permissions'
import { requireSession } from '@/lib/auth/session'
import Image from 'next/image'
import QRCode from 'qrcode'
import { groupedSecret, otpauthUri } from '@/lib/auth/totp'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { accountTwoFactor } from '@/lib/queries/account'
import { organisationOn, type Organisation } from '@/lib/queries/organisation'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account')
  return { title: t('twoFactorTitle') }
}

/** The issuer name authenticator apps list the account under: "NQ19 Ba Chẽ", from the unit tree. */
function issuer(organisation: Organisation | null): string {
  return organisation ? `NQ19 ${organisation.home.place}` : 'NQ19'
}

/**
 * Two-factor authentication of one's own account: enrolment (the secret as a QR code to scan, as an
 * otpauth:// link and as text to type), new recovery codes, turning it off (where the rule table
 * allows). Administrators are sent here until they have enrolled.
 */
export default async function TwoFactorPage() {
  const { user, pending } = await requireSession()
  const [t, security, organisation] = await Promise.all([
    getTranslations('account'),
    accountTwoFactor(user.id),
    organisationOn(districtDay(new Date()), user.scopeUnitId),
  ])
  const secret = security.totpSecret
  // The secret as a QR code an authenticator app scans: a PNG data: URL, which the CSP's img-src allows.
  const qrCode = secret && !security.totpEnabledAt ? await QRCode.toDataURL(otpauthUri(issuer(organisation), user.username, secret), { margin: 2, width: 220 }) : null
  return (
    <ClientMessages namespaces={['account']}>
      <h1 className="text-2xl font-bold">{t('twoFactorTitle')}</h1>
      <p className="mb-4 mt-1 max-w-2xl text-sm text-slate-700">{t('twoFactorIntro')}</p>
      {pending === 'enrolTwoFactor' && (
        <div className="mb-4 max-w-2xl">
          <FormNotice tone="error">{t('twoFactorRequired')}</FormNotice>
        </div>
      )}
      {security.totpEnabledAt ? (
        <div className="max-w-2xl space-y-6">
          <p>{t('twoFactorOn', { date: formatDay(districtDay(security.totpEnabledAt)) })}</p>
          <section aria-labelledby="recovery-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="recovery-heading" className="text-lg font-semibold">{t('recoveryTitle')}</h2>
            <p className="mb-3 mt-1 text-sm text-slate-700">{t('recoveryLeft', { count: security.recoveryCodesLeft })}</p>
            <TwoFactorCodeForm action={replaceRecoveryCodes} name="recovery" label={t('regenerate')} submit={t('regenerate')} tone="secondary" />
          </section>
          {allows(user, 'twoFactor.turnOff') && (
            <section aria-labelledby="disable-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="disable-heading" className="text-lg font-semibold">{t('disableTitle')}</h2>
              <p className="mb-3 mt-1 text-sm text-slate-700">{t('disableIntro')}</p>
              <TwoFactorCodeForm action={turnOffTwoFactor} name="disable" label={t('disable')} submit={t('disable')} tone="secondary" />
            </section>
          )}
        </div>
      ) : secret ? (
        <div className="max-w-2xl space-y-6">
          <section aria-labelledby="enrol-add-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="enrol-add-heading" className="text-lg font-semibold">{t('enrolAddTitle')}</h2>
            <p className="mt-1 text-sm text-slate-700">{t('enrolAddIntro')}</p>
            {qrCode && <Image src={qrCode} unoptimized width={220} height={220} alt={t('qrAlt')} className="mt-3 rounded border border-slate-200" />}
            <dl className="mt-3">
              <dt className="text-sm font-medium">{t('secret')}</dt>
              <dd>
                <code data-secret={secret} className="mt-1 inline-block rounded bg-slate-100 px-2 py-1 font-mono text-lg tracking-wide">
                  {groupedSecret(secret)}
                </code>
              </dd>
            </dl>
            <a href={otpauthUri(issuer(organisation), user.username, secret)} className="mt-3 inline-block font-medium text-blue-800 underline underline-offset-2">
              {t('openInApp')}
            </a>
          </section>
          <section aria-labelledby="enrol-confirm-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="enrol-confirm-heading" className="mb-3 text-lg font-semibold">{t('enrolConfirmTitle')}</h2>
            <TwoFactorCodeForm action={confirmTwoFactor} name="enrol" label={t('confirm')} submit={t('confirm')} continueHref={landingPath(user)} />
          </section>
        </div>
      ) : (
        <form action={startTwoFactorEnrolment}>
          <p className="mb-3">{t('twoFactorOff')}</p>
          <button type="submit" className={primaryButtonClass}>{t('enrolStart')}</button>
        </form>
      )}
    </ClientMessages>
  )
}
