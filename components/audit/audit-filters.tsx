// The audit page's filters: a GET form, so the filters live in the URL and work without JavaScript.
// A plain <form>, as next/form would add its client code to the page only to navigate softly.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { describedBy, FieldError, inputClass } from '@/components/form-parts'
import { AUDIT_ACTION_CHOICES, AUDIT_ENTITIES, AUDIT_PATH, type AuditFilter } from '@/lib/audit/events'
import { formatDay } from '@/lib/domain/calendar'
import type { AuditUser } from '@/lib/queries/audit-events'
import { useAuditLabels } from './labels'

type Props = {
  /** The filters in force (malformed ones already dropped). */
  current: AuditFilter
  /** Days typed that are no date, shown back in their boxes with a message. */
  unreadDays: { from?: string; to?: string }
  /** null: too many accounts to list; the filter takes a username typed in. */
  users: AuditUser[] | null
  /** The kinds of record stored, beside those the app labels. */
  entities: string[]
}

const fieldClass = 'min-w-0'

/** A filter value the list does not offer (e.g. an action from a bookmarked URL) is still shown as chosen. */
const withCurrent = (choices: readonly string[], value: string | undefined) => (value === undefined || choices.includes(value) ? choices : [...choices, value])

export function AuditFilters({ current, unreadDays, users, entities }: Props) {
  const t = useTranslations('audit.filter')
  const labels = useAuditLabels()
  const filtered = [...Object.values(current), ...Object.values(unreadDays)].some((value) => value !== undefined)
  const known = Object.keys(AUDIT_ENTITIES)
  const entityChoices = [...known, ...entities.filter((entity) => !known.includes(entity))]
  const userChoices = (users: AuditUser[]) =>
    current.user === undefined || users.some((u) => u.username === current.user) ? users : [...users, { username: current.user, displayName: current.user }]
  const day = (name: 'from' | 'to') => {
    const unread = unreadDays[name]
    const value = current[name]
    return (
      <div className={fieldClass}>
        <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
          {t(name)}
        </label>
        <input
          id={`audit-${name}`}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dayPlaceholder')}
          maxLength={20}
          defaultValue={unread ?? (value ? formatDay(value) : '')}
          aria-invalid={unread !== undefined || undefined}
          aria-describedby={describedBy('audit-day-hint', unread !== undefined && `audit-${name}-error`)}
          className={inputClass}
        />
        <FieldError id={`audit-${name}-error`} message={unread !== undefined ? t('unreadDay') : undefined} />
      </div>
    )
  }
  return (
    <form action={AUDIT_PATH} aria-label={t('label')} className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-1 items-start gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_9rem_9rem]">
        <div className={fieldClass}>
          <label htmlFor="audit-user" className="block text-sm font-medium">
            {t('user')}
          </label>
          {users ? (
            <select id="audit-user" name="user" defaultValue={current.user ?? ''} className={inputClass}>
              <option value="">{t('allUsers')}</option>
              {userChoices(users).map((user) => (
                <option key={user.username} value={user.username}>
                  {user.displayName} ({user.username})
                </option>
              ))}
            </select>
          ) : (
            <>
              <input
                id="audit-user"
                name="user"
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                defaultValue={current.user ?? ''}
                aria-describedby="audit-user-hint"
                className={inputClass}
              />
              <p id="audit-user-hint" className="mt-1 text-sm text-slate-600">
                {t('userHint')}
              </p>
            </>
          )}
        </div>
        <div className={fieldClass}>
          <label htmlFor="audit-action" className="block text-sm font-medium">
            {t('action')}
          </label>
          <select id="audit-action" name="action" defaultValue={current.action ?? ''} className={inputClass}>
            <option value="">{t('allActions')}</option>
            {withCurrent(AUDIT_ACTION_CHOICES, current.action).map((action) => (
              <option key={action} value={action}>
                {labels.action(action)}
              </option>
            ))}
          </select>
        </div>
        <div className={fieldClass}>
          <label htmlFor="audit-entity" className="block text-sm font-medium">
            {t('entity')}
          </label>
          <select id="audit-entity" name="entity" defaultValue={current.entity ?? ''} className={inputClass}>
            <option value="">{t('allEntities')}</option>
            {withCurrent(entityChoices, current.entity).map((entity) => (
              <option key={entity} value={entity}>
                {labels.entity(entity)}
              </option>
            ))}
          </select>
        </div>
        {day('from')}
        {day('to')}
      </div>
      <p id="audit-day-hint" className="mt-2 text-sm text-slate-600">
        {t('dayHint')}
      </p>
      <div className="mt-3 flex items-center gap-4">
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
          {t('apply')}
        </button>
        {filtered && (
          <Link href={AUDIT_PATH} className="text-sm font-medium text-blue-800 underline-offset-2 hover:underline">
            {t('clear')}
          </Link>
        )}
      </div>
    </form>
  )
}
