import type { ReactNode } from 'react'

/**
 * A wide table on a phone scrolls sideways inside its own box, never the page. The caption names
 * it for screen readers; the page's heading names it for everyone else.
 */
export function ScrollTable({ caption, className, children }: { caption: string; className: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full border-collapse text-sm ${className}`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  )
}
