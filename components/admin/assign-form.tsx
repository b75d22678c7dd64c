// Giving a task to every commune and the township at once, or to the units ticked.
import { getTranslations } from 'next-intl/server'
import type { adminChoices } from '@/lib/queries/admin'
import { ASSIGN_TARGETS } from '@/lib/validation/admin'
import { AdminForm, type AdminAction } from './admin-form'

type Props = { taskId: string; assignedUnitIds: string[]; units: Awaited<ReturnType<typeof adminChoices>>['units']; action: AdminAction }

export async function AssignForm({ taskId, assignedUnitIds, units, action }: Props) {
  const t = await getTranslations('admin')
  const assigned = new Set(assignedUnitIds)
  return (
    <section aria-labelledby="assign-title" className="mt-8 border-t border-slate-200 pt-4">
      <h2 id="assign-title" className="text-lg font-semibold">
        {t('assign.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {t('assign.assignedTo', { count: assigned.size })}. {t('assign.intro')}
      </p>
      <AdminForm
        action={action}
        label={t('assign.title')}
        idPrefix="assign-"
        hidden={{ taskId }}
        submit={{ label: t('assign.submit'), pending: t('common.saving') }}
        fields={[
          {
            name: 'target',
            label: t('assign.target'),
            type: 'radio',
            defaultValue: 'communes',
            choices: ASSIGN_TARGETS.map((target) => ({ value: target, label: t(target === 'communes' ? 'assign.allCommunes' : 'assign.chosenUnits') })),
          },
          {
            name: 'unitIds',
            label: t('assign.units'),
            type: 'checkboxes',
            choices: units.map((u) => ({ value: u.id, label: u.name, note: assigned.has(u.id) ? t('assign.alreadyAssigned') : t(`unitKinds.${u.kind}`) })),
          },
        ]}
      />
    </section>
  )
}
