// Work to chase: overdue or blocked assignments, oldest deadline first, each linked to its page.
// A card per assignment on a phone; from medium width the cards line up as the rows of a table.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import type { ReactNode } from 'react'
import { StatusBadges } from '@/components/status-badge'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import type { LateAssignment } from '@/lib/queries/district-overview'
import type { StatusLabel } from '@/lib/domain/status'
import { assignmentHref } from '@/lib/domain/paths'

export type LateAssignmentView = LateAssignment & { labels: StatusLabel[] }

type Props = {
  rows: LateAssignmentView[]
  total: number
  /** The id of the heading that names the list. */
  labelledBy: string
  /** Off on a unit's own page, where every row is that unit's. */
  showUnit: boolean
  /** Where the rows left out are all listed, said under the list when some are. */
  rest?: { href: string; label: string }
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

export function LateAssignmentList({ rows, total, labelledBy, showUnit, rest }: Props) {
  const t = useTranslations('overview')
  if (rows.length === 0) return <p className="text-slate-700">{t('late.empty')}</p>
  // `.late-row` and `.late-assignments` (app/globals.css) style every row without repeating utilities on each.
  const grid = showUnit ? 'late-row late-row-with-unit' : 'late-row'
  return (
    <>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <div aria-hidden className={`${grid} hidden bg-slate-100 font-semibold text-slate-700 md:grid`}>
          <span>{t('late.task')}</span>
          {showUnit && <span>{t('unit')}</span>}
          <span>{t('dueDate')}</span>
          <span>{t('member')}</span>
          <span>{t('late.status')}</span>
        </div>
        <ul aria-labelledby={labelledBy} className="late-assignments divide-y divide-slate-200">
          {rows.map((row) => (
            <li key={row.id} className={grid}>
              <Link href={assignmentHref(row.unitCode, row.taskCode)}>{row.title}</Link>
              <dl className="contents">
                {showUnit && <Field label={t('unit')}>{row.unitName}</Field>}
                <Field label={t('dueDate')}>
                  <span className="tabular-nums">{formatDay(dateColumnDay(row.dueDate))}</span>
                </Field>
                <Field label={t('member')}>{row.memberName ?? <span className="text-slate-600">{t('noMember')}</span>}</Field>
                <Field label={t('late.status')}>
                  <span className="badges">
                    <StatusBadges labels={row.labels} />
                  </span>
                </Field>
              </dl>
            </li>
          ))}
        </ul>
      </div>
      {total > rows.length && (
        <p className="mt-2 text-sm text-slate-600">
          {t('late.showing', { shown: rows.length, total })}
          {rest && (
            <>
              {' '}
              <a href={rest.href} className="text-blue-800 underline underline-offset-2">
                {rest.label}
              </a>
            </>
          )}
        </p>
      )}
    </>
  )
}
