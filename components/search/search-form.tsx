import { useTranslations } from 'next-intl'

/**
 * A plain GET form to /search (works without JavaScript). `compact` is the header's: the label is
 * read by screen readers only; the search page shows it, with the query kept in the box.
 */
export function SearchForm({ query = '', compact = false }: { query?: string; compact?: boolean }) {
  const t = useTranslations('search')
  return (
    <form
      action="/search"
      method="get"
      role={compact ? 'search' : undefined}
      aria-label={compact ? t('label') : undefined}
      className={`flex items-end gap-2 ${compact ? 'w-full sm:w-auto' : 'max-w-xl'}`}
    >
      <label className="min-w-0 flex-1">
        <span className={compact ? 'sr-only' : 'block font-medium'}>{t('label')}</span>
        {!compact && <span className="block text-sm text-slate-600">{t('hint')}</span>}
        <input
          type="search"
          name="q"
          defaultValue={query}
          placeholder={compact ? t('placeholder') : undefined}
          maxLength={100}
          className={`block h-11 w-full rounded border border-slate-400 bg-white px-3 text-base shadow-sm focus:border-blue-700 focus:outline-2 focus:outline-blue-700 ${compact ? 'sm:w-72' : 'mt-1'}`}
        />
      </label>
      <button
        type="submit"
        className={`h-11 shrink-0 rounded px-4 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${
          compact ? 'border border-slate-400 bg-white text-sm text-slate-800 hover:bg-slate-100' : 'bg-red-800 text-white hover:bg-red-900'
        }`}
      >
        {t('submit')}
      </button>
    </form>
  )
}
