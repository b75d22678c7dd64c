import { useTranslations } from 'next-intl'
import type { DisplayStatus } from '@/lib/domain/status'
import { StatusBadge } from './status-badge'

export type AssignmentView = {
  id: string
  title: string
  display: DisplayStatus
  /** Recorded as blocked: shown even when the overdue label takes the lead. */
  blocked: boolean
  dueSoon: boolean
  progress: number
  /** dd/mm/yyyy */
  due: string
}

export type AssignmentGroupView = { id: string; name: string; assignments: AssignmentView[] }

export function AssignmentList({ groups }: { groups: AssignmentGroupView[] }) {
  const t = useTranslations('unit')
  if (groups.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <div className="space-y-8">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`} className="mb-3 text-lg font-semibold text-slate-800">
            {group.name}
          </h2>
          <ul className="space-y-3">
            {group.assignments.map((a) => (
              <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-medium">{a.title}</h3>
                <dl className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <dt className="sr-only">{t('status')}</dt>
                    <dd className="flex flex-wrap gap-2">
                      <StatusBadge kind={a.display} />
                      {a.blocked && a.display !== 'blocked' && <StatusBadge kind="blocked" />}
                      {a.dueSoon && <StatusBadge kind="dueSoon" />}
                    </dd>
                  </div>
                  <div className="flex items-center gap-2">
                    <dt className="text-slate-600">{t('progress')}</dt>
                    <dd className="flex items-center gap-2">
                      <span aria-hidden className="h-2 w-28 overflow-hidden rounded-full bg-slate-200">
                        <span className="block h-full rounded-full bg-slate-700" style={{ width: `${a.progress}%` }} />
                      </span>
                      <span className="tabular-nums">{a.progress}%</span>
                    </dd>
                  </div>
                  <div className="flex items-center gap-2">
                    <dt className="text-slate-600">{t('dueDate')}</dt>
                    <dd className="tabular-nums">{a.due}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
