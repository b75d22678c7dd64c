import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { ActiveBadge, AdminHeading, AdminTable, linkClass, OwnedAboveTag } from '@/components/admin/parts'
import { TaskForm } from '@/components/admin/record-forms'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import { adminChoices, adminTasks, requireAdmin } from '@/lib/queries/admin'
import { saveTaskAction } from '@/lib/actions/admin/admin-action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.tasks')
  return { title: t('title') }
}

export default async function AdminTasksPage() {
  const admin = await requireAdmin()
  const [tasks, choices, t] = await Promise.all([adminTasks(admin), adminChoices(admin), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="tasks" title={t('tasks.title')} />
      <div className="mt-4">
        <AdminTable
          caption={t('tasks.listCaption')}
          headings={[t('tasks.taskTitle'), t('tasks.group'), t('tasks.dueDate'), t('tasks.assignments'), t('common.status')]}
          rows={tasks.map((task) => ({
            key: task.id,
            cells: [
              <span key="title">
                <Link href={adminSectionHref('tasks', task.code)} className={linkClass}>
                  {task.title}
                </Link>
                {!task.managed && <OwnedAboveTag owner={task.owner} />}
              </span>,
              task.group.name,
              <span key="due" className="tabular-nums">
                {formatDay(dateColumnDay(task.dueDate))}
              </span>,
              <span key="count" className="tabular-nums">
                {task._count.assignments}
              </span>,
              <ActiveBadge key="active" active={task.active} />,
            ],
          }))}
        />
      </div>
      <section className="mt-8 max-w-3xl">
        <TaskForm task={null} choices={choices} action={saveTaskAction} />
      </section>
    </>
  )
}
