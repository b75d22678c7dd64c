// The import templates: the header row of each kind, as CSV (with a BOM, so Excel reads UTF-8) or XLSX.
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { COLUMN_HEADERS, IMPORT_COLUMNS, type ImportKind } from './columns'

export async function importTemplate(kind: ImportKind, format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const headers = IMPORT_COLUMNS[kind].map((c) => COLUMN_HEADERS[c.key])
  if (format === 'csv') return new TextEncoder().encode(`\uFEFF${stringify([headers], { record_delimiter: 'windows' })}`)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(kind === 'tasks' ? 'Nhiệm vụ' : 'Giao nhiệm vụ')
  sheet.addRow(headers).font = { bold: true }
  sheet.columns.forEach((column) => (column.width = 24))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
