// The review report laid out once, for both files: every paragraph wrapped into lines with the
// fonts the PDF embeds (Tinos, metric-compatible with Times New Roman, which Word and LibreOffice
// substitute with Liberation Serif), and every page break decided here. The PDF draws these lines
// where they stand; the Word document takes the same exact line heights, row heights and page
// breaks, so that it falls into the same pages (scripts/report-pages.ts checks it).
import { join } from 'node:path'
import { openSync, type Font } from 'fontkit'
import type { ReviewReportText, TableColumn } from './review-report-text'

export const FONT_DIR = join(process.cwd(), 'node_modules/@expo-google-fonts/tinos')
export const FONTS = {
  regular: join(FONT_DIR, '400Regular/Tinos_400Regular.ttf'),
  bold: join(FONT_DIR, '700Bold/Tinos_700Bold.ttf'),
  italic: join(FONT_DIR, '400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: join(FONT_DIR, '700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const
export type Face = keyof typeof FONTS

/** Twentieths of a point: Word's unit, and this layout's, so that both files use the same whole numbers. */
export const twip = (millimetres: number) => Math.round((millimetres * 1440) / 25.4)
export const pt = (twips: number) => twips / 20

/**
 * The page of Party documents (Hướng dẫn 36-HD/VPTW, on paper, margins and page numbers): A4; the
 * front of a sheet 25 mm from the top and bottom edges, 35 mm from the left, 15 mm from the right;
 * the page number from the second page, 10 mm from the top edge, centred over the text.
 */
export const PAGE = {
  width: twip(210),
  height: twip(297),
  top: twip(25),
  bottom: twip(25),
  left: twip(35),
  right: twip(15),
  header: twip(10),
} as const
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right

/**
 * Sizes of Phụ lục 3 of the guidance: the motto 15 pt bold capitals; the superior body 14 pt
 * capitals, the issuing body 14 pt bold capitals; the number 14 pt; place and date 14 pt italic;
 * the document's kind 15-16 pt bold capitals, its summary 14-15 pt bold; the text 14-15 pt; the
 * signer's authority and title 14 pt bold capitals, the name 14 pt bold; "Nơi nhận" 14 pt
 * underlined, the recipients 12 pt; page numbers 14 pt.
 */
export type TextStyle = { face: Face; size: number; /** exact line height, twips */ line: number; underline?: boolean }
export const STYLE = {
  body: { face: 'regular', size: 14, line: 360 },
  bold: { face: 'bold', size: 14, line: 360 },
  italic: { face: 'italic', size: 14, line: 360 },
  motto: { face: 'bold', size: 15, line: 380 },
  kind: { face: 'bold', size: 16, line: 400 },
  table: { face: 'regular', size: 13, line: 320 },
  tableHead: { face: 'bold', size: 13, line: 320 },
  recipientsTitle: { face: 'regular', size: 14, line: 360, underline: true },
  recipients: { face: 'regular', size: 12, line: 300 },
  pageNumber: { face: 'regular', size: 14, line: 320 },
  /** The empty paragraph that ends each part in Word (a section's properties are written into it). */
  tail: { face: 'regular', size: 1, line: 20 },
} as const satisfies Record<string, TextStyle>

/** Space after a paragraph of the text, the first line's indent, and a table cell's padding, in twips. */
export const AFTER = 120
export const INDENT = twip(10)
export const CELL = { x: 60, y: 40 } as const
/** Room for the signature between the signer's title and name. */
export const SIGNATURE_GAP = 1440

export type Align = 'left' | 'center' | 'right' | 'justify'

/** A paragraph, wrapped: `lines` are what each line holds. */
export type Para = {
  kind: 'para'
  style: TextStyle
  align: Align
  /** First-line indent, twips. */
  indent: number
  after: number
  /** Kept on the page of what follows (a heading; the last paragraph before the signature). */
  keepNext: boolean
  /** A rule under the text, as long as the text (the motto's). */
  rule: boolean
  text: string
  lines: string[]
}

/** Borderless columns of one row (the letterhead, the recipients beside the signature), of an exact height. */
export type Columns = { kind: 'columns'; widths: number[]; cells: Para[][]; height: number }

/** A ruled table whose head repeats on each page; its rows are never split and have exact heights. */
export type Grid = {
  kind: 'grid'
  widths: number[]
  aligns: TableColumn['align'][]
  head: string[][]
  headHeight: number
  rows: { cells: string[][]; height: number }[]
}

export type Item = Para | Columns | Grid

/** A part that starts on a new page with its own page numbers: the report, then each annex. */
export type Part = { items: Item[] }

/** Where the layout put each item: the page (from 0, within its part) and the top, twips from the page's top. */
export type Spot = { page: number; top: number }
export type Placed =
  | { kind: 'para'; item: Para; page: number; lines: Spot[] }
  | { kind: 'columns'; item: Columns; page: number; top: number }
  | { kind: 'grid'; item: Grid; page: number; head: Spot[]; rows: Spot[] }

export type LaidOutPart = { items: Placed[]; pages: number; /** the items that open a page other than the part's first */ pageStarts: Set<Item> }

/**
 * How much wider LibreOffice finds a line than its exact width, in twips: it places glyphs on whole
 * units. Seen: a line 0.95 twip narrower than its room kept its last word, one 0.4 narrower did not.
 */
const WIDER = 0.7
/** Twips: how far a line's width summed word by word may be from its whole measure (the kerning at its spaces). */
const NEAR = 200

/** Measures text with the PDF's own font files, shaped whole as LibreOffice and Word shape a run (kerning across spaces too). */
export class Measure {
  private readonly fonts = new Map<Face, Font>()

  private font(face: Face): Font {
    let font = this.fonts.get(face)
    if (!font) {
      const opened = openSync(FONTS[face])
      if (!('layout' in opened)) throw new Error(`${FONTS[face]} is a font collection`)
      font = opened
      this.fonts.set(face, font)
    }
    return font
  }

  /** Widths already measured: the same words and cells come back across a report. */
  private readonly widths = new Map<string, number>()

  /** Twips. */
  width(text: string, style: Pick<TextStyle, 'face' | 'size'>): number {
    const key = `${style.face}:${style.size}:${text}`
    const known = this.widths.get(key)
    if (known !== undefined) return known
    const font = this.font(style.face)
    const advance = font.layout(text).positions.reduce((sum, position) => sum + position.xAdvance, 0)
    const width = (advance * style.size * 20) / font.unitsPerEm
    this.widths.set(key, width)
    return width
  }

  /** Whether `text` fits in `room` twips as LibreOffice decides it: its measure runs a few twips wider than the exact one. */
  fits(text: string, style: Pick<TextStyle, 'face' | 'size'>, room: number): boolean {
    return this.width(text, style) + WIDER <= room
  }

  /**
   * Greedy wrapping at spaces, as Word and LibreOffice wrap (no hyphenation): a line holds the
   * words whose width, trailing space left out, fits. A word wider than a whole line is cut
   * between letters, as they cut it.
   */
  wrap(text: string, style: Pick<TextStyle, 'face' | 'size'>, width: number, firstIndent = 0): string[] {
    const lines: string[] = []
    const room = () => width - (lines.length === 0 ? firstIndent : 0)
    let current = ''
    // The line's width so far, summed word by word: off by the kerning at the spaces, so a line
    // near its end is measured whole (NEAR), and only then, or shaping each line anew costs seconds.
    let currentWidth = 0
    // A hyphen inside a word never breaks the line ("19-NQ/TU" stays whole): the Word document writes it as a no-break hyphen.
    for (const word of text.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`
      const estimate = current === '' ? this.width(word, style) : currentWidth + this.width(` ${word}`, style)
      const fits = estimate + NEAR < room() ? true : estimate - NEAR > room() ? false : this.fits(candidate, style, room())
      if (fits) {
        current = candidate
        currentWidth = estimate
        continue
      }
      if (current !== '') lines.push(current)
      current = ''
      currentWidth = 0
      for (const letter of word) {
        if (current !== '' && !this.fits(current + letter, style, room())) {
          lines.push(current)
          current = ''
        }
        current += letter
      }
      currentWidth = this.width(current, style)
    }
    lines.push(current)
    return lines
  }

  /**
   * As few lines as greedy wrapping gives, but as even as they can be: a centred title does not
   * end on a lone word. The narrowest width that still gives that many lines, found by halving.
   */
  balanced(text: string, style: Pick<TextStyle, 'face' | 'size'>, width: number): string[] {
    const greedy = this.wrap(text, style, width)
    if (greedy.length < 2) return greedy
    // Never narrower than the widest word: evening the lines must not cut a word.
    const widest = Math.max(...text.split(' ').map((word) => this.width(word, style)))
    if (widest >= width) return greedy
    let [low, high] = [Math.max(width / greedy.length, widest), width]
    while (high - low > 20) {
      const middle = (low + high) / 2
      if (this.wrap(text, style, middle).length > greedy.length) low = middle
      else high = middle
    }
    return this.wrap(text, style, high)
  }
}

/**
 * Lines that are not justified are written into the Word document as they are here, with line
 * breaks; they are wrapped a hair narrower than their room, so that Word's and LibreOffice's own
 * measure never needs to wrap them again.
 */
export const SAFETY = 40

/** Justified text wraps to its full room; other text a hair narrower (SAFETY), centred text as even as it can be. */
function lay(measure: Measure, text: string, style: TextStyle, align: Align, width: number, indent = 0): string[] {
  if (align === 'justify') return measure.wrap(text, style, width, indent)
  return align === 'center' ? measure.balanced(text, style, width - SAFETY) : measure.wrap(text, style, width - SAFETY, indent)
}

type ParaOptions = Partial<Pick<Para, 'align' | 'indent' | 'after' | 'keepNext' | 'rule'>>

function para(measure: Measure, text: string, style: TextStyle, width: number, options: ParaOptions = {}): Para {
  const indent = options.indent ?? 0
  return {
    kind: 'para',
    style,
    align: options.align ?? 'left',
    indent,
    after: options.after ?? 0,
    keepNext: options.keepNext ?? false,
    rule: options.rule ?? false,
    text,
    lines: lay(measure, text, style, options.align ?? 'left', width, indent),
  }
}

const paraHeight = (p: Para) => p.lines.length * p.style.line + p.after

/** Columns of one row, as high as their tallest cell. */
function columns(widths: number[], cells: Para[][]): Columns {
  return { kind: 'columns', widths, cells, height: Math.max(...cells.map((cell) => cell.reduce((sum, p) => sum + paraHeight(p), 0))) }
}

/** Column widths in whole twips that add up to the text's width. */
function widthsOf(columnsOf: TableColumn[]): number[] {
  const widths = columnsOf.map((c) => Math.floor(TEXT_WIDTH * c.width))
  const last = widths.length - 1
  widths[last] = TEXT_WIDTH - widths.slice(0, last).reduce((a, b) => a + b, 0)
  return widths
}

function grid(measure: Measure, columnsOf: TableColumn[], rows: string[][]): Grid {
  const widths = widthsOf(columnsOf)
  const row = (cells: string[], style: TextStyle, head = false) => {
    const wrapped = cells.map((text, column) => lay(measure, text, style, head ? 'center' : (columnsOf[column]?.align ?? 'left'), (widths[column] ?? 0) - 2 * CELL.x))
    return { cells: wrapped, height: Math.max(...wrapped.map((lines) => lines.length)) * style.line + 2 * CELL.y }
  }
  const head = row(
    columnsOf.map((c) => c.title),
    STYLE.tableHead,
    true,
  )
  return { kind: 'grid', widths, aligns: columnsOf.map((c) => c.align), head: head.cells, headHeight: head.height, rows: rows.map((cells) => row(cells, STYLE.table)) }
}

/** The report's parts: the report itself, then each annex. */
export function reportParts(text: ReviewReportText, measure: Measure): Part[] {
  const full = TEXT_WIDTH
  const body = (content: string, style: TextStyle = STYLE.body, options: ParaOptions = {}) =>
    para(measure, content, style, full, { align: 'justify', indent: INDENT, after: AFTER, ...options })
  const centred = (content: string, style: TextStyle, options: ParaOptions = {}) => para(measure, content, style, full, { align: 'center', ...options })

  // Letterhead: the issuing body left, the motto and the place-date line right (ô 1-4 of the guidance's Phụ lục 1).
  const leftWidth = Math.round(TEXT_WIDTH * 0.45)
  const rightWidth = TEXT_WIDTH - leftWidth
  const letterhead = columns(
    [leftWidth, rightWidth],
    [
      text.issuer.map((entry) => para(measure, entry.line, entry.bold ? STYLE.bold : STYLE.body, leftWidth, { align: 'center' })),
      [
        para(measure, text.motto, STYLE.motto, rightWidth, { align: 'center', rule: true, after: 240 }),
        para(measure, text.placeAndDate, STYLE.italic, rightWidth, { align: 'center' }),
      ],
    ],
  )

  const items: Item[] = [
    letterhead,
    centred('', STYLE.body),
    centred(text.title, STYLE.kind),
    centred(text.subject, STYLE.bold),
    centred(text.periodLine, STYLE.italic),
    centred('-----', STYLE.body, { after: AFTER }),
  ]
  for (const block of text.body) {
    switch (block.kind) {
      case 'heading':
      case 'subheading':
        items.push(body(block.text, STYLE.bold, { keepNext: true }))
        break
      case 'paragraph':
        items.push(body(block.text))
        break
      case 'bullet':
        items.push(body(`- ${block.text}`))
        break
      case 'placeholder':
        items.push(body(block.text, STYLE.italic))
        break
      case 'table':
        items.push(grid(measure, block.columns, block.rows), centred('', STYLE.table))
        break
    }
  }
  // The signature is never alone on its page: the text's last paragraph goes with it.
  const last = items.at(-1)
  if (last?.kind === 'para') last.keepNext = true
  items.push(para(measure, '', STYLE.body, full, { keepNext: true }))

  const half = Math.round(TEXT_WIDTH / 2)
  const closing = columns(
    [half, TEXT_WIDTH - half],
    [
      [
        para(measure, text.recipients.title, STYLE.recipientsTitle, half),
        ...text.recipients.lines.map((entry) => para(measure, entry, STYLE.recipients, half)),
      ],
      [
        ...text.signature.lines.map((entry) => para(measure, entry, STYLE.bold, TEXT_WIDTH - half, { align: 'center' })),
        para(measure, '', STYLE.body, TEXT_WIDTH - half, { after: SIGNATURE_GAP }),
        para(measure, text.signature.name, STYLE.bold, TEXT_WIDTH - half, { align: 'center' }),
      ],
    ],
  )
  items.push(closing)

  const annexes = text.annexes.map(
    (annex): Part => ({
      items: [
        centred(annex.label, STYLE.bold),
        centred(annex.title, STYLE.bold),
        centred(annex.reference, STYLE.italic),
        centred('-----', STYLE.body, { after: AFTER }),
        annex.table.rows.length > 0 ? grid(measure, annex.table.columns, annex.table.rows) : body(annex.empty),
      ],
    }),
  )
  const tail = () => para(measure, '', STYLE.tail, full)
  return [{ items }, ...annexes].map((part) => ({ items: [...part.items, tail()] }))
}

const PAGE_TOP = PAGE.top
const PAGE_BOTTOM = PAGE.height - PAGE.bottom
/**
 * Room left unused at each page's foot, and the page breaks written into the Word document: should
 * Word or LibreOffice wrap a paragraph of the page into one line more than here (a word at the very
 * end of a line), the page still holds it, and the next page starts where the PDF's does.
 */
export const SLACK = STYLE.body.line
/** A table that starts a page, or runs onto one, follows a page-break paragraph of the tail's height. */
export const BREAK = STYLE.tail.line

/** Height of the start of an item: what keep-with-next keeps on the page with the paragraph before it. */
function leadHeight(item: Item | undefined): number {
  if (!item) return 0
  if (item.kind === 'para') return (item.lines.length > 0 ? item.style.line : 0) + (item.lines.length === 1 ? item.after : 0)
  if (item.kind === 'columns') return item.height
  return item.headHeight + (item.rows[0]?.height ?? 0)
}

/**
 * Pages a part. A paragraph is kept whole (keep lines together), and with the start of what follows
 * when it keeps with the next; the run of such paragraphs moves as one. A table breaks between rows,
 * its head repeated (the Word document then starts a table of its own on the new page). The columns
 * (letterhead, signature block) are one row that is never split.
 */
export function paginate(part: Part): LaidOutPart {
  const placed: Placed[] = []
  const pageStarts = new Set<Item>()
  let page = 0
  let y = PAGE_TOP
  const newPage = () => {
    page += 1
    y = PAGE_TOP
  }
  const fits = (height: number) => y + height <= PAGE_BOTTOM - SLACK
  const items = part.items
  for (let index = 0; index < items.length; index++) {
    const item = items[index]
    if (!item) continue
    if (item.kind === 'para') {
      // The chain of paragraphs kept with the next, and the start of what ends it, must share a page.
      let chain = 0
      let end = index
      while (true) {
        const current = items[end]
        if (!current || current.kind !== 'para' || !current.keepNext) break
        chain += paraHeight(current)
        end += 1
      }
      const needed = chain > 0 ? chain + leadHeight(items[end]) : paraHeight(item) - item.after
      if (y > PAGE_TOP && !fits(needed) && needed <= PAGE_BOTTOM - SLACK - PAGE_TOP) {
        newPage()
        pageStarts.add(item)
      }
      const lines = item.lines.map(() => {
        if (!fits(item.style.line) && y > PAGE_TOP) newPage()
        const line = { page, top: y }
        y += item.style.line
        return line
      })
      y += item.after
      placed.push({ kind: 'para', item, page: lines[0]?.page ?? page, lines })
    } else if (item.kind === 'columns') {
      if (y > PAGE_TOP && !fits(item.height)) {
        newPage()
        pageStarts.add(item)
        y += BREAK
      }
      placed.push({ kind: 'columns', item, page, top: y })
      y += item.height
    } else {
      if (y > PAGE_TOP && !fits(leadHeight(item))) {
        newPage()
        pageStarts.add(item)
        y += BREAK
      }
      const start = page
      const head = [{ page, top: y }]
      y += item.headHeight
      const rows = item.rows.map((row) => {
        if (!fits(row.height)) {
          newPage()
          y += BREAK
          head.push({ page, top: y })
          y += item.headHeight
        }
        const at = { page, top: y }
        y += row.height
        return at
      })
      placed.push({ kind: 'grid', item, page: start, head, rows })
    }
  }
  return { items: placed, pages: page + 1, pageStarts }
}

/** The report laid out: its parts, each paginated. */
export function layOut(text: ReviewReportText, measure: Measure = new Measure()): LaidOutPart[] {
  return reportParts(text, measure).map(paginate)
}
