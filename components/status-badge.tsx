import { useTranslations } from 'next-intl'
import type { DisplayStatus } from '@/lib/domain/status'

export type BadgeKind = DisplayStatus | 'dueSoon'

// DESIGN.md's colours; the label is always shown with them.
const styles: Record<BadgeKind, { badge: string; dot: string }> = {
  doneOnTime: { badge: 'border-green-700 bg-green-50 text-green-900', dot: 'bg-green-600' },
  inProgress: { badge: 'border-blue-700 bg-blue-50 text-blue-900', dot: 'bg-blue-600' },
  doneLate: { badge: 'border-orange-700 bg-orange-50 text-orange-900', dot: 'bg-orange-500' },
  overdue: { badge: 'border-red-700 bg-red-50 text-red-900', dot: 'bg-red-600' },
  notStarted: { badge: 'border-slate-500 bg-slate-100 text-slate-800', dot: 'bg-slate-400' },
  blocked: { badge: 'border-violet-700 bg-violet-50 text-violet-900', dot: 'bg-violet-600' },
  dueSoon: { badge: 'border-amber-600 bg-amber-50 text-amber-900', dot: 'bg-amber-500' },
}

export function StatusBadge({ kind }: { kind: BadgeKind }) {
  const t = useTranslations('status')
  const style = styles[kind]
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-medium ${style.badge}`}>
      <span aria-hidden className={`size-2 rounded-full ${style.dot}`} />
      {t(kind)}
    </span>
  )
}
