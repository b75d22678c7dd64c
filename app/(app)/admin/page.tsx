import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { AdminNav } from '@/components/admin/parts'
import { ADMIN_SECTIONS, adminSectionHref } from '@/lib/domain/admin-paths'
import { requireAdmin } from '@/lib/queries/admin'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin')
  return { title: t('title') }
}

/** The administrator's start page for managing the district's records. */
export default async function AdminPage() {
  await requireAdmin()
  const t = await getTranslations('admin')
  return (
    <>
      <AdminNav />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section}>
            <Link href={adminSectionHref(section)} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-700 hover:bg-blue-50">
              <span className="font-semibold text-blue-800">{t(`sections.${section}`)}</span>
              <span className="mt-1 block text-sm text-slate-700">{t(`sections.${section}Hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
