import type { ReactNode } from 'react'
import { ScrollEdge } from './scroll-edge'

/**
 * A wide table on a phone scrolls sideways inside its own box, never the page. The caption names
 * it for screen readers; the page's heading names it for everyone else. The box takes the keyboard
 * focus (a named region) so that it can be scrolled without a mouse. While columns are out of
 * view, its right edge is shaded.
 */
export function ScrollTable({ caption, className, children }: { caption: string; className: string; children: ReactNode }) {
  return (
    <div className="relative">
      <div
        role="region"
        aria-label={caption}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        <table className={`w-full border-collapse text-sm ${className}`}>
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
      <ScrollEdge />
    </div>
  )
}
