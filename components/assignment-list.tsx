import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import type { ReviewState } from '@/lib/queries/assignment-detail'
import type { StatusLabel } from '@/lib/domain/status'
import type { Indicator } from '@/lib/queries/unit-assignments'
import type { AssignmentCycles } from '@/lib/queries/report-cycles'
import { IndicatorProgress } from './indicator-value'
import { ProgressBar } from './progress-bar'
import { ReportCycleNote } from './report-cycle-note'
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
  /** The reviewer's comment on the latest update, for readers of the details only. */
  latestReviewComment: { reviewerName: string; note: string } | null
  /** dd/mm/yyyy */
  due: string
  /** Its reporting cycles, when its task reports monthly or quarterly. */
  cycles?: AssignmentCycles
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
          {/* `.assignment-cards` (app/globals.css) styles every card: a unit has about a hundred. */}
          <ul className="assignment-cards space-y-3">
            {group.assignments.map((a) => (
              <li key={a.id}>
                <h3>
                  <Link href={a.href}>{a.title}</Link>
                </h3>
                <dl>
                  <div>
                    <dt className="sr-only">{t('status')}</dt>
                    <dd className="badges">
                      <StatusBadges labels={a.labels} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('progress')}</dt>
                    <dd>
                      <ProgressBar value={a.progress} />
                    </dd>
                  </div>
                  {a.indicator && (
                    <div>
                      <dt>{t('indicator')}</dt>
                      <dd>
                        <IndicatorProgress {...a.indicator} />
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('dueDate')}</dt>
                    <dd className="tabular-nums">{a.due}</dd>
                  </div>
                  {a.cycles && (
                    <div>
                      <dt>{t('cycles')}</dt>
                      <dd>
                        <ReportCycleNote cycles={a.cycles} />
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('latestReport')}</dt>
                    <dd>{a.latestReview ? <ReviewBadge state={a.latestReview} /> : <span className="text-slate-700">{t('noReport')}</span>}</dd>
                  </div>
                  {a.latestReviewComment && (
                    // A line of its own, under its name on a phone, cut to two lines: the full text is in the assignment's history.
                    <div className="w-full">
                      <dt>{t('reviewComment', { name: a.latestReviewComment.reviewerName })}</dt>
                      <dd className="line-clamp-2 min-w-0 basis-full whitespace-pre-line break-words text-slate-900 sm:basis-0 sm:flex-1">{a.latestReviewComment.note}</dd>
                    </div>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
