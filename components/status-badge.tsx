import { useTranslations } from 'next-intl'
import type { DisplayStatus } from '@/lib/domain/status'
import { Badge, type BadgeTone } from './badge'

export type BadgeKind = DisplayStatus | 'dueSoon'

const tones: Record<BadgeKind, BadgeTone> = {
  doneOnTime: 'green',
  inProgress: 'blue',
  doneLate: 'orange',
  overdue: 'red',
  notStarted: 'grey',
  blocked: 'violet',
  dueSoon: 'amber',
}

export function StatusBadge({ kind }: { kind: BadgeKind }) {
  const t = useTranslations('status')
  return <Badge tone={tones[kind]}>{t(kind)}</Badge>
}
