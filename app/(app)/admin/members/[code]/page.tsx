import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { ActiveToggle, AdminHeading, CreatedNotice } from '@/components/admin/parts'
import { MemberForm } from '@/components/admin/record-forms'
import { adminChoices, adminMember, requireAdmin } from '@/lib/queries/admin'
import { saveMemberAction, setActiveAction } from '@/lib/actions/admin/admin-action'

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ created?: string }> }

export default async function AdminMemberPage({ params, searchParams }: Props) {
  const admin = await requireAdmin()
  const [{ code }, { created }] = await Promise.all([params, searchParams])
  const member = await adminMember(admin, code)
  if (!member) notFound()
  const [choices, t] = await Promise.all([adminChoices(admin, [...member.leads, ...member.inCharge].map((r) => r.id)), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="members" title={t('members.editTitle', { name: member.name })} back />
      <CreatedNotice shown={created !== undefined} />
      <section className="mt-4 max-w-3xl">
        <MemberForm member={member} choices={choices} action={saveMemberAction} />
        <ActiveToggle entity="Member" id={member.id} active={member.active} action={setActiveAction} />
      </section>
    </>
  )
}
