import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { AccountSecurity, ActiveToggle, AdminHeading, CreatedNotice } from '@/components/admin/parts'
import { UserForm } from '@/components/admin/record-forms'
import { adminChoices, adminUser, requireAdmin } from '@/lib/queries/admin'
import { resetPasswordAction, resetTwoFactorAction, setActiveAction, unlockAccountAction, updateUserAction } from '@/lib/actions/admin/admin-action'

type Props = { params: Promise<{ username: string }>; searchParams: Promise<{ created?: string }> }

export default async function AdminUserPage({ params, searchParams }: Props) {
  const admin = await requireAdmin()
  const [{ username }, { created }] = await Promise.all([params, searchParams])
  const user = await adminUser(admin, username)
  if (!user) notFound()
  const [choices, t] = await Promise.all([adminChoices(admin, [user.unitId, user.memberId].filter((id) => id !== null)), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="users" title={t('users.editTitle', { username: user.username })} back />
      <CreatedNotice shown={created !== undefined} />
      <section className="mt-4 max-w-2xl">
        <UserForm user={user} choices={choices} action={updateUserAction} />
        <AccountSecurity id={user.id} actions={{ resetPassword: resetPasswordAction, unlock: unlockAccountAction, resetTwoFactor: resetTwoFactorAction }} />
        <ActiveToggle entity="User" id={user.id} active={user.active} action={setActiveAction} />
      </section>
    </>
  )
}
