// An assignment's reporting cycles in a line or two (lib/queries/report-cycles.ts): the last closed
// cycle when it went unreported or was reported late, and the current one's deadline.
import { useTranslations } from 'next-intl'
import { formatDay } from '@/lib/domain/calendar'
import type { ReportCycle } from '@/lib/domain/report-cycle'
import type { AssignmentCycles } from '@/lib/queries/report-cycles'

/** "tháng 11/2026", "quý IV/2026". */
export function useCycleName() {
  const t = useTranslations('status.cycle')
  return (cycle: ReportCycle) => t('name', { kind: cycle.kind, number: cycle.number, year: cycle.year })
}

/** `full`: the assignment's page, which also says the cadence and an on-time last cycle. */
export function ReportCycleNote({ cycles, full = false }: { cycles: AssignmentCycles; full?: boolean }) {
  const t = useTranslations('status.cycle')
  const name = useCycleName()
  const { last, current } = cycles
  const lines = [
    full && { text: t('cadence', { kind: cycles.cadence.kind, day: cycles.cadence.day }), tone: 'text-slate-700' },
    last &&
      (last.state !== 'onTime' || full) && {
        text: t(last.state, { cycle: name(last.cycle), day: formatDay(last.cycle.deadline) }),
        tone: last.state === 'missing' ? 'font-semibold text-red-800' : last.state === 'late' ? 'text-orange-800' : 'text-slate-700',
      },
    current && {
      text: current.reported ? t('reported', { cycle: name(current.cycle) }) : t('due', { cycle: name(current.cycle), day: formatDay(current.cycle.deadline) }),
      tone: 'text-slate-700',
    },
  ].filter((line): line is { text: string; tone: string } => Boolean(line))
  if (lines.length === 0) return null
  return (
    <span className="flex flex-col">
      {lines.map((line) => (
        <span key={line.text} className={line.tone}>
          {line.text}
        </span>
      ))}
    </span>
  )
}
