import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { ActiveBadge, AdminHeading, AdminTable, linkClass, OwnedAboveTag } from '@/components/admin/parts'
import { GroupForm } from '@/components/admin/record-forms'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { adminChoices, adminGroups, requireAdmin } from '@/lib/queries/admin'
import { saveGroupAction } from '@/lib/actions/admin/admin-action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.groups')
  return { title: t('title') }
}

export default async function AdminGroupsPage() {
  const admin = await requireAdmin()
  const [groups, choices, t] = await Promise.all([adminGroups(admin), adminChoices(admin), getTranslations('admin')])
  return (
    <>
      <AdminHeading section="groups" title={t('groups.title')} />
      <div className="mt-4">
        <AdminTable
          caption={t('groups.listCaption')}
          headings={[t('common.name'), t('common.code'), t('groups.lead'), t('groups.taskCount'), t('common.status')]}
          rows={groups.map((g) => ({
            key: g.id,
            cells: [
              <span key="name">
                <Link href={adminSectionHref('groups', g.code)} className={linkClass}>
                  {g.name}
                </Link>
                {!g.managed && <OwnedAboveTag owner={g.owner} />}
              </span>,
              <code key="code">{g.code}</code>,
              g.leadMember?.name ?? '—',
              <span key="count" className="tabular-nums">
                {g._count.tasks}
              </span>,
              <ActiveBadge key="active" active={g.active} />,
            ],
          }))}
        />
      </div>
      <section className="mt-8 max-w-2xl">
        <GroupForm group={null} choices={choices} action={saveGroupAction} />
      </section>
    </>
  )
}
