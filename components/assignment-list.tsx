import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import type { ReviewState } from '@/lib/queries/assignment-detail'
import type { StatusLabel } from '@/lib/domain/status'
import type { Indicator } from '@/lib/queries/unit-assignments'
import { IndicatorProgress } from './indicator-value'
import { ProgressBar } from './progress-bar'
import { ReviewBadge } from './review-badge'
import { StatusBadges } from './status-badge'

export type AssignmentView = {
  id: string
  href: string
  title: string
  /** The display status first, then "blocked" when overdue hides it, then "due soon". */
  labels: StatusLabel[]
  progress: number
  indicator: Indicator | null
  latestReview: ReviewState | null
  /** dd/mm/yyyy */
  due: string
}

export type AssignmentGroupView = { id: string; name: string; assignments: AssignmentView[] }

export function AssignmentList({ groups, emptyMessage }: { groups: AssignmentGroupView[]; emptyMessage: string }) {
  const t = useTranslations('unit')
  if (groups.length === 0) return <p className="text-slate-700">{emptyMessage}</p>
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
                <h3 className="font-medium">
                  <Link href={a.href} className="text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700">
                    {a.title}
                  </Link>
                </h3>
                <dl className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <dt className="sr-only">{t('status')}</dt>
                    <dd className="flex flex-wrap gap-2">
                      <StatusBadges labels={a.labels} />
                    </dd>
                  </div>
                  <div className="flex items-center gap-2">
                    <dt className="text-slate-600">{t('progress')}</dt>
                    <dd>
                      <ProgressBar value={a.progress} />
                    </dd>
                  </div>
                  {a.indicator && (
                    <div className="flex items-center gap-2">
                      <dt className="text-slate-600">{t('indicator')}</dt>
                      <dd>
                        <IndicatorProgress {...a.indicator} />
                      </dd>
                    </div>
                  )}
                  <div className="flex items-center gap-2">
                    <dt className="text-slate-600">{t('dueDate')}</dt>
                    <dd className="tabular-nums">{a.due}</dd>
                  </div>
                  <div className="flex items-center gap-2">
                    <dt className="text-slate-600">{t('latestReport')}</dt>
                    <dd>{a.latestReview ? <ReviewBadge state={a.latestReview} /> : <span className="text-slate-700">{t('noReport')}</span>}</dd>
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
