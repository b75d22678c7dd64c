import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { ActiveBadge, AdminHeading, AdminTable, linkClass } from '@/components/admin/parts'
import { MemberForm } from '@/components/admin/record-forms'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { adminChoices, adminMembers, requireAdmin } from '@/lib/queries/admin'
import { saveMemberAction } from '@/lib/actions/admin/admin-action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.members')
  return { title: t('title') }
}

export default async function AdminMembersPage() {
  const admin = await requireAdmin()
  const [members, choices, t] = await Promise.all([adminMembers(admin), adminChoices(admin), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="members" title={t('members.title')} />
      <div className="mt-4">
        <AdminTable
          caption={t('members.listCaption')}
          headings={[t('common.name'), t('members.memberTitle'), t('members.groupsLed'), t('members.unitsInCharge'), t('common.status')]}
          rows={members.map((m) => ({
            key: m.id,
            cells: [
              <Link key="name" href={adminSectionHref('members', m.code)} className={linkClass}>
                {m.name}
              </Link>,
              m.title,
              m.leads.map((g) => g.name).join('; ') || '—',
              m.inCharge.map((u) => u.name).join('; ') || '—',
              <ActiveBadge key="active" active={m.active} />,
            ],
          }))}
        />
      </div>
      <section className="mt-8 max-w-3xl">
        <MemberForm member={null} choices={choices} action={saveMemberAction} />
      </section>
    </>
  )
}
