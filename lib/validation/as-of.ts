// `?asOf=YYYY-MM-DD` on a progress view or its export: the district day whose numbers to show.
import { z } from 'zod'
import type { CalendarDay } from '@/lib/domain/calendar'

/** The day asked for, or null (today) for anything that is not a real calendar date. */
export function asOfParam(value: unknown): CalendarDay | null {
  const parsed = z.iso.date().safeParse(value)
  return parsed.success ? parsed.data : null
}
