import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { memberHref, taskHref } from '@/lib/domain/paths'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { IndicatorTotal } from '@/components/tasks/indicator-total'
import { StatusCountsTable } from '@/components/tasks/status-counts-table'
import { requireUser } from '@/lib/auth/session'
import { dateColumnDay, districtDay, formatDay } from '@/lib/domain/calendar'
import { requestSource } from '@/lib/queries/progress-source'
import { asOfParam } from '@/lib/validation/as-of'
import { taskProgressList, type TaskProgress } from '@/lib/queries/task-progress'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tasks')
  return { title: t('title') }
}

type GroupOfTasks = { group: TaskProgress['group']; lead: TaskProgress['lead']; tasks: TaskProgress[] }

/** The rows come in the groups' order: consecutive tasks of one group make one section. */
function byGroup(tasks: TaskProgress[]): GroupOfTasks[] {
  const groups: GroupOfTasks[] = []
  for (const task of tasks) {
    const last = groups.at(-1)
    if (last?.group.id === task.group.id) last.tasks.push(task)
    else groups.push({ group: task.group, lead: task.lead, tasks: [task] })
  }
  return groups
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Every active task, by group, with its district-wide progress. */
export default async function TasksPage({ searchParams }: Props) {
  const user = await requireUser()
  const now = new Date()
  const source = requestSource(asOfParam((await searchParams).asOf), user)
  const [tasks, t] = await Promise.all([taskProgressList(source), getTranslations('tasks')])
  const groups = byGroup(tasks)
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <AsOfPicker path="/tasks" day={source.day} past={source.asOfDay !== undefined} today={districtDay(now)} />
      <p className="mt-3 max-w-3xl text-sm text-slate-800">{t('intro')}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('counts.overdueNote')}</p>
      {groups.length === 0 && <p className="mt-6 text-slate-700">{t('empty')}</p>}
      {groups.map(({ group, lead, tasks: groupTasks }) => (
        <section key={group.id} id={`group-${group.code}`} aria-labelledby={`group-${group.code}-title`} className="mt-8 scroll-mt-4">
          <h2 id={`group-${group.code}-title`} className="text-lg font-semibold">
            {group.name}
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            {lead ? (
              <>
                {t('lead')}:{' '}
                <Link href={memberHref(lead.code)} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                  {lead.name}
                </Link>
              </>
            ) : (
              t('noLead')
            )}
          </p>
          <StatusCountsTable
            caption={t('groupCaption', { group: group.name })}
            rowHeading={t('task')}
            rows={groupTasks.map((task) => ({
              key: task.id,
              label: (
                <Link href={taskHref(task.code)} className="text-blue-800 underline-offset-2 hover:underline">
                  {task.title}
                </Link>
              ),
              detail: (
                <>
                  {t('dueDate')}: <span className="tabular-nums">{formatDay(dateColumnDay(task.dueDate))}</span>
                  {task.indicator && (
                    <>
                      {' · '}
                      {t('indicator')}: <IndicatorTotal indicator={task.indicator} assigned={task.assigned} />
                    </>
                  )}
                </>
              ),
              counts: task,
            }))}
          />
        </section>
      ))}
    </>
  )
}
