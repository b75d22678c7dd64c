// The layout of a Party document (Hướng dẫn 36-HD/VPTW) in the review report's two files, and the
// Word file falling into the PDF's pages when LibreOffice renders it. A report of several pages
// built in memory (test/helpers/review-report-long.ts); no database.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, test } from 'vitest'
import { comparePages, ensureTools } from '@/scripts/report-pages'
import { LONG_WRITING, longReviewData } from '@/test/helpers/review-report-long'
import { reviewReportDocx } from './review-report-docx'
import { reviewReportPdf } from './review-report-pdf'
import type { ReviewWriting } from './review-writing'

async function pdfOf(writing: ReviewWriting | null, lateItems?: number, taskCount?: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of reviewReportPdf(longReviewData(lateItems, taskCount), writing)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Each page's lines, as pdftotext reads them. */
function pdfPages(pdf: Buffer): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'report-layout-'))
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf)
    const pages = execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\f')
    if (pages.at(-1)?.trim() === '') pages.pop()
    return pages.map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

let files: Record<string, string>
beforeAll(async () => {
  const zip = await JSZip.loadAsync(await reviewReportDocx(longReviewData(), LONG_WRITING))
  files = {}
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = (await zip.file(name)?.async('string')) ?? ''
})
const documentXml = () => files['word/document.xml'] ?? ''

/** The header part a section's reference of `type` points to. */
function headerOf(sectPr: string, type: 'default' | 'first'): string {
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sectPr)?.[1]
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(files['word/_rels/document.xml.rels'] ?? '')
  return files[`word/${target?.[1] ?? target?.[2]}`] ?? ''
}

describe('the Word document in the layout of Party documents', () => {
  test('A4, the margins of Party documents (top and bottom 25, left 35, right 15 mm), Times New Roman, the page number 10 mm from the top', () => {
    expect(documentXml()).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(documentXml()).toMatch(/<w:pgMar w:top="1417" w:right="850" w:bottom="1417" w:left="1984" w:header="567"/)
    expect(files['word/styles.xml']).toContain('w:ascii="Times New Roman"')
  })

  test('the motto is 15 pt bold with a rule under it; the issuing body 14 pt bold; the place and date 14 pt italic; the kind 16 pt bold', () => {
    const paragraphWith = (text: string) => [...documentXml().matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? '').find((p) => p.includes(`>${text}<`)) ?? ''
    const motto = paragraphWith('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(motto).toMatch(/<w:b\/>/)
    expect(motto).toMatch(/<w:sz w:val="30"\/>/)
    expect(motto).toMatch(/<w:pBdr><w:bottom w:val="single"/)
    expect(paragraphWith('HUYỆN ỦY BA CHẼ')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/)
    expect(paragraphWith('Ba Chẽ, ngày 03 tháng 7 năm 2026')).toMatch(/<w:i\/>[\s\S]*<w:sz w:val="28"\/>/)
    expect(paragraphWith('BÁO CÁO')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="32"\/>/)
    expect(paragraphWith('Nơi nhận:')).toMatch(/<w:sz w:val="28"\/>[\s\S]*<w:u w:val="single"\/>/)
    expect(paragraphWith('- Lưu Văn phòng Huyện ủy.')).toMatch(/<w:sz w:val="24"\/>/)
  })

  test('page numbers are PAGE fields in the header from the second page: each part has a different first page with no number', () => {
    const sections = [...documentXml().matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1] ?? '')
    // The report, then its three annexes, each numbering its own pages.
    expect(sections).toHaveLength(4)
    for (const sectPr of sections) {
      expect(sectPr).toContain('<w:titlePg/>')
      expect(sectPr).toContain('<w:pgNumType w:start="1"/>')
      expect(headerOf(sectPr, 'default')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/)
      expect(headerOf(sectPr, 'default')).toMatch(/<w:jc w:val="center"\/>/)
      expect(headerOf(sectPr, 'first')).not.toContain('PAGE')
    }
  })

  test('the signature block is kept with the text above it: the last paragraph keeps with the next and its lines together, the block is one row never split', () => {
    const body = documentXml()
    const closing = body.indexOf('T/M BAN THƯỜNG VỤ')
    const tableStart = body.lastIndexOf('<w:tbl>', closing)
    // The text's last paragraph, then the blank line above the block: each keeps with the next.
    const [last, blank] = [...body.slice(0, tableStart).matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].slice(-2).map((m) => m[1] ?? '')
    expect(last).toContain('Đề nghị Ban Thường vụ Tỉnh ủy quan tâm hỗ trợ kinh phí')
    expect(blank).not.toContain('<w:t')
    for (const paragraph of [last, blank]) {
      expect(paragraph).toMatch(/<w:keepNext\/>/)
      expect(paragraph).toMatch(/<w:keepLines\/>/)
    }
    const row = body.slice(tableStart, body.indexOf('</w:tbl>', closing))
    expect(row).toMatch(/<w:cantSplit\/>/)
    expect(row).toMatch(/<w:trHeight w:val="\d+" w:hRule="exact"\/>/)
  })
})

describe('a table over several pages', () => {
  test('is a table of its own on each page, each with the head, after a page break', async () => {
    const zip = await JSZip.loadAsync(await reviewReportDocx(longReviewData(6, 70), LONG_WRITING))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const annex = xml.slice(xml.indexOf('>Phụ lục 2<'), xml.indexOf('>Phụ lục 3<'))
    const tables = [...annex.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] ?? '')
    expect(tables.length).toBeGreaterThanOrEqual(3)
    for (const table of tables) expect(table).toMatch(/^[\s\S]*?<w:tr>\s*<w:trPr>[\s\S]*?<w:tblHeader\/>[\s\S]*?>Nhiệm vụ</)
    // Between two parts of the table, a page break.
    expect(annex.split('<w:pageBreakBefore/>').length - 1).toBe(tables.length - 1)
    const rows = tables.reduce((sum, table) => sum + (table.match(/<w:tr>/g)?.length ?? 0) - 1, 0)
    expect(rows).toBe(70)
  })
})

describe('the PDF', () => {
  test('numbers its pages from the second, centred at the top; each annex from its own second page', async () => {
    const pages = pdfPages(await pdfOf(LONG_WRITING))
    expect(pages.length).toBeGreaterThanOrEqual(6)
    expect(pages[0]?.[0]).toMatch(/^ĐẢNG BỘ TỈNH QUẢNG NINH\s+ĐẢNG CỘNG SẢN VIỆT NAM$/)
    const annexStart = pages.findIndex((lines) => lines[0] === 'Phụ lục 1')
    expect(annexStart).toBeGreaterThan(1)
    for (let page = 1; page < annexStart; page++) expect(pages[page]?.[0]).toBe(String(page + 1))
    for (const label of ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']) expect(pages.some((lines) => lines[0] === label)).toBe(true)
    // The signature with the text's last paragraph, never alone.
    const signed = pages.find((lines) => lines.some((line) => line.includes('T/M BAN THƯỜNG VỤ'))) ?? []
    expect(signed.join(' ')).toContain('chữa cơ sở vật chất các trường sau sáp nhập.')
  })
})

describe('LibreOffice renders the Word document into the PDF\'s pages', () => {
  // No skip: a machine without LibreOffice fails here (CI installs libreoffice-writer-nogui).
  test.each([
    ['every section written', LONG_WRITING, 24, 12],
    ['the clerk\'s brackets, a longer list of late work', null, 40, 12],
    ['an annex of tasks over three pages', LONG_WRITING, 6, 70],
  ])('%s: the same page count and the same first line on each page', async (_name, writing, lateItems, taskCount) => {
    ensureTools(false)
    const docx = await reviewReportDocx(longReviewData(lateItems, taskCount), writing)
    const result = comparePages(docx, await pdfOf(writing, lateItems, taskCount))
    expect(result.pdfPages.length).toBeGreaterThanOrEqual(6)
    expect(result.docxPages).toEqual(result.pdfPages)
  }, 120_000)
})
