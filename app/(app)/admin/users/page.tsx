import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { ActiveBadge, AdminHeading, AdminTable, linkClass } from '@/components/admin/parts'
import { UserForm } from '@/components/admin/record-forms'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { formatInstant } from '@/lib/domain/calendar'
import { adminChoices, adminUsers, requireAdmin } from '@/lib/queries/admin'
import { createUserAction } from '@/lib/actions/admin/admin-action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users')
  return { title: t('title') }
}

export default async function AdminUsersPage() {
  const admin = await requireAdmin()
  const [users, choices, t, tRoles] = await Promise.all([adminUsers(admin), adminChoices(admin), getTranslations('admin'), getTranslations('roles')])
  return (
    <>
      <AdminHeading section="users" title={t('users.title')} />
      <div className="mt-4">
        <AdminTable
          caption={t('users.listCaption')}
          headings={[t('users.username'), t('users.displayName'), t('users.role'), t('users.unit'), t('users.lastLogin'), t('common.status')]}
          rows={users.map((u) => ({
            key: u.id,
            cells: [
              <Link key="username" href={adminSectionHref('users', u.username)} className={linkClass}>
                {u.username}
              </Link>,
              u.member ? `${u.displayName} (${u.member.name})` : u.displayName,
              tRoles(u.role),
              u.unit.name,
              u.lastLoginAt ? formatInstant(u.lastLoginAt) : t('users.never'),
              <ActiveBadge key="active" active={u.active} />,
            ],
          }))}
        />
      </div>
      <section className="mt-8 max-w-2xl">
        <UserForm user={null} choices={choices} action={createUserAction} />
      </section>
    </>
  )
}
