import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { TaskHistory } from '@/components/tasks/task-history'
import { mayReadView } from '@/lib/auth/permissions'
import { scopeFor } from '@/lib/auth/rules'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot } from '@/lib/db/snapshot-cache'
import { KeptSection } from '@/components/kept/kept-section'
import { districtDay } from '@/lib/domain/calendar'
import { requestSource, type ProgressSource } from '@/lib/queries/progress-source'
import { asOfParam } from '@/lib/validation/as-of'
import { pageParam } from '@/lib/validation/page'
import { taskHistory, taskProgressByCode, type TaskProgress } from '@/lib/queries/task-progress'

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
  // Two async siblings, rendered at once: neither waits for the other.
  return (
    <>
      <KeptSection view="task" sectionKey={{ snapshot, locale, today: districtDay(new Date()), asked, scopeUnitId: user.scopeUnitId, code: task.code, page: pageParam(query.page) }} />
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

