// A commune's assignments by task group, one line each: the task (linked to its page), its status
// labels, progress and deadline. The lines wrap on a phone instead of scrolling. A commune has about
// a hundred: their styles are `.commune-assignments` in app/globals.css, not utilities on each line.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { ProgressBar } from '@/components/progress-bar'
import { StatusBadges } from '@/components/status-badge'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import type { CommuneAssignment } from '@/lib/queries/commune-detail'
import type { StatusLabel } from '@/lib/domain/status'
import { assignmentHref } from '@/lib/domain/paths'

export type CommuneAssignmentView = CommuneAssignment & { labels: StatusLabel[] }

type Group = { id: string; name: string; assignments: CommuneAssignmentView[] }

/** The rows come ordered by group; consecutive rows of one group make one section. */
function byGroup(rows: CommuneAssignmentView[]): Group[] {
  const groups: Group[] = []
  for (const row of rows) {
    const last = groups.at(-1)
    if (last?.id === row.groupId) last.assignments.push(row)
    else groups.push({ id: row.groupId, name: row.groupName, assignments: [row] })
  }
  return groups
}

export function CommuneAssignmentList({ unitCode, rows, emptyMessage }: { unitCode: string; rows: CommuneAssignmentView[]; emptyMessage: string }) {
  const t = useTranslations('overview')
  if (rows.length === 0) return <p className="text-slate-700">{emptyMessage}</p>
  return (
    <div className="space-y-4">
      {byGroup(rows).map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <h3 id={`group-${group.id}`} className="bg-slate-100 px-3 py-2 font-semibold text-slate-800">
            {group.name}
          </h3>
          <ul className="commune-assignments divide-y divide-slate-200">
            {group.assignments.map((a) => (
              <li key={a.taskCode}>
                <Link href={assignmentHref(unitCode, a.taskCode)}>{a.title}</Link>
                <span className="badges">
                  <StatusBadges labels={a.labels} />
                </span>
                <ProgressBar value={a.progress} label={t('progress')} />
                <span className="due">{`${t('dueDate')}: ${formatDay(dateColumnDay(a.dueDate))}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
