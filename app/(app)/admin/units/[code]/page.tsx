import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { ActiveToggle, AdminHeading, CreatedNotice } from '@/components/admin/parts'
import { FormNotice } from '@/components/form-parts'
import { PendingUnitChanges, UnitChangeSection, UnitForm, UnitMergeSection, UnitSplitSection } from '@/components/admin/record-forms'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { adminChoices, adminUnit, requireAdmin } from '@/lib/queries/admin'
import { pendingUnitChanges } from '@/lib/queries/unit-history'
import { redirectFormerCode } from '@/lib/http/former-code'
import { cancelUnitChangeAction, changeUnitAction, saveUnitAction, saveUnitFigureAction, setActiveAction } from '@/lib/actions/admin/admin-action'
import { UnitFiguresSection } from '@/components/admin/unit-figures-section'
import { unitFigureHistory } from '@/lib/queries/unit-figures'

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ created?: string; changed?: string; cancelled?: string }> }

export default async function AdminUnitPage({ params, searchParams }: Props) {
  const admin = await requireAdmin()
  const [{ code }, { created, changed, cancelled }] = await Promise.all([params, searchParams])
  const unit = await adminUnit(admin, code)
  if (!unit) await redirectFormerCode(admin, code, (current) => adminSectionHref('units', current), {})
  if (!unit) notFound()
  const [choices, t, figures, pending] = await Promise.all([
    adminChoices(admin, [unit.parentId, unit.inChargeMemberId].filter((id) => id !== null)),
    getTranslations('admin'),
    unitFigureHistory(unit.id),
    pendingUnitChanges(unit.id),
  ])
  return (
    <>
      <AdminHeading section="units" title={t('units.editTitle', { name: unit.name })} back />
      <CreatedNotice shown={created !== undefined} />
      {changed !== undefined && (
        <div className="my-4">
          <FormNotice tone="success">{t('units.change.recodedNotice', { code: unit.code })}</FormNotice>
        </div>
      )}
      {cancelled !== undefined && (
        <div className="my-4">
          <FormNotice tone="success">{t('units.pending.cancelled')}</FormNotice>
        </div>
      )}
      <section className="mt-4 max-w-2xl">
        <UnitForm unit={unit} choices={choices} action={saveUnitAction} />
        <ActiveToggle entity="Unit" id={unit.id} active={unit.active} action={setActiveAction} />
      </section>
      <PendingUnitChanges unit={unit} changes={pending} action={cancelUnitChangeAction} />
      <UnitFiguresSection unitId={unit.id} history={figures} action={saveUnitFigureAction} />
      <section className="mt-8 max-w-2xl">
        <UnitChangeSection unit={unit} action={changeUnitAction} />
      </section>
      <section className="mt-8 max-w-2xl">
        <UnitMergeSection unit={unit} choices={choices} action={changeUnitAction} />
      </section>
      <section className="mt-8 max-w-2xl">
        <UnitSplitSection unit={unit} choices={choices} action={changeUnitAction} />
      </section>
    </>
  )
}
