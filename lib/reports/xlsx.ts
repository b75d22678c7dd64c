// XLSX exports, written with exceljs's streaming writer straight into the response: one sheet per
// section of the page, each with a title row (what, as of when), a frozen header row, numbers as
// numbers, dates as dates (dd/mm/yyyy), status cells holding the label and filled with the
// convention's colour (DESIGN.md), and a totals row (SUM formulas) under tables of counts.
import 'server-only'
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { STATUS_TONES, type StatusLabel, type StatusTone } from '@/lib/domain/status'
import { csvCell } from './csv'
import type { Cell, ExportDocument, Sheet, Total, Translate } from './exports/table'

/** Light fills of the convention's colours (lib/domain/status.ts STATUS_TONES), as ARGB. */
const TONE_FILLS: Record<StatusTone, string> = {
  green: 'FFBBF7D0',
  blue: 'FFBFDBFE',
  orange: 'FFFED7AA',
  red: 'FFFECACA',
  grey: 'FFE2E8F0',
  violet: 'FFDDD6FE',
  amber: 'FFFDE68A',
}

export const statusFill = (label: StatusLabel): string => TONE_FILLS[STATUS_TONES[label]]

const HEADER_FILL = 'FFE2E8F0'
const TITLE_ROW = 1
const HEADER_ROW = 2
const DATE_FORMAT = 'dd/mm/yyyy'

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })

/** Excel keeps a date as the day's number; midnight UTC of the day gives that day. */
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`)

function writeCell(target: ExcelJS.Cell, cell: Cell, t: Translate): void {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') {
    target.value = cell
  } else if ('day' in cell) {
    target.value = dayDate(cell.day)
    target.numFmt = DATE_FORMAT
  } else {
    target.value = csvCell(cell, t)
    const [first] = cell.labels
    if (first) target.fill = solid(statusFill(first))
  }
}

const columnLetter = (index: number) => {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/**
 * Writes a sheet; `caughtUp` resolves once the reader has taken what is written so far, so that a
 * slow download holds a buffer's worth in memory, not the whole file.
 */
async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, title: string, sheet: Sheet, t: Translate, caughtUp: () => Promise<void>): Promise<void> {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] })
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width }))
  const titleRow = worksheet.getRow(TITLE_ROW)
  titleRow.getCell(1).value = title
  titleRow.font = { bold: true, size: 13 }
  titleRow.commit()
  const header = worksheet.getRow(HEADER_ROW)
  sheet.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1)
    cell.value = column.header
    cell.fill = solid(HEADER_FILL)
    cell.alignment = { wrapText: true, vertical: 'top' }
  })
  header.font = { bold: true }
  header.commit()
  const sums = sheet.columns.map(() => 0)
  let rowNumber = HEADER_ROW
  for await (const cells of sheet.rows) {
    rowNumber += 1
    const row = worksheet.getRow(rowNumber)
    cells.forEach((cell, i) => {
      writeCell(row.getCell(i + 1), cell, t)
      if (typeof cell === 'number') sums[i] = (sums[i] ?? 0) + cell
    })
    row.commit()
    await caughtUp()
  }
  if (sheet.totals) writeTotals(worksheet.getRow(rowNumber + 1), sheet.totals, sums, rowNumber, t)
  worksheet.commit()
}

function writeTotals(row: ExcelJS.Row, totals: Total[], sums: number[], lastRow: number, t: Translate): void {
  totals.forEach((total, i) => {
    const cell = row.getCell(i + 1)
    if (total !== 'sum') return writeCell(cell, total, t)
    // Under an empty table a formula would only sum itself.
    const column = columnLetter(i)
    cell.value = lastRow > HEADER_ROW ? { formula: `SUM(${column}${HEADER_ROW + 1}:${column}${lastRow})`, result: sums[i] ?? 0 } : 0
  })
  row.font = { bold: true }
  row.commit()
}

/** The document as an XLSX byte stream, written as the rows come. */
export function xlsxStream(document: ExportDocument, t: Translate): ReadableStream<Uint8Array> {
  const stream = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  const caughtUp = async () => {
    if (!stream.writableNeedDrain) return
    // A cancelled download closes the stream and never drains: stop writing then.
    const waiting = new AbortController()
    try {
      await Promise.race([once(stream, 'drain', { signal: waiting.signal }), once(stream, 'close', { signal: waiting.signal })])
    } finally {
      waiting.abort()
    }
    if (stream.destroyed) throw new Error('xlsxStream: the download was cancelled')
  }
  const write = async () => {
    for (const sheet of document.sheets) await writeSheet(workbook, document.title, sheet, t, caughtUp)
    await workbook.commit()
  }
  // A failure part-way ends the download in an error rather than in a truncated file.
  write().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))))
  // Node types its web streams apart from the DOM's; what flows is bytes either way.
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>
}
