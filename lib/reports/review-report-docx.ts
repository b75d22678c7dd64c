// The review report as a Word document in the Vietnamese administrative layout (A4, margins
// 20/20/30/15 mm, Times New Roman 14 pt), for the Party Office to number, complete and sign.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
} from 'docx'
import type { ReviewReportData } from './review-report'
import type { ReviewWriting } from './review-writing'
import { A4_MM, MARGIN_MM, reviewReportText, type ReportBlock, type TableColumn } from './review-report-text'

const FONT = 'Times New Roman'
/** Twentieths of a point, rounded (docx's own converter truncates A4 to 11905 x 16837). */
const twip = (millimetres: number) => Math.round((millimetres * 1440) / 25.4)
/** docx sizes are half-points. */
const pt = (points: number) => points * 2
const BODY = pt(14)
const TABLE = pt(13)
const SMALL = pt(12)
const TEXT_WIDTH = twip(A4_MM.width - MARGIN_MM.left - MARGIN_MM.right)

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const
const noBorders: ITableCellBorders = { top: none, bottom: none, left: none, right: none }
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const

type RunStyle = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number }

function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after },
    children: [new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size, underline: style.underline ? {} : undefined })],
  })
}

function layoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, children })
}

/** A borderless two-column table: the letterhead, and the recipients beside the signature. */
function twoColumns(leftShare: number, left: Paragraph[], right: Paragraph[]): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare)
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ children: [layoutCell(leftWidth, left), layoutCell(TEXT_WIDTH - leftWidth, right)] })],
  })
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const

function dataTable(columns: TableColumn[], rows: string[][]): Table {
  const widths = columns.map((c) => Math.round(TEXT_WIDTH * c.width))
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[columns[column]?.align ?? 'left'],
          children: [new TextRun({ text, bold: header, size: TABLE })],
        }),
      ],
    })
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.title, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  })
}

const INDENT = twip(10)

function block(item: ReportBlock): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'heading':
      return [new Paragraph({ spacing: { before: 120, after: 60 }, indent: { firstLine: INDENT }, children: [new TextRun({ text: item.text, bold: true })] })]
    case 'subheading':
      return [new Paragraph({ spacing: { before: 60, after: 60 }, indent: { firstLine: INDENT }, children: [new TextRun({ text: item.text, bold: true })] })]
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 }, indent: { firstLine: INDENT }, children: [new TextRun(item.text)] })]
    case 'bullet':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 }, indent: { firstLine: INDENT }, children: [new TextRun(`- ${item.text}`)] })]
    case 'placeholder':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 }, indent: { firstLine: INDENT }, children: [new TextRun({ text: item.text, italics: true })] })]
    case 'table':
      return [dataTable(item.columns, item.rows), new Paragraph({ spacing: { after: 60 }, children: [] })]
  }
}

export function reviewReportDocument(data: ReviewReportData, writing: ReviewWriting | null = null): Document {
  const text = reviewReportText(data, writing)
  const letterhead = twoColumns(
    0.45,
    text.issuer.map((entry) => centred(entry.line, { bold: entry.bold })),
    [centred(text.motto, { bold: true, underline: true }, 240), centred(text.placeAndDate, { italics: true })],
  )
  const closing = twoColumns(
    0.5,
    [
      new Paragraph({ children: [new TextRun({ text: text.recipients.title, bold: true, italics: true, size: SMALL })] }),
      ...text.recipients.lines.map((entry) => new Paragraph({ children: [new TextRun({ text: entry, size: pt(11) })] })),
    ],
    [...text.signature.lines.map((entry) => centred(entry, { bold: true })), centred('', {}, 1200), centred(text.signature.name, { bold: true })],
  )
  return new Document({
    title: `${text.title} ${text.subject}`,
    creator: text.author,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(A4_MM.width), height: twip(A4_MM.height) },
            margin: {
              top: twip(MARGIN_MM.top),
              bottom: twip(MARGIN_MM.bottom),
              left: twip(MARGIN_MM.left),
              right: twip(MARGIN_MM.right),
            },
          },
        },
        children: [
          letterhead,
          new Paragraph({ spacing: { before: 360 }, children: [] }),
          centred(text.title, { bold: true, size: pt(16) }),
          centred(text.subject, { bold: true }),
          centred(text.periodLine, { italics: true }, 120),
          centred('-----', {}, 240),
          ...text.body.flatMap(block),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          closing,
        ],
      },
    ],
  })
}

export function reviewReportDocx(data: ReviewReportData, writing: ReviewWriting | null = null): Promise<Buffer> {
  return Packer.toBuffer(reviewReportDocument(data, writing))
}
