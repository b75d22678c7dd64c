import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { MailLinkForm } from '@/components/account/mail-link-form'
import { MailLinkPage } from '@/components/account/mail-link-page'
import { FormNotice } from '@/components/form-parts'
import { stopMailNotice } from '@/lib/actions/mail-settings-action'
import { mailLinkPreview } from '@/lib/queries/mail'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mail')
  return { title: t('unsubscribeTitle') }
}

/** A notice mail's unsubscribe link: no sign-in; the button stops that notice kind only. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const [t, preview] = await Promise.all([getTranslations(), mailLinkPreview(token, 'UNSUBSCRIBE', new Date())])
  return (
    <MailLinkPage appTitle={t('app.title')} title={t('mail.unsubscribeTitle')}>
      {preview ? (
        <>
          <p>{t('mail.unsubscribeIntro', { notice: preview.notice ? t(`mail.notice.${preview.notice}`) : t('mail.digestNotice'), email: preview.email })}</p>
          <MailLinkForm action={stopMailNotice} token={token} label={t('mail.unsubscribeConfirm')} pendingLabel={t('mail.saving')} />
        </>
      ) : (
        <FormNotice tone="error">{t('mail.tokenInvalid')}</FormNotice>
      )}
    </MailLinkPage>
  )
}
