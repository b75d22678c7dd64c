// The frame of the pages a link in mail opens, without signing in: the app's name, a title, what
// the link does, and its button (or why it no longer works).
import type { ReactNode } from 'react'

export function MailLinkPage({ appTitle, title, children }: { appTitle: string; title: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-8">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="mb-4 text-lg font-semibold text-red-800">{appTitle}</p>
        <h1 className="text-2xl font-bold">{title}</h1>
        <div className="mt-4 space-y-4 text-sm text-slate-700">{children}</div>
      </div>
    </main>
  )
}
