// CSV exports: UTF-8 with a byte-order mark (so Excel reads Vietnamese right), RFC 4180 quoting and
// CRLF line ends, a header row in the reader's language. Dates are dd/mm/yyyy; numbers are plain
// (no thousands separator, a decimal point: "12.5"), as Excel and every CSV reader take them;
// statuses are their labels. The file is written row by row as the rows come, never held whole.
import 'server-only'
import { Readable, pipeline } from 'node:stream'
import { stringify } from 'csv-stringify'
import { formatDay } from '@/lib/domain/calendar'
import type { Cell, Sheet, Translate } from './exports/table'

/** Text a spreadsheet would take for a formula (OWASP "CSV injection"): a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/

/** A cell as CSV text. */
export function csvCell(cell: Cell, t: Translate): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'string') return FORMULA_START.test(cell) ? `'${cell}` : cell
  if ('day' in cell) return formatDay(cell.day)
  return cell.labels.map((label) => t(`status.${label}`)).join(', ')
}

async function* records(sheet: Sheet, t: Translate): AsyncGenerator<string[]> {
  yield sheet.columns.map((column) => column.header)
  for await (const row of sheet.rows) yield row.map((cell) => csvCell(cell, t))
}

/** The sheet as a CSV byte stream: the header row, then its rows (no totals: a CSV is data). */
export function csvStream(sheet: Sheet, t: Translate): ReadableStream<Uint8Array> {
  // pipeline destroys both streams on a failure, so the download ends in an error, not a short file.
  const csv = pipeline(Readable.from(records(sheet, t)), stringify({ bom: true, record_delimiter: 'windows' }), () => undefined)
  // Node types its web streams apart from the DOM's; what flows is bytes either way.
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>
}
