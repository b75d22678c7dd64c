// The review report for a date range of the clerk's choosing rather than a reporting period:
// `?from=YYYY-MM-DD&to=YYYY-MM-DD&kind=INTERIM|FINAL` on /reports and on its download.
import { z } from 'zod'
import type { PeriodKind } from '@/lib/db/generated/enums'
import type { CalendarDay } from '@/lib/domain/calendar'
import { problem, type FieldProblem } from './messages'

export const REPORT_KINDS = ['INTERIM', 'FINAL'] as const satisfies readonly PeriodKind[]

export type ReportRangeInput = { from: CalendarDay; to: CalendarDay; kind: PeriodKind }
export type ReportRangeProblems = Partial<Record<'from' | 'to', FieldProblem>>

export type ParsedReportRange =
  | { kind: 'absent' }
  | { kind: 'invalid'; problems: ReportRangeProblems; typed: Partial<Record<'from' | 'to' | 'kind', string>> }
  | { kind: 'valid'; input: ReportRangeInput }

/** A calendar day within the years the district's data can hold (PostgreSQL has no year 0, JavaScript no year 275761). */
const day = z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31')
const text = (value: string | null) => (value ?? '').trim().slice(0, 32)

/** Absent when neither day is given; otherwise both days, the first not after the second. */
export function parseReportRange(search: URLSearchParams): ParsedReportRange {
  const typed = { from: text(search.get('from')), to: text(search.get('to')), kind: text(search.get('kind')) }
  if (!typed.from && !typed.to) return { kind: 'absent' }
  const from = day.safeParse(typed.from)
  const to = day.safeParse(typed.to)
  const problems: ReportRangeProblems = {}
  if (!from.success) problems.from = problem(typed.from ? 'dayInvalid' : 'dayRequired')
  if (!to.success) problems.to = problem(typed.to ? 'dayInvalid' : 'dayRequired')
  else if (from.success && to.data < from.data) problems.to = problem('rangeOrder')
  if (!from.success || !to.success || problems.to) return { kind: 'invalid', problems, typed }
  const kind = z.enum(REPORT_KINDS).catch('INTERIM').parse(typed.kind)
  return { kind: 'valid', input: { from: from.data, to: to.data, kind } }
}
