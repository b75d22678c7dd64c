import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { MailSettingsForm } from '@/components/account/mail-settings-form'
import { ClientMessages } from '@/components/client-messages'
import { saveMailSettingsAction } from '@/lib/actions/mail-settings-action'
import { requireUser } from '@/lib/auth/session'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { NOTICES_BY_ROLE } from '@/lib/domain/mail'
import { mailSettingsOf } from '@/lib/queries/mail'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mail')
  return { title: t('settingsTitle') }
}

/** The signed-in user's mail: the address (verified by a link sent to it) and the notices it gets. */
export default async function MailSettingsPage() {
  const user = await requireUser()
  const [t, settings] = await Promise.all([getTranslations('mail'), mailSettingsOf(user.id)])
  if (!settings) notFound()
  const addressNote = !settings.email ? t('emailNone') : settings.emailVerifiedAt ? t('emailVerified', { date: formatDay(districtDay(settings.emailVerifiedAt)) }) : t('emailUnverified')
  return (
    <>
      <h1 className="text-2xl font-bold">{t('settingsTitle')}</h1>
      <p className="mb-6 mt-1 max-w-2xl text-sm text-slate-700">{t('settingsIntro')}</p>
      <ClientMessages namespaces={['mail']}>
        <MailSettingsForm
          action={saveMailSettingsAction}
          addressNote={addressNote}
          notices={NOTICES_BY_ROLE[user.role]}
          current={{
            email: settings.email ?? '',
            notices: settings.mailNotices,
            delivery: settings.mailDelivery,
            digestHour: String(settings.mailDigestHour),
            dueWithinDays: String(settings.mailDueWithinDays),
            locale: settings.mailLocale,
          }}
        />
      </ClientMessages>
    </>
  )
}
