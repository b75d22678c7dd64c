import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { AuditEventTable } from '@/components/audit/audit-event-table'
import { AuditFilters } from '@/components/audit/audit-filters'
import { Pagination } from '@/components/pagination'
import { auditHref } from '@/lib/audit/events'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { auditEntities, auditEventPage, auditUsers } from '@/lib/queries/audit-events'
import { parseAuditSearch } from '@/lib/validation/audit-filter'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit')
  return { title: t('title') }
}

/**
 * Administrators, the office and leaders read the audit trail; for anyone else the page does not
 * exist. An event's assignment details show only where the reader's scope reaches (auditEventPage).
 */
export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser()
  if (!allows(user, 'audit.read')) notFound()
  const { filter, page, unreadDays } = parseAuditSearch(await searchParams)
  const [result, users, entities, t] = await Promise.all([auditEventPage(user, filter, page), auditUsers(user), auditEntities(), getTranslations('audit')])
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 mt-1 max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <AuditFilters current={filter} unreadDays={unreadDays} users={users} entities={entities} />
      <p role="status" className="mb-3 font-medium text-slate-800">
        {result.total === 0 ? t('empty') : t('total', { count: result.total })}
      </p>
      {result.events.length > 0 && <AuditEventTable events={result.events} />}
      <Pagination page={result.page} pageCount={result.pageCount} href={(n) => auditHref(filter, n)} label={t('pages')} />
    </>
  )
}
