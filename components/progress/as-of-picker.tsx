// "Figures as of …" under a progress page's heading, and a GET form to read the page as the
// history says things stood at the end of an earlier day (`?asOf=YYYY-MM-DD`). No client code: a
// plain <form>, as next/form would add its client code to the page only to navigate softly.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import type { ReactNode } from 'react'
import { formatDay, type CalendarDay } from '@/lib/domain/calendar'

type Props = {
  /** The page the form reloads, e.g. /communes/minh-cam. */
  path: string
  /** The day shown, and whether it is a past day read from the history. */
  day: CalendarDay
  past: boolean
  today: CalendarDay
  /** The page's other parameters in force, kept when the day changes. */
  keep?: Record<string, string | undefined>
  /** More of the line, e.g. the reporting period shown. */
  children?: ReactNode
}

const inputClass = 'rounded border border-slate-400 bg-white px-2 py-1.5 text-base focus-within:border-blue-700 focus-within:outline-2 focus-within:outline-blue-700'

export function AsOfPicker({ path, day, past, today, keep = {}, children }: Props) {
  const t = useTranslations('asOf')
  const kept = Object.entries(keep).filter((entry): entry is [string, string] => entry[1] !== undefined)
  const todayHref = kept.length === 0 ? path : `${path}?${new URLSearchParams(kept).toString()}`
  return (
    <div className="mt-1 space-y-1">
      <p className="text-sm text-slate-700">
        {past ? t('past', { date: formatDay(day) }) : t('today', { date: formatDay(day) })}
        {children}
      </p>
      <form action={path} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="as-of-day" className="text-slate-700">
          {t('label')}
        </label>
        <input id="as-of-day" type="date" name="asOf" required max={today} defaultValue={past ? day : undefined} className={inputClass} />
        <button type="submit" className="min-h-11 rounded border border-slate-400 bg-white px-3 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
          {t('show')}
        </button>
        {past && (
          <Link href={todayHref} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline-offset-2 hover:underline">
            {t('backToToday')}
          </Link>
        )}
      </form>
    </div>
  )
}
