// What the kept sections of the overview, commune, member and task pages share: the key every
// reader with the same one is served from (lib/db/snapshot-cache.ts holds the snapshot), and the
// first steps of each section's render (components/kept).
import 'server-only'
import type { Locale } from 'next-intl'
import { setRequestLocale } from 'next-intl/server'
import { endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import { progressSource, withinScope, type ProgressSource } from './progress-source'

/** The state of the data, the language, the district day, the day asked for and the reader's subtree. */
export type SectionKey = { snapshot: string; locale: Locale; today: CalendarDay; asked: CalendarDay | null; scopeUnitId: string | null }

/**
 * Speaks the key's language (the section's render reads no reader's cookie), and reads `day` (the
 * day asked, by default) within the reader's subtree.
 */
export function sectionSource(key: SectionKey, day: CalendarDay | null = key.asked): ProgressSource {
  setRequestLocale(key.locale)
  // The labels (overdue, due soon) go by the district day: the end of today judges them as now does.
  return withinScope(progressSource(day, endOfDistrictDay(key.today)), { scopeUnitId: key.scopeUnitId })
}
