// XLSX exports, written straight into the response as the rows come: one sheet per section of the
// page, each with a title row (what, as of when), a frozen header row, numbers as numbers, dates as
// dates (dd/mm/yyyy), status cells holding the label and filled with the convention's colour
// (DESIGN.md), and a totals row (SUM formulas) under tables of counts. The workbook's XML is
// written here (ECMA-376 SpreadsheetML, the parts Excel needs and no more) into a ZIP archive that
// yazl writes as the sheets' text comes: a general spreadsheet writer's per-cell objects and style
// lookups cost more than the million-row register can afford. The register's rows come written
// already, by PostgreSQL (Sheet.xmlRows): made here, their million rows of short-lived strings grew
// the heap by some 200 MB before the collector caught up. exceljs reads the files back in the tests.
import 'server-only'
import { PassThrough, Readable, pipeline } from 'node:stream'
import { constants } from 'node:zlib'
import { ZipFile } from 'yazl'
import { STATUS_TONES, type StatusLabel, type StatusTone } from '@/lib/domain/status'
import { byteStream } from '@/lib/http/byte-stream'
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


const HEADER_FILL = 'FFE2E8F0'
const TITLE_ROW = 1
const HEADER_ROW = 2
const DATE_FORMAT = 'dd/mm/yyyy'

// The styles (cellXfs), by index: the workbook's styles.xml lists exactly these.
const TONES = Object.keys(TONE_FILLS) as StatusTone[]
/** What a cell is, for its style: plain, a date, or a status of a tone. */
type Look = 'plain' | 'date' | StatusTone
const LOOKS: Look[] = ['plain', 'date', ...TONES]
const TITLE_STYLE = 1
const HEADER_STYLE = 2
/** Data cells, then the same in bold (totals rows). */
const lookStyle = (look: Look, bold: boolean) => 3 + LOOKS.indexOf(look) + (bold ? LOOKS.length : 0)

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships'

function stylesXml(): string {
  const fill = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`
  // Fills 0 and 1 are the two Excel requires; then the header's, then one per tone.
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', fill(HEADER_FILL), ...TONES.map((tone) => fill(TONE_FILLS[tone]))]
  const xf = (font: number, fillId: number, date: boolean, extra = '') =>
    `<xf numFmtId="${date ? 164 : 0}" fontId="${font}" fillId="${fillId}" borderId="0" xfId="0"${date ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${extra}`
  const looks = (font: number) => LOOKS.map((look) => `${xf(font, look === 'plain' || look === 'date' ? 0 : 3 + TONES.indexOf(look), look === 'date')}/>`)
  const cellXfs = [
    `${xf(0, 0, false)}/>`,
    `${xf(2, 0, false)}/>`,
    `${xf(1, 2, false, ' applyAlignment="1"')}><alignment vertical="top" wrapText="1"/></xf>`,
    ...looks(0),
    ...looks(1),
  ]
  const font = (extra: string, size: number) => `<font>${extra}<sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`
  return xml(
    `<styleSheet xmlns="${MAIN}">` +
      `<numFmts count="1"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/></numFmts>` +
      `<fonts count="3">${font('', 11)}${font('<b/>', 11)}${font('<b/>', 13)}</fonts>` +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>',
  )
}

/** Characters XML 1.0 cannot hold at all (they are dropped), and those it must escape. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const XML_SPECIAL = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' }

export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text
  return text
    .toWellFormed()
    .replace(NOT_XML, '')
    .replace(/[&<>"\r]/g, (c) => ESCAPES[c]!)
}

const columnLetter = (index: number) => {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** Excel keeps a date as its count of days since 30 December 1899. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const excelDay = (day: string) => (Date.parse(`${day}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000

const styleAttribute = (style: number) => (style === 0 ? '' : ` s="${style}"`)
const textCell = (ref: string, text: string, style: number) => `<c r="${ref}"${styleAttribute(style)} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`
const numberCell = (ref: string, value: number, style: number) => `<c r="${ref}"${styleAttribute(style)}><v>${value}</v></c>`

/** The labels' texts, kept per list (a million rows have ten lists of labels). */
function labelTextsOf(t: Translate): (labels: readonly StatusLabel[]) => string {
  const labelTexts = new Map<string, string>()
  return (labels) => {
    const key = labels.join()
    let text = labelTexts.get(key)
    if (text === undefined) labelTexts.set(key, (text = csvCell({ labels }, t)))
    return text
  }
}

/** A status cell's style: its first label's tone. */
function labelStyle(labels: readonly StatusLabel[], bold = false): number {
  const [first] = labels
  return lookStyle(first ? STATUS_TONES[first] : 'plain', bold)
}

/** The styles of a plain cell and a day, for the rows a database writes (Sheet.xmlRows). */
const XML_CELL_STYLES = { plain: lookStyle('plain', false), date: lookStyle('date', false) }

/** A cell without its start (`<c r="…"`), as Sheet.xmlRows puts after the reference. */
const cellEnd = (cell: string) => cell.slice('<c r=""'.length)

/** A sheet's cells as XML. */
function cellWriter(t: Translate) {
  const labelText = labelTextsOf(t)
  return (ref: string, cell: Cell, bold: boolean): string => {
    if (cell === null) return ''
    if (typeof cell === 'number') return Number.isFinite(cell) ? numberCell(ref, cell, lookStyle('plain', bold)) : ''
    if (typeof cell === 'string') return textCell(ref, cell, lookStyle('plain', bold))
    if ('day' in cell) return numberCell(ref, excelDay(cell.day), lookStyle('date', bold))
    return textCell(ref, labelText(cell.labels), labelStyle(cell.labels, bold))
  }
}

/** Text pieces of about this many characters go to the archive. */
const PIECE_CHARACTERS = 1 << 17

/** Excel's limit on the text of a header or footer, its codes included. */
const FOOTER_CHARACTERS = 255

/**
 * Set up for printing: A4 landscape, the columns fitted to the page's width (as many pages down as
 * the rows take), and a footer with the title (what, as of when) on the left and "Trang x/y" on
 * the right. The header row repeats on each page through the workbook's Print_Titles.
 */
function printSetupXml(title: string, t: Translate): string {
  // In a footer "&" starts a code: the title's own are doubled.
  const pages = `&R${t('exports.pageOfPages', { page: '&P', pages: '&N' })}`
  const left = `&L${title.replaceAll('&', '&&')}`.slice(0, FOOTER_CHARACTERS - pages.length).replace(/&$/, '')
  return (
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddFooter>${xmlText(left + pages)}</oddFooter></headerFooter>`
  )
}

/** The workbook's defined names: each sheet prints its header row on every page. */
function printTitlesXml(sheets: readonly { sheet: Sheet; id: number }[]): string {
  const titles = sheets.map(({ sheet, id }) => `<definedName name="_xlnm.Print_Titles" localSheetId="${id - 1}">'${xmlText(sheet.name.replaceAll("'", "''"))}'!$${HEADER_ROW}:$${HEADER_ROW}</definedName>`)
  return `<definedNames>${titles.join('')}</definedNames>`
}

/** A worksheet's XML, in pieces, written as its rows come. */
async function* sheetXml(title: string, sheet: Sheet, t: Translate): AsyncGenerator<string | Uint8Array> {
  const cell = cellWriter(t)
  const labelText = labelTextsOf(t)
  const letters = sheet.columns.map((_, i) => columnLetter(i))
  const cols = sheet.columns.map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"/>`).join('')
  const headerCells = sheet.columns.map((column, i) => textCell(`${letters[i]}${HEADER_ROW}`, column.header, HEADER_STYLE)).join('')
  let piece =
    xml(`<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`) +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    `<row r="${TITLE_ROW}">${textCell(`A${TITLE_ROW}`, title, TITLE_STYLE)}</row>` +
    `<row r="${HEADER_ROW}">${headerCells}</row>`
  if (sheet.xmlRows && !sheet.totals) {
    yield piece
    yield* sheet.xmlRows({ firstRow: HEADER_ROW + 1, styles: XML_CELL_STYLES, labelCells: (labels) => cellEnd(textCell('', labelText(labels), labelStyle(labels))), textCell: (text) => cellEnd(textCell('', text, lookStyle('plain', false))) })
    yield `</sheetData>${printSetupXml(title, t)}</worksheet>`
    return
  }
  const sums = sheet.columns.map(() => 0)
  let rowNumber = HEADER_ROW
  for await (const cells of sheet.rows) {
    rowNumber += 1
    piece += `<row r="${rowNumber}">`
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!
      piece += cell(`${letters[i] ?? columnLetter(i)}${rowNumber}`, value, false)
      if (typeof value === 'number') sums[i] = (sums[i] ?? 0) + value
    }
    piece += '</row>'
    if (piece.length >= PIECE_CHARACTERS) {
      yield piece
      piece = ''
    }
  }
  if (sheet.totals) piece += totalsRow(sheet.totals, sums, rowNumber, cell)
  yield `${piece}</sheetData>${printSetupXml(title, t)}</worksheet>`
}

function totalsRow(totals: Total[], sums: number[], lastRow: number, cell: ReturnType<typeof cellWriter>): string {
  const row = lastRow + 1
  const cells = totals.map((total, i) => {
    const ref = `${columnLetter(i)}${row}`
    if (total !== 'sum') return cell(ref, total, true)
    // Under an empty table a formula would only sum itself.
    if (lastRow <= HEADER_ROW) return numberCell(ref, 0, lookStyle('plain', true))
    const column = columnLetter(i)
    return `<c r="${ref}" s="${lookStyle('plain', true)}"><f>SUM(${column}${HEADER_ROW + 1}:${column}${lastRow})</f><v>${sums[i] ?? 0}</v></c>`
  })
  return `<row r="${row}">${cells.join('')}</row>`
}

/** A part of the workbook's package: its XML, whole or (a sheet) in pieces as its rows come. */
type Part = { name: string; content: string | AsyncIterable<string | Uint8Array> }

function workbookParts(document: ExportDocument, t: Translate): Part[] {
  const sheets = document.sheets.map((sheet, i) => ({ sheet, id: i + 1 }))
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'
  return [
    {
      name: '[Content_Types].xml',
      content: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          sheets.map(({ id }) => `<Override PartName="/xl/worksheets/sheet${id}.xml" ContentType="${sheetType}"/>`).join('') +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: xml(`<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      content: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>` +
          sheets.map(({ sheet, id }) => `<sheet name="${xmlText(sheet.name)}" sheetId="${id}" r:id="rId${id}"/>`).join('') +
          `</sheets>${printTitlesXml(sheets)}</workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: xml(
        `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
          sheets.map(({ id }) => `<Relationship Id="rId${id}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${id}.xml"/>`).join('') +
          `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
          '</Relationships>',
      ),
    },
    { name: 'xl/styles.xml', content: stylesXml() },
    ...sheets.map(({ sheet, id }) => ({ name: `xl/worksheets/sheet${id}.xml`, content: sheetXml(document.title, sheet, t) })),
  ]
}

/**
 * Speed over size: a sheet's XML is so repetitive that the fastest level still shrinks it tenfold.
 * A fixed date, so that the same data makes the same file (the contents carry their own dates).
 */
const ENTRY = { compressionLevel: constants.Z_BEST_SPEED, mtime: new Date(2000, 0, 1) }

/** The document as an XLSX byte stream, written as the rows come and as fast as the download takes it. */
export function xlsxStream(document: ExportDocument, t: Translate): ReadableStream<Uint8Array> {
  const zip = new ZipFile()
  const archive = new PassThrough()
  const fail = (error: Error) => archive.destroy(error)
  const sheets: Readable[] = []
  for (const { name, content } of workbookParts(document, t)) {
    if (typeof content === 'string') {
      zip.addBuffer(Buffer.from(content, 'utf8'), name, ENTRY)
      continue
    }
    // yazl reads a sheet only when its entry's turn comes; a failure of its rows ends the download in an error.
    const sheet = Readable.from(content, { objectMode: false }).on('error', fail)
    sheets.push(sheet)
    zip.addReadStream(sheet, name, ENTRY)
  }
  zip.on('error', fail)
  zip.end()
  // Once the archive is done, failed or cancelled, a sheet still open stops, and with it its read of the database.
  pipeline(zip.outputStream, archive, () => {
    for (const sheet of sheets) sheet.destroy()
  })
  return byteStream(archive)
}
