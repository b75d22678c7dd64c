import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { dateColumnDay, formatDay, formatInstant } from '@/lib/domain/calendar'
import type { AssignmentDetail, HistoryEntry } from '@/lib/queries/assignment-detail'
import type { StatusLabel } from '@/lib/domain/status'
import { IndicatorNumber, IndicatorProgress } from './indicator-value'
import { ProgressBar } from './progress-bar'
import { ReviewBadge } from './review-badge'
import { StatusBadges } from './status-badge'

type Props = {
  detail: AssignmentDetail
  unitHref: string
  /** The display status, then "blocked" when overdue hides it, then "due soon". */
  labels: StatusLabel[]
  /** The newest update, if any; null when the reader may not read the assignment's updates. */
  latest: HistoryEntry | undefined | null
}

/** The top of an assignment's page: the task and where the unit stands on it now. */
export function AssignmentOverview({ detail, unitHref, labels, latest }: Props) {
  const t = useTranslations('assignment')
  const { task } = detail
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href={unitHref} className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {detail.unit.name}
        </Link>
        <span className="text-slate-600"> › {detail.group.name}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{task.title}</h1>
      {task.description && <p className="mt-2 max-w-3xl text-slate-800">{task.description}</p>}
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t('unit')}</dt>
        <dd>{detail.unit.name}</dd>
        <dt className="text-slate-600">{t('dueDate')}</dt>
        <dd className="tabular-nums">{formatDay(dateColumnDay(task.dueDate))}</dd>
        <dt className="text-slate-600">{t('memberInCharge')}</dt>
        <dd>{detail.memberInCharge ? `${detail.memberInCharge.name} (${detail.memberInCharge.title})` : t('noMember')}</dd>
        <dt className="text-slate-600">{t('confirmer')}</dt>
        <dd>{detail.confirmer ? `${detail.confirmer.name} (${detail.confirmer.title})` : t('noMember')}</dd>
      </dl>
      {!detail.open && <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t('unitMerged')}</p>}

      <section aria-labelledby="current-state" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="current-state" className="text-lg font-semibold">
          {t('current.title')}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t('current.status')}</dt>
          <dd className="flex flex-wrap gap-2">
            <StatusBadges labels={labels} />
          </dd>
          <dt className="text-slate-600">{t('current.progress')}</dt>
          <dd>
            <ProgressBar value={detail.progress} />
          </dd>
          {task.indicator && (
            <>
              <dt className="text-slate-600">{t('current.indicator')}</dt>
              <dd>
                {task.indicator.kind === 'CONDITION' ? (
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3">
                    <dt className="font-semibold">{t('indicator.condition')}</dt>
                    <dd className="font-semibold">
                      <IndicatorProgress kind="CONDITION" unit={task.indicator.unit} actual={detail.indicatorActual} />
                    </dd>
                  </dl>
                ) : (
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3">
                    <dt>{t(task.indicator.ownBaseline ? 'indicator.unitBaseline' : task.indicator.districtTarget ? 'indicator.districtBaseline' : 'indicator.baseline')}</dt>
                    <dd>
                      <IndicatorNumber value={task.indicator.baseline} /> {task.indicator.unit}
                    </dd>
                    {task.indicator.kind === 'PER_UNIT' ? (
                      <>
                        <dt>{t('indicator.unitTarget')}</dt>
                        <dd>{task.indicator.unitTarget === null ? t('indicator.noUnitTarget') : <><IndicatorNumber value={task.indicator.unitTarget} /> {task.indicator.unit}</>}</dd>
                      </>
                    ) : (
                      <>
                        <dt>{t(task.indicator.districtTarget ? 'indicator.districtTarget' : 'indicator.target')}</dt>
                        <dd>
                          <IndicatorNumber value={task.indicator.target} /> {task.indicator.unit}
                        </dd>
                      </>
                    )}
                    <dt className="font-semibold">{t('indicator.actual')}</dt>
                    <dd className="font-semibold">
                      <IndicatorNumber value={detail.indicatorActual} /> {task.indicator.unit}
                    </dd>
                  </dl>
                )}
              </dd>
            </>
          )}
          {latest !== null && (
            <>
              <dt className="text-slate-600">{t('current.latestReport')}</dt>
              <dd>
                {latest ? (
                  <>
                    <span className="flex flex-wrap items-center gap-2">
                      <span>
                        {latest.author.name}, <span className="tabular-nums">{formatInstant(latest.createdAt)}</span>
                      </span>
                      <ReviewBadge state={latest.review.state} />
                    </span>
                    {latest.review.state === 'RETURNED' && <p className="mt-1 text-red-900">{t('current.returnedNotCounted')}</p>}
                  </>
                ) : (
                  t('current.never')
                )}
              </dd>
            </>
          )}
        </dl>
      </section>
    </>
  )
}
