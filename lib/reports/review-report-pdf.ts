// The review report as a PDF, drawn by pdfkit from the layout the Word document is made from
// (review-report-layout.ts): the same lines on the same pages, with the page numbers of Party
// documents (from the second page of each part, centred at the top).
import PDFDocument from 'pdfkit'
import type { ReviewReportData } from './review-report'
import type { ReviewWriting } from './review-writing'
import { reviewReportText } from './review-report-text'
import { CELL, FONTS, PAGE, STYLE, layOut, pt, type Columns, type Grid, type Para, type Spot, type TextStyle } from './review-report-layout'

type Pdf = PDFKit.PDFDocument

/** Draws one line of text in a box `width` wide whose top is `top` and whose height is the style's line, all in twips. */
function drawLine(doc: Pdf, text: string, style: TextStyle, box: { left: number; top: number; width: number }, align: Para['align'], last: boolean, indent = 0): number {
  if (text === '') return 0
  doc.font(style.face).fontSize(style.size)
  const width = doc.widthOfString(text)
  const room = pt(box.width - indent)
  const spaces = text.split(' ').length - 1
  // A justified line stretches its spaces to the margin; the paragraph's last line does not.
  const wordSpacing = align === 'justify' && !last && spaces > 0 ? (room - width) / spaces : 0
  const shown = align === 'justify' ? Math.min(width + wordSpacing * spaces, room) : width
  const x = pt(box.left + indent) + (align === 'center' ? (room - shown) / 2 : align === 'right' ? room - shown : 0)
  // The glyphs sit in the middle of the exact line height, as in the Word document.
  const y = pt(box.top) + (pt(style.line) - doc.currentLineHeight(true)) / 2
  doc.text(text, x, y, { lineBreak: false, wordSpacing, underline: style.underline ?? false })
  return width
}

/** Draws a paragraph's lines at their tops; `reach` opens the page of each line first. */
function drawPara(doc: Pdf, item: Para, lines: Spot[], left: number, width: number, reach: (page: number) => void = () => undefined): void {
  item.lines.forEach((text, index) => {
    const at = lines[index]
    if (!at) return
    reach(at.page)
    const drawn = drawLine(doc, text, item.style, { left, top: at.top, width }, item.align, index === item.lines.length - 1, index === 0 ? item.indent : 0)
    if (item.rule) {
      // The motto's rule: a solid line as long as the motto, under it.
      const x = pt(left) + (pt(width) - drawn) / 2
      const y = pt(at.top + item.style.line) + 1
      doc.lineWidth(0.75).moveTo(x, y).lineTo(x + drawn, y).stroke()
    }
  })
}

function drawColumns(doc: Pdf, item: Columns, top: number): void {
  let left = PAGE.left
  item.cells.forEach((cell, column) => {
    const width = item.widths[column] ?? 0
    let y = top
    for (const p of cell) {
      drawPara(
        doc,
        p,
        p.lines.map((_, index) => ({ page: 0, top: y + index * p.style.line })),
        left,
        width,
      )
      y += p.lines.length * p.style.line + p.after
    }
    left += width
  })
}

function drawRow(doc: Pdf, item: Grid, cells: string[][], height: number, top: number, head: boolean): void {
  const style = head ? STYLE.tableHead : STYLE.table
  let left = PAGE.left
  cells.forEach((lines, column) => {
    const width = item.widths[column] ?? 0
    doc.lineWidth(0.5).rect(pt(left), pt(top), pt(width), pt(height)).stroke()
    // Centred in the row's height, as the Word cells are.
    const first = top + (height - lines.length * style.line) / 2
    const align = head ? 'center' : (item.aligns[column] ?? 'left')
    lines.forEach((text, index) =>
      drawLine(doc, text, style, { left: left + CELL.x, top: first + index * style.line, width: width - 2 * CELL.x }, align, true),
    )
    left += width
  })
}

/** The report as a PDF stream; it ends once the last page is written. */
export function reviewReportPdf(data: ReviewReportData, writing: ReviewWriting | null = null): Pdf {
  const text = reviewReportText(data, writing)
  const parts = layOut(text)
  const doc = new PDFDocument({
    size: [pt(PAGE.width), pt(PAGE.height)],
    margins: { top: pt(PAGE.top), bottom: pt(PAGE.bottom), left: pt(PAGE.left), right: pt(PAGE.right) },
    info: { Title: `${text.title} ${text.subject}`, Author: text.author },
    lang: 'vi-VN',
    autoFirstPage: false,
  })
  for (const [face, file] of Object.entries(FONTS)) doc.registerFont(face, file)

  const width = PAGE.width - PAGE.left - PAGE.right
  for (const part of parts) {
    // Pages are opened as the layout reaches them; each part opens on a page of its own.
    let opened = -1
    const goTo = (page: number) => {
      while (opened < page) {
        doc.addPage()
        opened += 1
        // The page number of Party documents: none on a part's first page, then 2, 3, … centred at the top.
        if (opened > 0) drawLine(doc, String(opened + 1), STYLE.pageNumber, { left: PAGE.left, top: PAGE.header, width }, 'center', true)
      }
    }
    for (const placed of part.items) {
      switch (placed.kind) {
        case 'para':
          drawPara(doc, placed.item, placed.lines, PAGE.left, width, goTo)
          break
        case 'columns':
          goTo(placed.page)
          drawColumns(doc, placed.item, placed.top)
          break
        case 'grid': {
          const item = placed.item
          // The head is drawn again at the top of each page the table runs onto.
          for (const at of placed.head) {
            goTo(at.page)
            drawRow(doc, item, item.head, item.headHeight, at.top, true)
            item.rows.forEach((row, index) => {
              const spot = placed.rows[index]
              if (spot?.page !== at.page) return
              drawRow(doc, item, row.cells, row.height, spot.top, false)
            })
          }
          break
        }
      }
    }
    goTo(part.pages - 1)
  }
  doc.end()
  return doc
}
