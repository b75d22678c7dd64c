import { useTranslations } from 'next-intl'
import type { ReviewState } from '@/lib/queries/assignment-detail'
import { Badge, type BadgeTone } from './badge'

const tones: Record<ReviewState, BadgeTone> = { PENDING: 'amber', CONFIRMED: 'green', RETURNED: 'red' }

/** How the member in charge received an update: waiting, confirmed, or returned. */
export function ReviewBadge({ state }: { state: ReviewState }) {
  const t = useTranslations('assignment.review')
  return <Badge tone={tones[state]}>{t(state)}</Badge>
}
