'use client'
// A page or layout below the root failed. In production Next.js sends the browser no message for a
// server error, only its digest; this page shows neither stack nor message, in the user's language.
import { useTranslations } from 'next-intl'
import { ErrorNotice, errorReference } from '@/components/error-notice'

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors')
  const digest = errorReference(error)
  return (
    <ErrorNotice
      text={{ title: t('title'), body: t('body'), reference: digest && t('reference', { digest }), retry: t('retry'), home: t('home') }}
      onRetry={retry}
    />
  )
}
