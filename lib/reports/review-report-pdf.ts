// The review report as a PDF with the layout of the Word document (review-report-docx.ts), drawn
// by pdfkit with the Tinos fonts (metric-compatible with Times New Roman, with Vietnamese glyphs).
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import type { ReviewReportData } from './review-report'
import type { ReviewWriting } from './review-writing'
import { A4_MM, MARGIN_MM, reviewReportText, type ReportBlock, type TableColumn } from './review-report-text'

const FONT_DIR = join(process.cwd(), 'node_modules/@expo-google-fonts/tinos')
const FONTS = {
  regular: join(FONT_DIR, '400Regular/Tinos_400Regular.ttf'),
  bold: join(FONT_DIR, '700Bold/Tinos_700Bold.ttf'),
  italic: join(FONT_DIR, '400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: join(FONT_DIR, '700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const
type Face = keyof typeof FONTS

const mm = (millimetres: number) => (millimetres * 72) / 25.4
const BODY = 14
const TABLE = 13
const INDENT = mm(10)
const CELL_PAD = 3

type Pdf = PDFKit.PDFDocument

class ReportWriter {
  readonly left = mm(MARGIN_MM.left)
  readonly width = mm(A4_MM.width - MARGIN_MM.left - MARGIN_MM.right)
  readonly bottom = mm(A4_MM.height - MARGIN_MM.bottom)

  constructor(readonly doc: Pdf) {}

  use(face: Face, size: number): this {
    this.doc.font(face).fontSize(size)
    return this
  }

  /** Starts a new page when `height` does not fit on this one. */
  room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage()
  }

  centred(text: string, face: Face, size: number, options: { x?: number; width?: number; underline?: boolean; after?: number } = {}): void {
    this.use(face, size)
    this.doc.text(text, options.x ?? this.left, this.doc.y, { width: options.width ?? this.width, align: 'center', underline: options.underline })
    this.doc.y += options.after ?? 0
  }

  paragraph(text: string, face: Face): void {
    this.use(face, BODY)
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'justify', indent: INDENT, paragraphGap: 3 })
  }

  table(columns: TableColumn[], rows: string[][]): void {
    const widths = columns.map((c) => this.width * c.width)
    const rowHeight = (cells: string[], face: Face) => {
      this.use(face, TABLE)
      return Math.max(...cells.map((text, i) => this.doc.heightOfString(text, { width: (widths[i] ?? 0) - 2 * CELL_PAD }))) + 2 * CELL_PAD
    }
    const drawRow = (cells: string[], header: boolean) => {
      const face: Face = header ? 'bold' : 'regular'
      const height = rowHeight(cells, face)
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage()
        if (!header) drawRow(columns.map((c) => c.title), true)
      }
      const top = this.doc.y
      let x = this.left
      cells.forEach((text, i) => {
        const w = widths[i] ?? 0
        this.doc.lineWidth(0.5).rect(x, top, w, height).stroke()
        this.use(face, TABLE)
        this.doc.text(text, x + CELL_PAD, top + CELL_PAD, { width: w - 2 * CELL_PAD, align: header ? 'center' : (columns[i]?.align ?? 'left') })
        x += w
      })
      this.doc.x = this.left
      this.doc.y = top + height
    }
    drawRow(columns.map((c) => c.title), true)
    rows.forEach((row) => drawRow(row, false))
    this.doc.y += 6
  }

  block(item: ReportBlock): void {
    switch (item.kind) {
      case 'heading':
        this.room(3 * BODY)
        this.doc.y += 4
        return this.paragraph(item.text, 'bold')
      case 'subheading':
        // A subheading is followed by a table or a paragraph: never leave it alone at a page foot.
        this.room(5 * BODY)
        return this.paragraph(item.text, 'bold')
      case 'paragraph':
        return this.paragraph(item.text, 'regular')
      case 'bullet':
        return this.paragraph(`- ${item.text}`, 'regular')
      case 'placeholder':
        return this.paragraph(item.text, 'italic')
      case 'table':
        return this.table(item.columns, item.rows)
    }
  }
}

/** The report as a PDF stream; it ends once the last page is written. */
export function reviewReportPdf(data: ReviewReportData, writing: ReviewWriting | null = null): Pdf {
  const text = reviewReportText(data, writing)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(MARGIN_MM.top), bottom: mm(MARGIN_MM.bottom), left: mm(MARGIN_MM.left), right: mm(MARGIN_MM.right) },
    info: { Title: `${text.title} ${text.subject}`, Author: text.author },
    lang: 'vi-VN',
  })
  for (const [face, file] of Object.entries(FONTS)) doc.registerFont(face, file)
  const w = new ReportWriter(doc)

  // Letterhead: the issuer on the left, the Party's name and the date line on the right.
  const top = doc.y
  const leftWidth = w.width * 0.45
  text.issuer.forEach((entry) => w.centred(entry.line, entry.bold ? 'bold' : 'regular', BODY, { width: leftWidth }))
  const leftEnd = doc.y
  doc.y = top
  const right = { x: w.left + leftWidth, width: w.width - leftWidth }
  w.centred(text.motto, 'bold', BODY, { ...right, underline: true, after: 12 })
  w.centred(text.placeAndDate, 'italic', BODY, right)
  doc.y = Math.max(leftEnd, doc.y) + 18

  w.centred(text.title, 'bold', 16)
  w.centred(text.subject, 'bold', BODY)
  w.centred(text.periodLine, 'italic', BODY, { after: 2 })
  w.centred('-----', 'regular', BODY, { after: 8 })
  text.body.forEach((item) => w.block(item))

  // Recipients bottom left, signature bottom right, kept together on one page.
  doc.y += 8
  w.room(150)
  const closingTop = doc.y
  w.use('boldItalic', 12)
  doc.text(text.recipients.title, w.left, closingTop, { width: w.width / 2 })
  w.use('regular', 11)
  text.recipients.lines.forEach((entry) => doc.text(entry, w.left, doc.y, { width: w.width / 2 }))
  doc.y = closingTop
  const signature = { x: w.left + w.width / 2, width: w.width / 2 }
  text.signature.lines.forEach((entry) => w.centred(entry, 'bold', BODY, signature))
  doc.y += 70
  w.centred(text.signature.name, 'bold', BODY, signature)

  doc.end()
  return doc
}
