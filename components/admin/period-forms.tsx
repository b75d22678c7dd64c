// Reporting periods: the create form, and per period the lock button or the unlock form (reason required).
import { getTranslations } from 'next-intl/server'
import { PERIOD_KINDS } from '@/lib/validation/admin'
import { AdminForm, type AdminAction } from './admin-form'

export async function PeriodForm({ action }: { action: AdminAction }) {
  const t = await getTranslations('admin')
  return (
    <AdminForm
      action={action}
      label={t('periods.newTitle')}
      title={t('periods.newTitle')}
      submit={{ label: t('common.save'), pending: t('common.saving') }}
      fields={[
        { name: 'code', label: t('common.code'), hint: t('common.codeHint'), type: 'text', width: 'short' },
        { name: 'name', label: t('common.name'), type: 'text' },
        { name: 'kind', label: t('periods.kind'), type: 'radio', defaultValue: 'INTERIM', choices: PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKinds.${k}`) })) },
        { name: 'startDate', label: t('periods.startDate'), type: 'date', width: 'short' },
        { name: 'endDate', label: t('periods.endDate'), type: 'date', width: 'short' },
      ]}
    />
  )
}

export async function PeriodLockForm({ period, actions }: { period: { id: string; name: string; lockedAt: Date | null }; actions: { lock: AdminAction; unlock: AdminAction } }) {
  const t = await getTranslations('admin')
  const submit = { label: period.lockedAt ? t('periods.unlock') : t('periods.lock'), pending: t('common.saving'), tone: 'secondary' as const }
  return period.lockedAt ? (
    <AdminForm
      action={actions.unlock}
      label={`${t('periods.unlock')}: ${period.name}`}
      idPrefix={`unlock-${period.id}-`}
      hidden={{ id: period.id }}
      submit={submit}
      fields={[{ name: 'reason', label: t('periods.unlockReason'), hint: t('periods.unlockReasonHint'), type: 'textarea' }]}
    />
  ) : (
    <AdminForm action={actions.lock} label={`${t('periods.lock')}: ${period.name}`} hidden={{ id: period.id }} submit={submit} fields={[]} />
  )
}
