import type { CSSProperties } from 'react'

/**
 * The bar is decoration; the percentage beside it is what is read. `label` names the figure before
 * the bar where no column heading does. Styled in app/globals.css: lists repeat it on every row.
 */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  return (
    <span className="progress-bar" style={{ '--progress': `${value}%` } as CSSProperties}>
      {label && <span className="progress-label text-slate-600 md:sr-only">{label}</span>}
      {`${value}%`}
    </span>
  )
}
