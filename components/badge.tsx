import type { ReactNode } from 'react'
import type { StatusTone } from '@/lib/domain/status'

/** DESIGN.md's colours; a badge always carries its label too (never colour alone). */
export type BadgeTone = StatusTone

/** Styled by `.badge` in app/globals.css (lists repeat it on every row); its dot is drawn there too. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>
}
