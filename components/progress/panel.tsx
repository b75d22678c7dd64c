import type { ReactNode } from 'react'

/** A white box around one panel of a progress page, a region named for assistive technology. */
export function Panel({ name, children, className = '' }: { name: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={name} className={`rounded-lg border border-slate-200 bg-white p-3 sm:p-4 ${className}`}>
      {children}
    </section>
  )
}
