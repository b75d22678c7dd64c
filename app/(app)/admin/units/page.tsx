import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { ActiveBadge, AdminHeading, AdminTable, linkClass } from '@/components/admin/parts'
import { UnitForm } from '@/components/admin/record-forms'
import { FormNotice } from '@/components/form-parts'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { adminChoices, adminUnits, requireAdmin } from '@/lib/queries/admin'
import { saveUnitAction } from '@/lib/actions/admin/admin-action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.units')
  return { title: t('title') }
}

export default async function AdminUnitsPage({ searchParams }: { searchParams: Promise<{ cancelled?: string }> }) {
  const admin = await requireAdmin()
  const [units, choices, t, { cancelled }] = await Promise.all([adminUnits(admin), adminChoices(admin), getTranslations('admin'), searchParams])
  return (
    <>
      <AdminHeading section="units" title={t('units.title')} />
      {/* A change cancelled from the page of a unit made for it, which went with it. */}
      {cancelled !== undefined && (
        <div className="my-4">
          <FormNotice tone="success">{t('units.pending.cancelled')}</FormNotice>
        </div>
      )}
      <div className="mt-4">
        <AdminTable
          caption={t('units.listCaption')}
          headings={[t('common.name'), t('units.kind'), t('units.parent'), t('units.inCharge'), t('common.status')]}
          rows={units.map((u) => ({
            key: u.id,
            cells: [
              <Link key="name" href={adminSectionHref('units', u.code)} className={linkClass}>
                {u.name}
              </Link>,
              t(`unitKinds.${u.kind}`),
              u.parent?.name ?? '—',
              u.inChargeMember?.name ?? '—',
              <ActiveBadge key="active" active={u.active} />,
            ],
          }))}
        />
      </div>
      <section className="mt-8 max-w-2xl">
        <UnitForm unit={null} choices={choices} action={saveUnitAction} newParentId={admin.scopeUnitId} />
      </section>
    </>
  )
}
