import { useTranslations } from 'next-intl'
import type { ReportChannel } from '@/lib/domain/notifications'

type Props = {
  name: string
  /** How the unit sent a report the office entered for it; null for a report made by its author's own hand. */
  onBehalfVia: ReportChannel | null
  /** The report's unit: the one it was entered for. */
  unitName: string
  nameClassName?: string
}

/** Who made a report: its author's name, and for a report entered on a unit's behalf, for whom and how it came. */
export function ReportAuthor({ name, onBehalfVia, unitName, nameClassName }: Props) {
  const t = useTranslations('assignment')
  return (
    <>
      <span className={nameClassName}>{name}</span>
      {onBehalfVia && <span className="font-medium text-slate-800"> ({t('onBehalf', { unit: unitName, via: onBehalfVia })})</span>}
    </>
  )
}
