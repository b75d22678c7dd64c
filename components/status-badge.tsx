import { useTranslations } from 'next-intl'
import { STATUS_TONES, type StatusLabel } from '@/lib/domain/status'
import { Badge } from './badge'

export type BadgeKind = StatusLabel

export function StatusBadge({ kind }: { kind: BadgeKind }) {
  const t = useTranslations('status')
  return <Badge tone={STATUS_TONES[kind]}>{t(kind)}</Badge>
}

/** Every label an assignment shows, side by side (the caller's element lays them out). */
export function StatusBadges({ labels }: { labels: BadgeKind[] }) {
  return labels.map((label) => <StatusBadge key={label} kind={label} />)
}
