import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { PasswordForm } from '@/components/account/password-form'
import { ClientMessages } from '@/components/client-messages'
import { FormNotice } from '@/components/form-parts'
import { savePassword } from '@/lib/actions/password-action'
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy'
import { requireSession } from '@/lib/auth/session'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account')
  return { title: t('passwordTitle') }
}

/** Every signed-in user's own password; the page a reset password leads to. */
export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string | string[] }> }) {
  const [session, { changed }] = await Promise.all([requireSession(), searchParams])
  const t = await getTranslations('account')
  return (
    <>
      <h1 className="text-2xl font-bold">{t('passwordTitle')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-700">{t('passwordIntro', { min: PASSWORD_MIN_LENGTH })}</p>
      {changed === '1' && (
        <div className="mb-4 max-w-md">
          <FormNotice tone="success">{t('passwordChanged')}</FormNotice>
        </div>
      )}
      {session.pending === 'changePassword' && (
        <div className="mb-4 max-w-md">
          <FormNotice tone="error">{t('mustChange')}</FormNotice>
        </div>
      )}
      <ClientMessages namespaces={['account']}>
        <PasswordForm action={savePassword} username={session.user.username} />
      </ClientMessages>
    </>
  )
}
