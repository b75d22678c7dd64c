// Calendar days as the district lives them. Deadlines are whole days in Vietnam (UTC+7, no
// daylight saving), so "today" must come from Asia/Ho_Chi_Minh, not from the server's clock zone.

export const DISTRICT_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** A calendar day as ISO `YYYY-MM-DD`; strings of this shape compare in date order. */
export type CalendarDay = string

const MS_PER_DAY = 86_400_000

const districtDayParts = new Intl.DateTimeFormat('en-US', {
  timeZone: DISTRICT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * Since 13 June 1975 Vietnam has kept UTC+7 all year: from then on the day is plain arithmetic,
 * some twenty times cheaper than the time-zone database (a million-row export asks it millions of
 * times). Earlier instants still go through the database.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1975, 5, 12, 17)
const FIXED_OFFSET_MS = 7 * 60 * 60 * 1000

/** The day it is in the district at `instant`. */
export function districtDay(instant: Date): CalendarDay {
  const time = instant.getTime()
  if (time >= FIXED_OFFSET_SINCE) return new Date(time + FIXED_OFFSET_MS).toISOString().slice(0, 10)
  const parts = Object.fromEntries(districtDayParts.formatToParts(instant).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** The day a PostgreSQL DATE column holds: Prisma hands it over as midnight UTC of that day. */
export function dateColumnDay(value: Date): CalendarDay {
  return value.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY)
}

/** The day `days` days after `day` (before it when negative). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10)
}

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatDay(day: CalendarDay): string {
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}

const districtTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISTRICT_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** dd/mm/yyyy HH:mm in the district's time. */
export function formatInstant(instant: Date): string {
  return `${formatDay(districtDay(instant))} ${districtTimeParts.format(instant)}`
}

/** The last millisecond of a district day: a report "as of" that day knows everything said by then. */
export function endOfDistrictDay(day: CalendarDay): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + MS_PER_DAY - 1)
}

/**
 * The same time of day `days` working days after `instant`: Monday to Friday in the district.
 * Public holidays are not known to the app and count as working days.
 */
export function addWorkingDays(instant: Date, days: number): Date {
  let time = instant.getTime()
  for (let left = days; left > 0; ) {
    time += MS_PER_DAY
    const weekday = new Date(time + FIXED_OFFSET_MS).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return new Date(time)
}

/**
 * How many working days have passed from `from` to `to`: the most `n` with addWorkingDays(from, n)
 * not after `to` (0 when `to` is earlier). How long a question has waited, in the office's terms.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  let days = 0
  while (addWorkingDays(from, days + 1) <= to) days += 1
  return days
}
