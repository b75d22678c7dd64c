// How the audit page names an action and a kind of record: the label when the app knows it, the
// stored name otherwise (an action added later still shows, just not translated).
import { useTranslations } from 'next-intl'
import { actionLabel, AUDIT_ENTITIES, isAuditEntity } from '@/lib/audit/events'

export function useAuditLabels() {
  const t = useTranslations('audit')
  return {
    /** `after`: what the event stored, which tells a confirmation from a return. */
    action(action: string, after: unknown = null): string {
      const label = actionLabel(action, after)
      if (!label) return action
      const text = t(`action.${label.key}`)
      return label.refused ? t('refused', { action: text }) : text
    },
    entity(entity: string): string {
      return isAuditEntity(entity) ? t(`entity.${AUDIT_ENTITIES[entity]}`) : entity
    },
  }
}
