// CSV exports: UTF-8 with a byte-order mark (so Excel reads Vietnamese right), RFC 4180 quoting and
// CRLF line ends, a header row in the reader's language. Dates are dd/mm/yyyy; numbers are plain
// (no thousands separator, a decimal point: "12.5"), as Excel and every CSV reader take them;
// statuses are their labels. The file is written as the rows come, a thousand at a time, never held whole.
import 'server-only'
import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
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

/** Rows per piece of the download: a piece per row would cost a stream write and a socket write each. */
const ROWS_PER_CHUNK = 1000

/** The CSV text in pieces of ROWS_PER_CHUNK rows: the header row first, then the rows as they come. */
async function* csvChunks(sheet: Sheet, t: Translate): AsyncGenerator<Buffer> {
  let records: string[][] = [sheet.columns.map((column) => column.header)]
  let first = true
  const piece = () => {
    const text = stringify(records, { bom: first, record_delimiter: 'windows' })
    first = false
    records = []
    return Buffer.from(text, 'utf8')
  }
  for await (const row of sheet.rows) {
    records.push(row.map((cell) => csvCell(cell, t)))
    if (records.length >= ROWS_PER_CHUNK) yield piece()
  }
  if (records.length > 0) yield piece()
}

/** The sheet as a CSV byte stream: the header row, then its rows (no totals: a CSV is data). */
export function csvStream(sheet: Sheet, t: Translate): ReadableStream<Uint8Array> {
  // A failure part-way errors the stream, so the download ends in an error, not a short file.
  // Node types its web streams apart from the DOM's; what flows is bytes either way.
  return Readable.toWeb(Readable.from(csvChunks(sheet, t), { objectMode: false })) as ReadableStream<Uint8Array>
}
