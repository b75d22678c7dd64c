// Previous and next page of the audit trail, keeping the filters.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { auditHref, type AuditFilter } from '@/lib/domain/audit-events'

const linkClass = 'inline-flex min-h-11 items-center font-medium text-blue-800 underline-offset-2 hover:underline'

export function AuditPagination({ filter, page, pageCount }: { filter: AuditFilter; page: number; pageCount: number }) {
  const t = useTranslations('audit.pagination')
  if (pageCount <= 1) return null
  return (
    <nav aria-label={t('label')} className="mt-4 flex flex-wrap items-center gap-x-6 text-sm">
      {page > 1 && (
        <Link href={auditHref(filter, page - 1)} rel="prev" className={linkClass}>
          {t('previous')}
        </Link>
      )}
      <span aria-current="page" className="text-slate-700">
        {t('page', { page, count: pageCount })}
      </span>
      {page < pageCount && (
        <Link href={auditHref(filter, page + 1)} rel="next" className={linkClass}>
          {t('next')}
        </Link>
      )}
    </nav>
  )
}
