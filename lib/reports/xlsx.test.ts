// The XLSX writer's streaming: what a download of a big sheet, a failing one and a cancelled one
// looks like to the browser and to the source of the rows (the database, in the app).
import ExcelJS from 'exceljs'
import { describe, expect, it, vi } from 'vitest'
import type { Cell, ExportDocument, Sheet } from './exports/table'
import { translatorFor } from './exports/table'
import { xlsxStream } from './xlsx'

const t = translatorFor('vi')
const columns = [
  { header: 'Xã', width: 20 },
  { header: 'Tiến độ', width: 10 },
]

function sheet(name: string, rows: AsyncIterable<Cell[]> | Iterable<Cell[]>, rowCount = 0): Sheet {
  return { name, columns, rowCount, rows }
}

const document = (...sheets: Sheet[]): ExportDocument => ({ title: 'Tiến độ toàn huyện', fileStem: 'tien-do', sheets, csvSheet: 0 })

const ROWS = 30_000
function* communes(): Generator<Cell[]> {
  for (let n = 1; n <= ROWS; n++) yield [`Xã số ${n}`, n % 101]
}

describe('xlsxStream', () => {
  it('writes a sheet of many rows after a small one, each read back whole', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await new Response(xlsxStream(document(sheet('Tóm tắt', [['Xã Minh Cầm', 40]]), sheet('Các xã', communes(), ROWS)), t)).arrayBuffer())
    expect(book.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['Tóm tắt', 3],
      ['Các xã', ROWS + 2],
    ])
    const last = book.getWorksheet('Các xã')!.getRow(ROWS + 2)
    expect([last.getCell(1).value, last.getCell(2).value]).toEqual([`Xã số ${ROWS}`, ROWS % 101])
  })

  it('sets every sheet up for printing: A4 landscape, fitted to the width, the header row on each page, a footer with the title and the page', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await new Response(xlsxStream(document(sheet('Tóm tắt', [['Xã Minh Cầm', 40]]), sheet("Xã & 'thị trấn' đã sáp nhập", communes(), ROWS)), t)).arrayBuffer())
    for (const worksheet of book.worksheets) {
      expect(worksheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' })
      expect(worksheet.headerFooter.oddFooter).toBe('&LTiến độ toàn huyện&RTrang &P/&N')
    }
    const english = new ExcelJS.Workbook()
    await english.xlsx.load(await new Response(xlsxStream({ ...document(sheet('Communes', [['Minh Cầm', 40]])), title: 'Progress & reviews' }, translatorFor('en'))).arrayBuffer())
    expect(english.worksheets[0]!.headerFooter.oddFooter).toBe('&LProgress && reviews&RPage &P of &N')
  })

  it('ends the download in an error, not a short file, when the rows fail midway', async () => {
    async function* failing(): AsyncGenerator<Cell[]> {
      yield* communes()
      throw new Error('the database went away')
    }
    await expect(new Response(xlsxStream(document(sheet('Các xã', failing())), t)).arrayBuffer()).rejects.toThrow('the database went away')
  })

  it('stops reading the rows when the download is cancelled', async () => {
    let read = 0
    let stopped = false
    async function* endless(): AsyncGenerator<Cell[]> {
      try {
        for (;;) yield [`Xã số ${++read}`, read]
      } finally {
        stopped = true
      }
    }
    const reader = xlsxStream(document(sheet('Các xã', endless())), t).getReader()
    while (read < ROWS) await reader.read()
    await reader.cancel()
    await vi.waitFor(() => expect(stopped).toBe(true))
  })
})
