// A PER_UNIT indicator's own target for each assigned unit ("Minh Cầm: 12 chức danh"), and its own
// baseline where it has one (empty: the task's), in one form.
import { getTranslations } from 'next-intl/server'
import { countsDown } from '@/lib/domain/indicator'
import { UNIT_BASELINE_FIELD, UNIT_TARGET_FIELD } from '@/lib/validation/admin'
import { AdminForm, type AdminAction } from './admin-form'

type Props = {
  task: { id: string; indicatorUnit: string; baseline: string | null; target: string | null }
  assignments: { id: string; unitName: string; target: string | null; baseline: string | null }[]
  action: AdminAction
}

export async function UnitTargetsForm({ task, assignments, action }: Props) {
  const t = await getTranslations('admin')
  const baseline = (task.baseline ?? '0').replace('.', ',')
  return (
    <section aria-labelledby="unit-targets-title" className="mt-8 border-t border-slate-200 pt-4">
      <h2 id="unit-targets-title" className="text-lg font-semibold">
        {t('unitTargets.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {t('unitTargets.intro', { unit: task.indicatorUnit, baseline })}
        {countsDown(task.baseline, task.target) && <> {t('unitTargets.introDown', { unit: task.indicatorUnit, baseline })}</>}
      </p>
      {assignments.length === 0 ? (
        <p className="text-sm text-slate-700">{t('unitTargets.none')}</p>
      ) : (
        <AdminForm
          action={action}
          label={t('unitTargets.title')}
          idPrefix="target-"
          hidden={{ taskId: task.id }}
          submit={{ label: t('unitTargets.submit'), pending: t('common.saving') }}
          fields={assignments.flatMap((a) => [
            {
              name: `${UNIT_BASELINE_FIELD}${a.id}`,
              label: t('unitTargets.baseline', { unit: a.unitName }),
              type: 'text',
              inputMode: 'decimal',
              width: 'short',
              defaultValue: a.baseline?.replace('.', ',') ?? '',
            },
            {
              name: `${UNIT_TARGET_FIELD}${a.id}`,
              label: t('unitTargets.target', { unit: a.unitName }),
              type: 'text',
              inputMode: 'decimal',
              width: 'short',
              defaultValue: a.target?.replace('.', ',') ?? '',
            },
          ])}
        />
      )}
    </section>
  )
}
