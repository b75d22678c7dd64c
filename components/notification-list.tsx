import { useTranslations } from 'next-intl'
import { formatDay, formatInstant } from '@/lib/domain/calendar'
import { notificationHref } from '@/lib/domain/notifications'
import type { NotificationEntry } from '@/lib/queries/notifications'

const linkClass = 'font-medium text-blue-800 underline-offset-2 hover:underline'

/**
 * Entries of "Việc cần xử lý", each a plain link (no prefetch: opening one marks it read) to the
 * route that marks it read and leads to the report, the comment or the unit's page (a change of units). Texts are plain: React escapes them.
 */
export function NotificationList({ entries }: { entries: NotificationEntry[] }) {
  const t = useTranslations('notifications')
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {entries.map((entry) => (
        <li key={entry.id} className={`space-y-1 p-3 ${entry.read ? '' : 'border-l-4 border-l-blue-700'}`}>
          <p className="text-sm text-slate-700">
            {entry.unit.name} · {entry.actor.name} ·{' '}
            <time dateTime={entry.createdAt.toISOString()} className="tabular-nums">
              {formatInstant(entry.createdAt)}
            </time>
          </p>
          <p>
            {!entry.read && <span className="mr-2 rounded bg-blue-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('newMark')}</span>}
            <a href={notificationHref(entry.id)} className={`${linkClass} ${entry.read ? '' : 'font-semibold'}`}>
              {entry.unitChange
                ? t(entry.kind === 'UNIT_CHANGE_CANCELLED' ? 'kind.UNIT_CHANGE_CANCELLED' : 'kind.UNIT_CHANGED', {
                    change: entry.unitChange.kind,
                    from: entry.unitChange.fromNames,
                    to: entry.unitChange.toNames,
                    fromCode: entry.unitChange.fromCode,
                    toCode: entry.unitChange.toCode,
                    date: formatDay(entry.unitChange.effectiveDate),
                  })
                : t(`kind.${entry.kind}`, {
                    task: entry.task?.title ?? '',
                    unit: entry.unit.name,
                    name: entry.actor.name,
                    role: entry.actor.role,
                    channel: entry.channel ?? 'other',
                    days: entry.waitedWorkingDays ?? 0,
                  })}
            </a>
          </p>
          {entry.text && (
            <p className="whitespace-pre-line break-words text-sm text-slate-900">
              <span className="font-medium">{t(`textLabel.${entry.kind}`)}:</span> {entry.text}
            </p>
          )}
          {entry.withheld && <p className="text-sm text-slate-600">{t('withheld')}</p>}
        </li>
      ))}
    </ul>
  )
}
