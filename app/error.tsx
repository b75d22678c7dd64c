'use client'
// A page or layout below the root failed. In production Next.js sends the browser no message for a
// server error, only its digest; this page shows neither stack nor message, in the user's language.
import { useErrorLocale } from '@/components/error-locale'
import { ErrorNotice, errorNoticeText, errorReference } from '@/components/error-notice'

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice text={errorNoticeText(useErrorLocale(), errorReference(error))} onRetry={retry} />
}
