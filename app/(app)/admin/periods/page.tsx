import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AdminHeading, AdminTable, OwnedAboveTag } from '@/components/admin/parts'
import { PeriodForm, PeriodLockForm } from '@/components/admin/period-forms'
import { Badge } from '@/components/badge'
import { dateColumnDay, formatDay, formatInstant } from '@/lib/domain/calendar'
import { adminSectionAction } from '@/lib/domain/admin-paths'
import { adminPeriods, requireAdmin } from '@/lib/queries/admin'
import { createPeriodAction, lockPeriodAction, unlockPeriodAction } from '@/lib/actions/admin/admin-action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.periods')
  return { title: t('title') }
}

export default async function AdminPeriodsPage() {
  const admin = await requireAdmin(adminSectionAction('periods'))
  const [periods, t] = await Promise.all([adminPeriods(admin), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="periods" title={t('periods.title')} />
      <div className="mt-4">
        <AdminTable
          caption={t('periods.listCaption')}
          headings={[t('common.name'), t('periods.kind'), t('periods.dates'), t('common.status'), t('common.actions')]}
          rows={periods.map((p) => ({
            key: p.id,
            cells: [
              p.name,
              t(`periodKinds.${p.kind}`),
              <span key="dates" className="tabular-nums">
                {formatDay(dateColumnDay(p.startDate))} – {formatDay(dateColumnDay(p.endDate))}
              </span>,
              <Badge key="state" tone={p.lockedAt ? 'grey' : 'green'}>
                {p.lockedAt ? t('periods.locked', { time: formatInstant(p.lockedAt) }) : t('periods.open')}
              </Badge>,
              p.managed ? <PeriodLockForm key="lock" period={p} actions={{ lock: lockPeriodAction, unlock: unlockPeriodAction }} /> : <OwnedAboveTag key="lock" owner={p.owner} />,
            ],
          }))}
        />
      </div>
      <section className="mt-8 max-w-2xl">
        <PeriodForm action={createPeriodAction} />
      </section>
    </>
  )
}
