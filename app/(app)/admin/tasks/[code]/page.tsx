import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { notFound } from 'next/navigation'
import { AssignForm } from '@/components/admin/assign-form'
import { UnitTargetsForm } from '@/components/admin/unit-targets-form'
import { ActiveToggle, AdminHeading, CreatedNotice, linkClass, OwnedAboveNotice } from '@/components/admin/parts'
import { TaskForm } from '@/components/admin/record-forms'
import { taskHref } from '@/lib/domain/paths'
import { adminChoices, adminTask, requireAdmin } from '@/lib/queries/admin'
import { assignTaskAction, saveTaskAction, saveUnitTargetsAction, setActiveAction } from '@/lib/actions/admin/admin-action'

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ created?: string }> }

export default async function AdminTaskPage({ params, searchParams }: Props) {
  const admin = await requireAdmin()
  const [{ code }, { created }] = await Promise.all([params, searchParams])
  const task = await adminTask(admin, code)
  if (!task) notFound()
  const [choices, t] = await Promise.all([adminChoices(admin, [task.groupId]), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="tasks" title={task.title} back />
      <p className="mt-1 text-sm">
        <Link href={taskHref(task.code)} className={linkClass}>
          {t('tasks.viewPage')}
        </Link>
      </p>
      <CreatedNotice shown={created !== undefined} />
      <section className="mt-4 max-w-3xl">
        {/* A task of a unit above (the province's) is assigned and targeted here, not changed. */}
        {task.managed ? <TaskForm task={task} choices={choices} action={saveTaskAction} /> : <OwnedAboveNotice owner={task.owner} />}
        {task.active && <AssignForm taskId={task.id} assignedUnitIds={task.assignments.map((a) => a.unitId)} units={choices.units.filter((u) => u.kind !== 'DISTRICT')} action={assignTaskAction} />}
        {task.indicatorKind === 'PER_UNIT' && task.indicatorUnit !== null && (
          <UnitTargetsForm
            task={{ id: task.id, indicatorUnit: task.indicatorUnit, baseline: task.indicatorBaseline?.toString() ?? null, target: task.indicatorTarget?.toString() ?? null }}
            assignments={task.assignments.map((a) => ({ id: a.id, unitName: a.unit.name, target: a.indicatorTarget?.toString() ?? null, baseline: a.indicatorBaseline?.toString() ?? null }))}
            action={saveUnitTargetsAction}
          />
        )}
        {task.managed && <ActiveToggle entity="Task" id={task.id} active={task.active} action={setActiveAction} />}
      </section>
    </>
  )
}
