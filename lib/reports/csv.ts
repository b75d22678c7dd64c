// CSV exports: UTF-8 with a byte-order mark (so Excel reads Vietnamese right), RFC 4180 quoting and
// CRLF line ends, a header row in the reader's language. Dates are dd/mm/yyyy; numbers are plain
// (no thousands separator, a decimal point: "12.5"), as Excel and every CSV reader take them;
// statuses are their labels. The file is written as the rows come, a thousand at a time, never held whole.
import 'server-only'
import { stringify } from 'csv-stringify/sync'
import { formatDay } from '@/lib/domain/calendar'
import { byteStream } from '@/lib/http/byte-stream'
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

/**
 * csv-stringify quotes a field holding "\n" but not one holding a bare "\r", which a reader may
 * take for a line break; PostgreSQL's COPY (the register) quotes both, and so does this writer.
 */
const LONE_CR = /\r/

const csvText = (records: string[][], bom: boolean) => Buffer.from(stringify(records, { bom, record_delimiter: 'windows', quoted_match: LONE_CR }), 'utf8')

/** The CSV text in pieces: the header row with the byte-order mark first, then the rows as they come, ROWS_PER_CHUNK a piece. */
async function* csvChunks(sheet: Sheet, t: Translate): AsyncGenerator<Uint8Array> {
  yield csvText([sheet.columns.map((column) => column.header)], true)
  if (sheet.csvLines) return yield* sheet.csvLines()
  let records: string[][] = []
  for await (const row of sheet.rows) {
    records.push(row.map((cell) => csvCell(cell, t)))
    if (records.length >= ROWS_PER_CHUNK) {
      yield csvText(records, false)
      records = []
    }
  }
  if (records.length > 0) yield csvText(records, false)
}

/** The sheet as a CSV byte stream: the header row, then its rows (no totals: a CSV is data). */
export function csvStream(sheet: Sheet, t: Translate): ReadableStream<Uint8Array> {
  return byteStream(csvChunks(sheet, t))
}
