// A task's figures and units, the same for every reader of one subtree, and its latest reports, the
// same for every reader who may read the same of them: each rendered once per key by the app's
// request to itself and kept (lib/queries/kept-html.ts).
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { notFound } from 'next/navigation'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { DownloadLinks } from '@/components/exports/download-links'
import { IndicatorNumber } from '@/components/indicator-value'
import { IndicatorTotal } from '@/components/tasks/indicator-total'
import { ProgressBar } from '@/components/progress-bar'
import { groupHref, memberHref, taskHref } from '@/lib/domain/paths'
import { StatusCountList } from '@/components/tasks/status-count-list'
import { TaskUnitsTable } from '@/components/tasks/task-units-table'
import { sectionSource, type SectionKey } from '@/lib/queries/kept-section'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { Pagination } from '@/components/pagination'
import { TaskHistory } from '@/components/tasks/task-history'
import { scopeFor } from '@/lib/auth/rules'
import type { Reader } from '@/lib/auth/permissions'
import { TASK_UNITS_PER_PAGE, taskHistory, taskProgressByCode, taskUnits } from '@/lib/queries/task-progress'

/** What makes the task's figures and units what they are: the state of the data, the day asked for, the reader's subtree, the language, the page of units. */
export type TaskKey = SectionKey & { code: string; page: number }

/**
 * Everything above the latest reports, the same for every reader of one subtree: rendered once per
 * state of the data (the snapshot, lib/db/snapshot-cache.ts) and key, and kept for the next reader.
 */
export async function TaskSections(key: TaskKey) {
  const { today, code, page } = key
  const source = sectionSource(key)
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

/** The latest reports shown. */
const HISTORY_LENGTH = 20

/** What makes a task's latest reports what they are: the task's key but its page of units, and what the reader may read of them (not who they are). */
export type TaskReportsKey = SectionKey & { code: string; reader: Reader }

/** The latest reports, as the key's reader may read them: rendered once per state of the data and key. */
export async function TaskReportsSection(key: TaskReportsKey) {
  const source = sectionSource(key)
  const [task, t] = await Promise.all([taskProgressByCode(source, key.code), getTranslations('tasks')])
  if (!task) notFound()
  const history = await taskHistory(source, key.reader, task.id, HISTORY_LENGTH)
  return (
    <section aria-labelledby="history-title" className="mt-8">
      <h2 id="history-title" className="text-lg font-semibold">
        {t('history.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {t('history.intro', { count: HISTORY_LENGTH })}
        {scopeFor(key.reader.role, 'assignment.readDetails') !== 'all' && ` ${t('history.scoped')}`}
      </p>
      <TaskHistory entries={history} taskCode={task.code} indicator={task.indicator} />
    </section>
  )
}
