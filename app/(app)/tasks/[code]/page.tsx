import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { cacheLife } from 'next/cache'
import Link from '@/components/link'
import { notFound } from 'next/navigation'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { DownloadLinks } from '@/components/exports/download-links'
import { IndicatorNumber } from '@/components/indicator-value'
import { IndicatorTotal } from '@/components/tasks/indicator-total'
import { ProgressBar } from '@/components/progress-bar'
import { groupHref, memberHref, taskHref } from '@/lib/domain/paths'
import { StatusCountList } from '@/components/tasks/status-count-list'
import { TaskHistory } from '@/components/tasks/task-history'
import { TaskUnitsTable } from '@/components/tasks/task-units-table'
import { mayReadView } from '@/lib/auth/permissions'
import { scopeFor } from '@/lib/auth/rules'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot, renderCounter } from '@/lib/db/snapshot-cache'
import { sectionSource, type SectionKey } from '@/lib/queries/kept-section'
import { dateColumnDay, districtDay, formatDay } from '@/lib/domain/calendar'
import { requestSource, type ProgressSource } from '@/lib/queries/progress-source'
import { asOfParam } from '@/lib/validation/as-of'
import { pageParam } from '@/lib/validation/page'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { Pagination } from '@/components/pagination'
import { TASK_UNITS_PER_PAGE, taskHistory, taskProgressByCode, taskUnits, type TaskProgress } from '@/lib/queries/task-progress'

type Props = {
  params: Promise<{ code: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** The latest reports shown. */
const HISTORY_LENGTH = 20

async function load(user: CurrentUser, params: Props['params'], source: ProgressSource): Promise<TaskProgress> {
  if (!mayReadView(user, 'tasks')) notFound()
  const task = await taskProgressByCode(source, (await params).code)
  if (!task) notFound()
  return task
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser()
  return { title: (await load(user, params, requestSource(null, user))).title }
}

/** One task across every unit it is assigned to: where each stands, the district's result, the latest reports. */
export default async function TaskPage({ params, searchParams }: Props) {
  const user = await requireUser()
  const query = await searchParams
  const asked = asOfParam(query.asOf)
  const source = requestSource(asked, user)
  const [task, locale, snapshot] = await Promise.all([load(user, params, source), getLocale(), dataSnapshot()])
  taskRenders.asked()
  // Two async siblings, rendered at once: neither waits for the other.
  return (
    <>
      <TaskSections snapshot={snapshot} locale={locale} today={districtDay(new Date())} asked={asked} scopeUnitId={user.scopeUnitId} code={task.code} page={pageParam(query.page)} />
      <LatestReports source={source} user={user} task={task} />
    </>
  )
}

/** The latest reports, as the reader may read them. */
async function LatestReports({ source, user, task }: { source: ProgressSource; user: CurrentUser; task: TaskProgress }) {
  const [history, t] = await Promise.all([taskHistory(source, user, task.id, HISTORY_LENGTH), getTranslations('tasks')])
  return (
    <section aria-labelledby="history-title" className="mt-8">
      <h2 id="history-title" className="text-lg font-semibold">
        {t('history.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {t('history.intro', { count: HISTORY_LENGTH })}
        {scopeFor(user.role, 'assignment.readDetails') !== 'all' && ` ${t('history.scoped')}`}
      </p>
      <TaskHistory entries={history} taskCode={task.code} indicator={task.indicator} />
    </section>
  )
}

const taskRenders = renderCounter('task sections')

/** What makes the task's figures and units what they are: the state of the data, the day asked for, the reader's subtree, the language, the page of units. */
type SectionsKey = SectionKey & { code: string; page: number }

/**
 * Everything above the latest reports, the same for every reader of one subtree: rendered once per
 * state of the data (the snapshot, lib/db/snapshot-cache.ts) and key, and kept for the next reader.
 */
async function TaskSections(key: SectionsKey) {
  'use cache'
  cacheLife('max')
  const { today, code, page } = key
  const source = sectionSource(taskRenders, key)
  const [task, t] = await Promise.all([taskProgressByCode(source, code), getTranslations('tasks')])
  if (!task) notFound()
  const units = await taskUnits(source, task.id, TASK_UNITS_PER_PAGE, offsetOf(page, TASK_UNITS_PER_PAGE))
  if (page > 1 && units.rows.length === 0) notFound()
  const pages = pageCountOf(task.assigned, TASK_UNITS_PER_PAGE)
  const pageHref = (n: number) => pagedHref(taskHref(task.code), { asOf: source.asOfDay }, n)
  const { indicator } = task
  const sectionTitle = 'text-lg font-semibold'
  return (
    <>
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link href="/tasks" className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {t('title')}
        </Link>
        <span className="text-slate-600"> › </span>
        <Link href={groupHref(task.group.code)} className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {task.group.name}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{task.title}</h1>
      {task.description && <p className="mt-2 max-w-3xl text-slate-800">{task.description}</p>}
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t('detail.group')}</dt>
        <dd>{task.group.name}</dd>
        <dt className="text-slate-600">{t('lead')}</dt>
        <dd>
          {task.lead ? (
            <Link href={memberHref(task.lead.code)} className="text-blue-800 underline-offset-2 hover:underline">
              {task.lead.name}
            </Link>
          ) : (
            t('noLead')
          )}
        </dd>
        <dt className="text-slate-600">{t('dueDate')}</dt>
        <dd className="tabular-nums">{formatDay(dateColumnDay(task.dueDate))}</dd>
        <dt className="text-slate-600">{t('detail.scope')}</dt>
        <dd>{t(`detail.scopes.${task.scope}`)}</dd>
      </dl>

      <section aria-labelledby="district-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="district-title" className={sectionTitle}>
          {t('detail.district')}
        </h2>
        <div className="mb-3">
          <AsOfPicker path={taskHref(task.code)} day={source.day} past={source.asOfDay !== undefined} today={today} />
        </div>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t('counts.assigned')}</dt>
          <dd className="font-semibold tabular-nums">{t('detail.units', { count: task.assigned })}</dd>
          <dt className="text-slate-600">{t('counts.progress')}</dt>
          <dd>
            <ProgressBar value={task.progress} />
          </dd>
          <dt className="text-slate-600">{t('detail.statuses')}</dt>
          <dd>
            <StatusCountList counts={task} />
          </dd>
          {indicator && (
            <>
              <dt className="text-slate-600">{t('detail.indicatorTotal')}</dt>
              <dd>
                <span className="text-lg font-semibold">
                  <IndicatorTotal indicator={indicator} assigned={task.assigned} />
                </span>
                <span className="block text-slate-700">
                  {indicator.kind === 'SUM' && (
                    <>
                      {t('detail.target')}: <IndicatorNumber value={indicator.target} />
                      {' · '}
                    </>
                  )}
                  {indicator.kind !== 'CONDITION' && indicator.baseline !== null && (
                    <>
                      {t('detail.baseline')}: <IndicatorNumber value={indicator.baseline} />
                      {' · '}
                    </>
                  )}
                  {t('detail.reported', { reported: indicator.reported, assigned: task.assigned })}
                </span>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="units-title" className="mt-8">
        <h2 id="units-title" className={`${sectionTitle} mb-3`}>
          {t('units.title')}
        </h2>
        <DownloadLinks view="tasks" code={task.code} table="units" filters={{ asOf: source.asOfDay }} />
        {task.assigned === 0 ? (
          <p className="text-slate-700">{t('units.empty')}</p>
        ) : (
          <>
            <TaskUnitsTable task={task} rows={units.rows} now={source.at} />
            <Pagination page={page} pageCount={pages} href={pageHref} label={t('units.pages')} />
          </>
        )}
      </section>
    </>
  )
}
