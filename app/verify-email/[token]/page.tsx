import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { MailLinkForm } from '@/components/account/mail-link-form'
import { MailLinkPage } from '@/components/account/mail-link-page'
import { FormNotice } from '@/components/form-parts'
import { confirmEmailAddress } from '@/lib/actions/mail-settings-action'
import { mailLinkPreview } from '@/lib/queries/mail'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mail')
  return { title: t('verifyTitle') }
}

/** The link of a verification mail: no sign-in; the button verifies (opening the link alone does not). */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const [t, preview] = await Promise.all([getTranslations(), mailLinkPreview(token, 'VERIFY_ADDRESS', new Date())])
  return (
    <MailLinkPage appTitle={t('app.title')} title={t('mail.verifyTitle')}>
      {preview ? (
        <>
          <p>{t('mail.verifyBody', { email: preview.email })}</p>
          <MailLinkForm action={confirmEmailAddress} token={token} label={t('mail.verifyConfirm')} pendingLabel={t('mail.saving')} />
        </>
      ) : (
        <FormNotice tone="error">{t('mail.tokenInvalid')}</FormNotice>
      )}
    </MailLinkPage>
  )
}
