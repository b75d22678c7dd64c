import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { ActiveToggle, AdminHeading, CreatedNotice } from '@/components/admin/parts'
import { UnitForm } from '@/components/admin/record-forms'
import { adminChoices, adminUnit, requireAdmin } from '@/lib/queries/admin'
import { saveUnitAction, setActiveAction } from '@/lib/actions/admin/admin-action'

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ created?: string }> }

export default async function AdminUnitPage({ params, searchParams }: Props) {
  await requireAdmin()
  const [{ code }, { created }] = await Promise.all([params, searchParams])
  const unit = await adminUnit(code)
  if (!unit) notFound()
  const [choices, t] = await Promise.all([adminChoices([unit.parentId, unit.inChargeMemberId].filter((id) => id !== null)), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="units" title={t('units.editTitle', { name: unit.name })} back />
      <CreatedNotice shown={created !== undefined} />
      <section className="mt-4 max-w-2xl">
        <UnitForm unit={unit} choices={choices} action={saveUnitAction} />
        <ActiveToggle entity="Unit" id={unit.id} active={unit.active} action={setActiveAction} />
      </section>
    </>
  )
}
