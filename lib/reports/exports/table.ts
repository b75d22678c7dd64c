// What an export holds, whatever its format: sheets of typed cells that lib/reports/csv.ts and
// lib/reports/xlsx.ts write out. Builders (./overview.ts, ./commune.ts, …) fill them from the same
// lib/queries functions the pages use, so a file says exactly what its page says.
import { createTranslator } from 'next-intl'
import type { Actor } from '@/lib/auth/permissions'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { StatusLabel } from '@/lib/domain/status'
import type { AppLocale } from '@/lib/i18n/locales'
import { progressSource, withinScope, type ProgressSource } from '@/lib/queries/progress-source'
import { asOfParam } from '@/lib/validation/as-of'
import { en, vi } from '@/messages'

/** A cell: text, a number, a calendar day, the status labels of an assignment, or nothing. */
export type Cell = string | number | null | { day: CalendarDay } | { labels: readonly StatusLabel[] }

/** A totals cell: a value, or the sum of the column's numbers (a SUM formula in Excel). */
export type Total = Cell | 'sum'

export type Column = {
  header: string
  /** In characters, as Excel counts a column's width. */
  width: number
}

export type Sheet = {
  /** At most 31 characters (Excel's limit). */
  name: string
  columns: Column[]
  /** How many rows `rows` yields: what the audit records. */
  rowCount: number
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>
  /**
   * The same rows already written as CSV lines (../csv.ts's format, CRLF ends), for a sheet whose
   * source writes them faster than cells can be (the register, a million rows, by COPY).
   */
  csvLines?: () => AsyncIterable<Uint8Array>
  /**
   * The same rows already written as SpreadsheetML `<row>` elements (../xlsx.ts's cells), numbered
   * from `firstRow`, for the same reason; `labelCells` and `textCell` give the end of a cell (after
   * its reference) as the writer would make it, `styles` its style indexes.
   */
  xmlRows?: (writing: XmlRowsWriting) => AsyncIterable<Uint8Array>
  /** A totals row under the table, for tables of counts. */
  totals?: Total[]
}

export type XmlRowsWriting = {
  firstRow: number
  styles: { plain: number; date: number }
  labelCells(labels: readonly StatusLabel[]): string
  textCell(text: string): string
}

export type ExportDocument = {
  /** What and as of when, the first row of every sheet. */
  title: string
  /** The file's name without extension: ASCII, says what it holds, dated with the district day. */
  fileStem: string
  sheets: Sheet[]
  /** The sheet a CSV file carries: the page's main table. */
  csvSheet: number
}

const messages = { vi, en }

/** The interface strings in the reader's language, as next-intl gives them to the pages. */
export function translatorFor(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale] })
}
export type Translate = ReturnType<typeof translatorFor>

/** Where a download's figures come from: `?asOf=YYYY-MM-DD` as its page reads it, else today; the reader's subtree, as on the page. */
export function exportSource(search: URLSearchParams, now: Date, reader: Pick<Actor, 'scopeUnitId'>): ProgressSource {
  return withinScope(progressSource(asOfParam(search.get('asOf')), now), reader)
}

/** A file name part: lower-case ASCII letters, digits and dashes ("Minh Cầm" -> "minh-cam"). */
function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A file's name without extension, dated with the district day: "tien-do-minh-cam-2026-11-29". */
export function fileStem(parts: string[], day: CalendarDay): string {
  return [...parts.map(fileSlug).filter((part) => part !== ''), day].join('-')
}
