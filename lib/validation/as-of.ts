// `?asOf=YYYY-MM-DD` on a progress view or its export: the district day whose numbers to show.
import { z } from 'zod'
import type { CalendarDay } from '@/lib/domain/calendar'

/** The earliest day asked for as such, as the report days allow (lib/validation/report-range.ts). */
const FIRST_DAY = '2000-01-01'

/** The day asked for, or null (today) for anything that is not a real calendar date from 2000 on. */
export function asOfParam(value: unknown): CalendarDay | null {
  const parsed = z.iso.date().safeParse(value)
  return parsed.success && parsed.data >= FIRST_DAY ? parsed.data : null
}
