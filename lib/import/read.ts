// Reading an uploaded table: XLSX (the first sheet) or CSV (UTF-8, comma or semicolon), the first
// row naming the columns. Each data row keeps its row number in the file, for the error list.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { fromBufferPromise } from 'yauzl'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import type { AdminErrorCode } from '@/lib/validation/admin'
import { COLUMN_HEADERS, IMPORT_COLUMNS, normalizeHeader, type ColumnKey, type ImportKind } from './columns'

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
export const MAX_IMPORT_ROWS = 5000
/**
 * What an XLSX may unpack to. A sheet of MAX_IMPORT_ROWS rows is a few MB of XML; Excel's own files
 * hold a dozen entries. A zip bomb (a small upload that inflates to hundreds of MB) is refused.
 */
const MAX_UNPACKED_MEGABYTES = 40
const MAX_ZIP_ENTRIES = 100

export type TableRow = { row: number; cells: Partial<Record<ColumnKey, string>> }
export type ReadResult = { kind: 'read'; rows: TableRow[] } | { kind: 'problem'; code: AdminErrorCode; params?: Record<string, string | number> }

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** A cell as text: dates as dd/mm/yyyy (Excel stores them as dates), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return formatDay(dateColumnDay(value))
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

/**
 * Whether the zip stays within the limits: its entries and their declared sizes (the central
 * directory), then what they really inflate to, counted as it comes and stopped at the limit (an
 * entry may declare fewer bytes than it holds).
 */
async function unpacksWithinLimits(bytes: Uint8Array): Promise<boolean> {
  const limit = MAX_UNPACKED_MEGABYTES * 1024 * 1024
  const zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { validateEntrySizes: false })
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) return false
    const entries = []
    let declared = 0
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize
      if (declared > limit) return false
      entries.push(entry)
    }
    let inflated = 0
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry)
      try {
        for await (const chunk of stream) {
          inflated += (chunk as Buffer).byteLength
          if (inflated > limit) return false
        }
      } finally {
        stream.destroy()
      }
    }
    return true
  } finally {
    zip.close()
  }
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = cellText(cell.value).trim()))
    rows[number - 1] = Array.from(values, (v) => v ?? '')
  })
  return Array.from(rows, (r) => r ?? [])
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  // Excel in Vietnamese settings saves CSV with semicolons.
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
  return parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][]
}

/** A cell as the plan reads it: trimmed, without NUL characters (which PostgreSQL text cannot hold). */
const cellValue = (cell: string | undefined) => (cell ?? '').replaceAll('\u0000', '').trim()

export async function readTable(kind: ImportKind, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { kind: 'problem', code: 'fileTooLarge' }
  let grid: string[][]
  try {
    if (isZip(bytes) && !(await unpacksWithinLimits(bytes)))
      return { kind: 'problem', code: 'fileUnpacksTooLarge', params: { megabytes: MAX_UNPACKED_MEGABYTES, entries: MAX_ZIP_ENTRIES } }
    grid = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes)
  } catch {
    return { kind: 'problem', code: 'fileUnreadable' }
  }
  const [header = [], ...body] = grid
  const positions = new Map(header.map((h, i) => [normalizeHeader(h), i]))
  const columns = IMPORT_COLUMNS[kind].map((c) => ({ ...c, index: positions.get(normalizeHeader(COLUMN_HEADERS[c.key])) }))
  const missing = columns.find((c) => c.required && c.index === undefined)
  if (missing) return { kind: 'problem', code: 'columnMissing', params: { column: COLUMN_HEADERS[missing.key] } }
  const rows = body
    .map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(columns.flatMap((c) => (c.index === undefined ? [] : [[c.key, cellValue(cells[c.index])]]))) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''))
  if (rows.length === 0) return { kind: 'problem', code: 'fileEmpty' }
  if (rows.length > MAX_IMPORT_ROWS) return { kind: 'problem', code: 'tooManyRows', params: { max: MAX_IMPORT_ROWS } }
  return { kind: 'read', rows }
}
