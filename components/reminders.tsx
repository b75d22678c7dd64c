import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { dateColumnDay, daysBetween, formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { assignmentHref, REMINDERS_PATH } from '@/lib/domain/paths'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import type { Reminder, ReminderCounts } from '@/lib/queries/reminders'
import { useCycleName } from './report-cycle-note'
import { StatusBadge } from './status-badge'

const linkClass = 'font-medium text-blue-800 underline-offset-2 hover:underline'

/** One list of reminders (the overdue or the soon-due ones), each linking to the assignment's page. */
export function ReminderList({ reminders, today, empty }: { reminders: Reminder[]; today: CalendarDay; empty: string }) {
  const t = useTranslations('reminders')
  const tStatus = useTranslations('assignment.taskStatus')
  const tCycle = useTranslations('status.cycle')
  const cycleName = useCycleName()
  if (reminders.length === 0) return <p className="text-slate-700">{empty}</p>
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {reminders.map((r) => {
        const left = daysBetween(today, dateColumnDay(r.dueDate))
        const taskLate = left < 0
        return (
          <li key={`${r.unitCode}/${r.taskCode}`} className="space-y-1 p-3">
            <p className="text-sm text-slate-700">{r.unitName}</p>
            <Link href={assignmentHref(r.unitCode, r.taskCode)} className={linkClass}>
              {r.taskTitle}
            </Link>
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              {r.overdue && <StatusBadge kind="overdue" />}
              <span className="tabular-nums">{t('due', { day: formatDay(dateColumnDay(r.dueDate)) })}</span>
              <span className={taskLate ? 'font-semibold text-red-800' : 'text-slate-700'}>{taskLate ? t('daysLate', { days: -left }) : t('daysLeft', { days: left })}</span>
              <span className="text-slate-700">
                · {tStatus(r.status)}, <span className="tabular-nums">{r.progress}%</span>
              </span>
            </p>
            {r.cycle && (
              <p className={`text-sm ${r.cycle.overdue ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
                {tCycle(r.cycle.overdue ? 'missing' : 'due', { cycle: cycleName(r.cycle.cycle), day: formatDay(r.cycle.cycle.deadline) })}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** On arrival: what needs attention in the user's scope, in one line, with the way to the list. */
export function RemindersNotice({ counts, pendingReviews }: { counts: ReminderCounts; pendingReviews: number | null }) {
  const t = useTranslations('reminders.notice')
  const parts = [
    counts.overdue > 0 && t('overdue', { count: counts.overdue }),
    counts.dueSoon > 0 && t('dueSoon', { count: counts.dueSoon, days: DUE_SOON_DAYS }),
    pendingReviews ? t('pending', { count: pendingReviews }) : false,
  ].filter((part): part is string => typeof part === 'string')
  if (parts.length === 0) return null
  return (
    <section aria-label={t('label')} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p>
        <strong>{t('label')}:</strong> {parts.join('; ')}.{' '}
        <Link href={REMINDERS_PATH} className={linkClass}>
          {t('link')}
        </Link>
      </p>
    </section>
  )
}
