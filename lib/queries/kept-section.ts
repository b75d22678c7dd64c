// What the sections kept by 'use cache' on the overview, commune, member and task pages share: the
// key every reader with the same one is served from (lib/db/snapshot-cache.ts holds the snapshot),
// and the first steps of each section's render.
import 'server-only'
import type { Locale } from 'next-intl'
import { setRequestLocale } from 'next-intl/server'
import type { renderCounter } from '@/lib/db/snapshot-cache'
import { endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import { progressSource, withinScope, type ProgressSource } from './progress-source'

/** The state of the data, the language, the district day, the day asked for and the reader's subtree. */
export type SectionKey = { snapshot: string; locale: Locale; today: CalendarDay; asked: CalendarDay | null; scopeUnitId: string | null }

/**
 * Counts the render, speaks the key's language (a cached render reads no cookie), and reads `day`
 * (the day asked, by default) within the reader's subtree.
 */
export function sectionSource(counter: ReturnType<typeof renderCounter>, key: SectionKey, day: CalendarDay | null = key.asked): ProgressSource {
  counter.rendered()
  setRequestLocale(key.locale)
  // The labels (overdue, due soon) go by the district day: the end of today judges them as now does.
  return withinScope(progressSource(day, endOfDistrictDay(key.today)), { scopeUnitId: key.scopeUnitId })
}
