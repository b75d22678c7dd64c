// The review report as a Word document in the layout of Party documents (Hướng dẫn 36-HD/VPTW),
// for the Party Office to number, complete and sign. It is made from the layout the PDF is drawn
// from (review-report-layout.ts): exact line heights, exact row heights, paragraphs kept whole and
// the same page breaks, so that Word and LibreOffice fall into the PDF's pages.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type ITableCellBorders,
} from 'docx'
import type { ReviewReportData } from './review-report'
import type { ReviewWriting } from './review-writing'
import { reviewReportText } from './review-report-text'
import { CELL, Measure, PAGE, STYLE, TEXT_WIDTH, layOut, type Columns, type Grid, type LaidOutPart, type Para, type Placed, type TextStyle } from './review-report-layout'

const FONT = 'Times New Roman'
/** docx sizes are half-points. */
const halfPoints = (points: number) => points * 2

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const
const noBorders: ITableCellBorders = { top: none, bottom: none, left: none, right: none }
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const
const noMargins = { top: 0, bottom: 0, left: 0, right: 0 } as const

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const

/** A hyphen between two letters or figures ("19-NQ/TU"): written as a no-break hyphen, as the layout never breaks there. */
const IN_WORD_HYPHEN = /(?<=\S)-(?=\S)/

function run(text: string, style: TextStyle, breakBefore = false): TextRun {
  const pieces = text.split(IN_WORD_HYPHEN)
  return new TextRun({
    children: pieces.flatMap((piece, index) => (index === 0 ? [piece] : [new NoBreakHyphen(), piece])),
    break: breakBefore ? 1 : undefined,
    font: FONT,
    size: halfPoints(style.size),
    bold: style.face === 'bold' || style.face === 'boldItalic',
    italics: style.face === 'italic' || style.face === 'boldItalic',
    underline: style.underline ? {} : undefined,
  })
}

/** Lines wrapped by the layout, each after a line break. */
const lines = (texts: string[], style: TextStyle) => texts.map((text, index) => run(text, style, index > 0))

/** The exact line height, no space before, widows allowed: the layout decides where lines fall. */
const spacing = (style: TextStyle, after: number) => ({ line: style.line, lineRule: LineRuleType.EXACT, before: 0, after })

function paragraph(item: Para, options: { pageBreakBefore?: boolean; width?: number; measure?: Measure } = {}): Paragraph {
  // The motto's rule is the paragraph's bottom border, narrowed by indents to the motto's length.
  const ruleIndent = item.rule && options.width !== undefined && options.measure ? Math.max(0, Math.floor((options.width - options.measure.width(item.text, item.style)) / 2) - 10) : 0
  return new Paragraph({
    alignment: ALIGN[item.align],
    spacing: spacing(item.style, item.after),
    indent: item.rule ? { left: ruleIndent, right: ruleIndent } : { firstLine: item.indent },
    keepLines: true,
    keepNext: item.keepNext,
    widowControl: false,
    pageBreakBefore: options.pageBreakBefore,
    border: item.rule ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } } : undefined,
    children: item.text === '' ? [] : item.align === 'justify' ? [run(item.text, item.style)] : lines(item.lines, item.style),
  })
}

function columnsTable(item: Columns, measure: Measure): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: item.widths,
    margins: noMargins,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: item.height, rule: HeightRule.EXACT },
        children: item.cells.map(
          (cell, column) =>
            new TableCell({
              width: { size: item.widths[column] ?? 0, type: WidthType.DXA },
              borders: noBorders,
              margins: noMargins,
              children: cell.map((p) => paragraph(p, { width: item.widths[column], measure })),
            }),
        ),
      }),
    ],
  })
}

/** A paragraph of the tail's height that starts a new page: what a table that starts or goes on on a new page follows. */
const pageBreak = () => new Paragraph({ pageBreakBefore: true, spacing: spacing(STYLE.tail, 0), children: [] })

/**
 * A ruled table, one per page it runs onto, each with the head: the pages break between the rows
 * the layout chose, whatever Word or LibreOffice would have fitted.
 */
function gridTables(placed: Extract<Placed, { kind: 'grid' }>, startsPage: boolean): (Paragraph | Table)[] {
  const item = placed.item
  const row = (cells: string[][], height: number, head: boolean) =>
    new TableRow({
      cantSplit: true,
      tableHeader: head,
      height: { value: height, rule: HeightRule.EXACT },
      children: cells.map((cellLines, column) => {
        const style = head ? STYLE.tableHead : STYLE.table
        return new TableCell({
          width: { size: item.widths[column] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          margins: { left: CELL.x, right: CELL.x, top: 0, bottom: 0 },
          children: [
            new Paragraph({
              alignment: head ? AlignmentType.CENTER : ALIGN[item.aligns[column] ?? 'left'],
              spacing: spacing(style, 0),
              widowControl: false,
              children: lines(cellLines, style),
            }),
          ],
        })
      }),
    })
  const table = (rows: Grid['rows']) =>
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: item.widths,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [row(item.head, item.headHeight, true), ...rows.map((r) => row(r.cells, r.height, false))],
    })
  return placed.head.flatMap((at, segment) => {
    const rows = item.rows.filter((_, index) => placed.rows[index]?.page === at.page)
    return segment > 0 || startsPage ? [pageBreak(), table(rows)] : [table(rows)]
  })
}

function blocks(placed: Placed, part: LaidOutPart, measure: Measure): (Paragraph | Table)[] {
  const startsPage = part.pageStarts.has(placed.item)
  switch (placed.kind) {
    case 'para':
      return [paragraph(placed.item, { pageBreakBefore: startsPage })]
    case 'columns':
      return startsPage ? [pageBreak(), columnsTable(placed.item, measure)] : [columnsTable(placed.item, measure)]
    case 'grid':
      return gridTables(placed, startsPage)
  }
}

/** The page number of Party documents: from the second page, centred at the top (the first page's header is empty). */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: spacing(STYLE.pageNumber, 0),
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(STYLE.pageNumber.size) })],
      }),
    ],
  })

export function reviewReportDocument(data: ReviewReportData, writing: ReviewWriting | null = null): Document {
  const text = reviewReportText(data, writing)
  const measure = new Measure()
  const parts = layOut(text, measure)
  const sections = parts.map(
    (part): ISectionOptions => ({
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.header },
          // Each annex numbers its own pages (the guidance's rule for annexes).
          pageNumbers: { start: 1 },
        },
      },
      headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ spacing: spacing(STYLE.pageNumber, 0), children: [] })] }) },
      children: part.items.flatMap((placed) => blocks(placed, part, measure)),
    }),
  )
  return new Document({
    title: `${text.title} ${text.subject}`,
    creator: text.author,
    styles: {
      default: {
        // Kerning as the PDF's text has it; a paragraph that says nothing of its spacing takes the tail's.
        document: { run: { font: FONT, size: halfPoints(STYLE.body.size), kern: 2 }, paragraph: { spacing: spacing(STYLE.tail, 0) } },
      },
    },
    sections,
  })
}

export function reviewReportDocx(data: ReviewReportData, writing: ReviewWriting | null = null): Promise<Buffer> {
  return Packer.toBuffer(reviewReportDocument(data, writing))
}
