import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { ReportAuthor } from '@/components/report-author'
import { assignmentHref } from '@/lib/domain/paths'
import { formatInstant } from '@/lib/domain/calendar'
import type { PendingUpdate } from '@/lib/queries/member-progress'

/** Updates awaiting confirmation, each linking to its place in the assignment's history. */
export function PendingUpdateList({ rows, emptyMessage }: { rows: PendingUpdate[]; emptyMessage: string }) {
  const t = useTranslations('members.pending')
  const tStatus = useTranslations('assignment.taskStatus')
  if (rows.length === 0) return <p className="text-slate-700">{emptyMessage}</p>
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((row) => (
        <li key={row.id} className="p-3 text-sm sm:p-4">
          <p className="font-medium text-slate-700">{row.unitName}</p>
          <Link href={assignmentHref(row.unitCode, row.taskCode, row.id)} className="font-medium text-blue-800 underline-offset-2 hover:underline">
            {row.taskTitle}
          </Link>
          <p className="mt-1 text-slate-700">
            {t('reported', { status: tStatus(row.status), progress: row.progress })} · <ReportAuthor name={row.authorName} onBehalfVia={row.onBehalfVia} unitName={row.unitName} />,{' '}
            <time dateTime={row.createdAt.toISOString()} className="tabular-nums">
              {formatInstant(row.createdAt)}
            </time>
          </p>
        </li>
      ))}
    </ul>
  )
}
