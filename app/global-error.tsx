'use client'
// The root layout itself failed, so neither the language choice nor the message provider is
// known: the apology is given in Vietnamese, then in English, from the same message files.
import '@fontsource-variable/inter'
import './globals.css'
import { createTranslator } from 'next-intl'
import { ErrorNotice, errorReference, type ErrorNoticeText } from '@/components/error-notice'
import en from '@/messages/en/errors.json'
import vi from '@/messages/vi/errors.json'

function text(locale: 'vi' | 'en', digest: string | null): ErrorNoticeText {
  const t = createTranslator({ locale, messages: { errors: locale === 'vi' ? vi : en }, namespace: 'errors' })
  return { title: t('title'), body: t('body'), reference: digest && t('reference', { digest }), retry: t('retry'), home: t('home') }
}

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorReference(error)
  return (
    <html lang="vi">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <title>{vi.title}</title>
        <ErrorNotice text={text('vi', digest)} onRetry={retry} />
        <ErrorNotice text={text('en', digest)} onRetry={retry} lang="en" />
      </body>
    </html>
  )
}
