// What a user sees when a page fails: a plain apology, a way on, and the reference the server log
// holds for this failure. Never the error's own text: it may name tables, queries or files.
import type { AppLocale } from '@/lib/i18n/locales'
import en from '@/messages/en/errors.json'
import vi from '@/messages/vi/errors.json'
import { primaryButtonClass, secondaryButtonClass } from './button-classes'

export type ErrorNoticeText = { title: string; body: string; reference: string | null; retry: string; home: string }

const MESSAGES: Record<AppLocale, typeof vi> = { vi, en }

/**
 * The notice in one language, from messages/<locale>/errors.json. The error pages are client
 * components on every page: they take these few strings directly rather than load next-intl's
 * client runtime (and its message-format parser) everywhere; `{digest}` is their one placeholder.
 */
export function errorNoticeText(locale: AppLocale, digest: string | null): ErrorNoticeText {
  const messages = MESSAGES[locale]
  return { ...messages, reference: digest && messages.reference.replace('{digest}', digest) }
}

/** The digest Next.js gives a server error: a hash that matches the server's log line, nothing more. */
export function errorReference(error: unknown): string | null {
  return error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null
}

export function ErrorNotice({ text, onRetry, lang }: { text: ErrorNoticeText; onRetry: () => void; lang?: string }) {
  return (
    <section lang={lang} className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p className="mt-2 text-slate-700">{text.body}</p>
      {text.reference && <p className="mt-2 text-sm text-slate-600">{text.reference}</p>}
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={onRetry} className={primaryButtonClass}>
          {text.retry}
        </button>
        {/* A plain link: after a failure a full load starts afresh, and next/link's client code
            would otherwise be bundled once more with each error page, into every page (6 KB gzip). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load is the point here */}
        <a href="/" className={secondaryButtonClass}>
          {text.home}
        </a>
      </div>
    </section>
  )
}
