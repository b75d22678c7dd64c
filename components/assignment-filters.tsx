import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { STATUS_LABELS } from '@/lib/domain/status'
import { isFiltered, type UnitFilter } from '@/lib/queries/unit-assignments'

type Props = {
  /** The unit page the filter reloads, e.g. /units/minh-cam. */
  action: string
  groups: { code: string; name: string }[]
  /** The filter in force (unknown values already dropped). */
  current: UnitFilter
  /** How many assignments wait for a new report after a return. */
  returned: number
  /** The past day the page shows (`?asOf=`), kept when the filter changes. */
  asOf?: string
}

const selectClass =
  'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base focus:border-blue-700 focus:outline-2 focus:outline-blue-700 sm:w-auto'

/**
 * A GET form: the filter lives in the URL, so it can be bookmarked and works without JavaScript.
 * A plain <form>, as next/form would add its client code to the page only to navigate softly.
 */
export function AssignmentFilters({ action, groups, current, returned, asOf }: Props) {
  const t = useTranslations('unit.filter')
  const tStatus = useTranslations('status')
  const filtered = isFiltered(current)
  return (
    <form action={action} aria-label={t('label')} className="mb-6 flex flex-wrap items-end gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {asOf && <input type="hidden" name="asOf" value={asOf} />}
      <div className="w-full sm:w-auto">
        <label htmlFor="filter-status" className="block text-sm font-medium">
          {t('status')}
        </label>
        <select id="filter-status" name="status" defaultValue={current.status ?? ''} className={selectClass}>
          <option value="">{t('allStatuses')}</option>
          {STATUS_LABELS.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full sm:w-auto sm:max-w-md">
        <label htmlFor="filter-group" className="block text-sm font-medium">
          {t('group')}
        </label>
        <select id="filter-group" name="group" defaultValue={current.group ?? ''} className={selectClass}>
          <option value="">{t('allGroups')}</option>
          {groups.map((group) => (
            <option key={group.code} value={group.code}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex w-full items-center sm:w-auto">
        {/* A large target: the whole label, padded, toggles the box on a phone. */}
        <label htmlFor="filter-returned" className="flex min-h-11 cursor-pointer items-center gap-2 py-2 text-base">
          <input
            id="filter-returned"
            type="checkbox"
            name="review"
            value="returned"
            defaultChecked={current.review === 'returned'}
            className="h-5 w-5 accent-blue-800"
          />
          {t('returned', { count: returned })}
        </label>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
          {t('apply')}
        </button>
        {filtered && (
          <Link href={asOf ? `${action}?asOf=${asOf}` : action} className="text-sm font-medium text-blue-800 underline-offset-2 hover:underline">
            {t('clear')}
          </Link>
        )}
      </div>
    </form>
  )
}
