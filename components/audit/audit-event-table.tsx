// One page of the audit trail: when, who, what, on which record, from where, and what changed.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { ScrollTable } from '@/components/scroll-table'
import { auditDiff } from '@/lib/audit/diff'
import { auditEntityHref } from '@/lib/audit/events'
import { formatInstant } from '@/lib/domain/calendar'
import type { AuditEventRow } from '@/lib/queries/audit-events'
import { AuditDiffTable } from './audit-diff-table'
import { useAuditLabels } from './labels'

const cell = 'px-3 py-2 align-top'

function EventRow({ event }: { event: AuditEventRow }) {
  const t = useTranslations('audit')
  const labels = useAuditLabels()
  const href = auditEntityHref(event.entity, event.entityId, event.assignment)
  const entity = labels.entity(event.entity)
  return (
    <tr className="border-b border-slate-200 last:border-0">
      <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatInstant(event.at)}</td>
      <td className={cell}>
        {event.actor ? (
          <>
            <span className="block font-medium">{event.actor.displayName}</span>
            <span className="block text-slate-600">{event.actor.username}</span>
          </>
        ) : (
          t('nobody')
        )}
      </td>
      <td className={cell}>{labels.action(event.action, event.after)}</td>
      <td className={cell}>
        {href ? (
          <Link href={href} className="font-medium text-blue-800 underline-offset-2 hover:underline">
            {entity}
          </Link>
        ) : (
          <span className="font-medium">{entity}</span>
        )}
        {event.entityId !== null && <span className="block break-all font-mono text-xs text-slate-600">{event.entityId}</span>}
      </td>
      <td className={`${cell} break-all font-mono text-xs`}>{event.ip ?? t('nobody')}</td>
      <td className={cell}>
        <AuditDiffTable rows={auditDiff(event.before, event.after)} withheld={event.withheld} />
      </td>
    </tr>
  )
}

export function AuditEventTable({ events }: { events: AuditEventRow[] }) {
  const t = useTranslations('audit')
  return (
    <ScrollTable caption={t('title')} className="min-w-[62rem] table-fixed">
      <thead>
        <tr className="border-b border-slate-300 bg-slate-100 text-left text-slate-700">
          <th scope="col" className={`${cell} w-36`}>{t('columns.at')}</th>
          <th scope="col" className={`${cell} w-36`}>{t('columns.actor')}</th>
          <th scope="col" className={`${cell} w-36`}>{t('columns.action')}</th>
          <th scope="col" className={`${cell} w-40`}>{t('columns.entity')}</th>
          <th scope="col" className={`${cell} w-28`}>{t('columns.ip')}</th>
          <th scope="col" className={cell}>{t('columns.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </tbody>
    </ScrollTable>
  )
}
