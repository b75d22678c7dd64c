// What a user sees when a page fails: a plain apology, a way on, and the reference the server log
// holds for this failure. Never the error's own text: it may name tables, queries or files.
import Link from 'next/link'
import { primaryButtonClass, secondaryButtonClass } from './form-parts'

export type ErrorNoticeText = { title: string; body: string; reference: string | null; retry: string; home: string }

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
        <Link href="/" className={secondaryButtonClass}>
          {text.home}
        </Link>
      </div>
    </section>
  )
}
