'use client'
// The root layout itself failed, so the language choice is not known: the apology is given in
// Vietnamese, then in English, from the same message files.
import './globals.css'
import { ErrorNotice, errorNoticeText, errorReference } from '@/components/error-notice'

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorReference(error)
  const vi = errorNoticeText('vi', digest)
  const en = errorNoticeText('en', digest)
  return (
    <html lang="vi">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <title>{vi.title}</title>
        <ErrorNotice text={vi} onRetry={retry} />
        <ErrorNotice text={en} onRetry={retry} lang="en" />
      </body>
    </html>
  )
}
