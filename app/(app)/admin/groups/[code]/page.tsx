import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { ActiveToggle, AdminHeading, CreatedNotice, OwnedAboveNotice } from '@/components/admin/parts'
import { GroupForm } from '@/components/admin/record-forms'
import { adminChoices, adminGroup, requireAdmin } from '@/lib/queries/admin'
import { saveGroupAction, setActiveAction } from '@/lib/actions/admin/admin-action'

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ created?: string }> }

export default async function AdminGroupPage({ params, searchParams }: Props) {
  const admin = await requireAdmin()
  const [{ code }, { created }] = await Promise.all([params, searchParams])
  const group = await adminGroup(admin, code)
  if (!group) notFound()
  const [choices, t] = await Promise.all([adminChoices(admin, group.leadMemberId ? [group.leadMemberId] : []), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="groups" title={t('groups.editTitle', { name: group.name })} back />
      <CreatedNotice shown={created !== undefined} />
      <section className="mt-4 max-w-2xl">
        {group.managed ? (
          <>
            <GroupForm group={group} choices={choices} action={saveGroupAction} />
            <ActiveToggle entity="TaskGroup" id={group.id} active={group.active} action={setActiveAction} />
          </>
        ) : (
          <>
            <OwnedAboveNotice owner={group.owner} />
            {group.description && <p className="text-sm text-slate-800">{group.description}</p>}
          </>
        )}
      </section>
    </>
  )
}
