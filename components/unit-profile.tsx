// A unit's key figures with the day each was true: "74 đảng viên, 6 chi bộ (số liệu ngày 24/06/2020)".
// Figures of one day share a line, the latest day first.
import { useTranslations } from 'next-intl'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import type { UnitFigure } from '@/lib/queries/unit-figures'
import { UNIT_FIGURE_KINDS } from '@/lib/validation/admin'

export function UnitProfile({ figures }: { figures: UnitFigure[] }) {
  const t = useTranslations('unit.profile')
  if (figures.length === 0) return null
  const days = [...new Set(figures.map((f) => dateColumnDay(f.asOf)))].sort().reverse()
  return (
    <section aria-label={t('title')} className="mt-2 text-sm text-slate-800">
      {days.map((day) => {
        const ofDay = figures.filter((f) => dateColumnDay(f.asOf) === day).sort((a, b) => UNIT_FIGURE_KINDS.indexOf(a.kind) - UNIT_FIGURE_KINDS.indexOf(b.kind))
        return (
          <p key={day} data-profile-day={day}>
            {t('line', { figures: ofDay.map((f) => t(f.kind, { value: f.value })).join(', '), date: formatDay(day) })}
          </p>
        )
      })}
    </section>
  )
}
