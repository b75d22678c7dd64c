import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ImportForm } from '@/components/admin/import-form'
import { AdminHeading, linkClass } from '@/components/admin/parts'
import { ClientMessages } from '@/components/client-messages'
import { importAction } from '@/lib/actions/admin/admin-action'
import { importTemplateHref } from '@/lib/domain/admin-paths'
import { COLUMN_HEADERS, IMPORT_COLUMNS, IMPORT_KINDS } from '@/lib/import/columns'
import { requireAdmin } from '@/lib/queries/admin'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.import')
  return { title: t('title') }
}

export default async function AdminImportPage() {
  await requireAdmin()
  const t = await getTranslations('admin.import')
  return (
    <>
      <AdminHeading section="import" title={t('title')} />
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <section aria-labelledby="columns-title" className="mt-6">
        <h2 id="columns-title" className="text-lg font-semibold">
          {t('columns')}
        </h2>
        <div className="mt-2 grid gap-4 md:grid-cols-2">
          {IMPORT_KINDS.map((kind) => (
            <div key={kind} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{t(`kinds.${kind}`)}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {IMPORT_COLUMNS[kind].map((c) => (
                  <li key={c.key}>
                    <span className="font-medium">{COLUMN_HEADERS[c.key]}</span>
                    {c.required && <span className="text-red-800"> ({t('required')})</span>}
                    <span className="text-slate-600"> — {t(`columnHints.${c.key}`)}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                {t('templates')}:{' '}
                <a href={importTemplateHref(kind, 'xlsx')} className={linkClass}>
                  {t('templateXlsx')}
                </a>
                {' · '}
                <a href={importTemplateHref(kind, 'csv')} className={linkClass}>
                  {t('templateCsv')}
                </a>
              </p>
            </div>
          ))}
        </div>
      </section>
      <section className="mt-8 max-w-4xl">
        <ClientMessages namespaces={['admin']}>
          <ImportForm action={importAction} kinds={IMPORT_KINDS} />
        </ClientMessages>
      </section>
    </>
  )
}
