import type { ReactNode } from 'react'
import type { StatusTone } from '@/lib/domain/status'

/** DESIGN.md's colours; a badge always carries its label too (never colour alone). */
export type BadgeTone = StatusTone

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  green: { badge: 'border-green-700 bg-green-50 text-green-900', dot: 'bg-green-600' },
  blue: { badge: 'border-blue-700 bg-blue-50 text-blue-900', dot: 'bg-blue-600' },
  orange: { badge: 'border-orange-700 bg-orange-50 text-orange-900', dot: 'bg-orange-500' },
  red: { badge: 'border-red-700 bg-red-50 text-red-900', dot: 'bg-red-600' },
  grey: { badge: 'border-slate-500 bg-slate-100 text-slate-800', dot: 'bg-slate-400' },
  violet: { badge: 'border-violet-700 bg-violet-50 text-violet-900', dot: 'bg-violet-600' },
  amber: { badge: 'border-amber-600 bg-amber-50 text-amber-900', dot: 'bg-amber-500' },
}

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  const style = tones[tone]
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-medium ${style.badge}`}>
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${style.dot}`} />
      {children}
    </span>
  )
}
