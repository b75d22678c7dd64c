// The review report of a period, as the Party Office receives it: a Word document and a PDF whose
// numbers are the period's, worked out by hand from the fixture (test/helpers/review-report-fixture.ts).
import JSZip from 'jszip'
import { PDFParse } from 'pdf-parse'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Role } from '@/lib/auth/roles'
import type { CurrentUser } from '@/lib/auth/session'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { testDatabase } from '@/test/helpers/database'
import { reviewReportData, type ReviewReportData } from './review-report'
import { reviewReportDocx } from './review-report-docx'
import { NOW, reviewFixture } from '@/test/helpers/review-report-fixture'
import { reviewReportPdf } from './review-report-pdf'
import { reviewReportResponse } from './review-report-response'
import { overviewExport } from './exports/overview'
import { translatorFor, type Cell, type Sheet } from './exports/table'
import { fullReader } from '@/test/helpers/reader'
import { comparePages, ensureTools } from '@/scripts/report-pages'

const database = testDatabase()
let fixture: Awaited<ReturnType<typeof reviewFixture>>
let data: ReviewReportData

beforeAll(async () => {
  fixture = await reviewFixture(database.db)
  const [period] = await reportingPeriods(fullReader)
  if (!period) throw new Error('the fixture has a period')
  data = await reviewReportData(fullReader, period, NOW)
})

/** A run's text, its no-break hyphens ("19-NQ/TU") as hyphens. */
const runText = (run: string) => [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => m[1] ?? '-').join('')
/** A paragraph's text: its runs, one per line where the layout broke a title, joined by spaces. */
const paragraphText = (fragment: string) => [...fragment.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => runText(m[1] ?? '')).filter((t) => t !== '').join(' ')
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => paragraphText(m[1] ?? ''))

/** The text of each cell of each row of each table of a document.xml; a cell's paragraphs one a line. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphs(cell[1] ?? '').join('\n'))),
  )
}

const text = (xml: string) => paragraphs(xml).join('\n')

describe('the review report of a period that has ended', () => {
  test('speaks of the period\'s last day', () => {
    expect(data.asOfDay).toBe('2026-06-30')
    expect(data.totals).toMatchObject({ assigned: 3, doneOnTime: 1, doneLate: 0, overdue: 2, late: 2 })
    expect(data.late.map((item) => item.note?.text)).toEqual(['Đang rà soát các điểm trường thôn Khe Tâm', 'Thiếu nhân sự đủ tiêu chuẩn'])
  })

  test('the Word document has the Party letterhead, the sections and the period\'s numbers', async () => {
    const zip = await JSZip.loadAsync(await reviewReportDocx(data))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const words = text(xml)
    for (const line of [
      'ĐẢNG BỘ TỈNH QUẢNG NINH',
      'HUYỆN ỦY BA CHẼ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Ba Chẽ, ngày 30 tháng 6 năm 2026',
      'BÁO CÁO',
      'Sơ kết thực hiện Nghị quyết số 19-NQ/TU, ngày 03/3/2015 của Tỉnh ủy (Đề án 25)',
      '(Sơ kết đợt 1 thực hiện Đề án 25, từ ngày 01/5/2026 đến ngày 30/6/2026)',
      'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO',
      'II. KẾT QUẢ THỰC HIỆN',
      '5. Mô hình mới, cách làm hay',
      'III. HẠN CHẾ, NGUYÊN NHÂN',
      'IV. BÀI HỌC KINH NGHIỆM',
      'V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'Phụ lục 1',
      '(Kèm theo Báo cáo số       -BC/HU, ngày\u00a030/6/2026 của Ban Thường vụ Huyện ủy Ba Chẽ)',
    ])
      expect(words).toContain(line)
    expect(words).not.toContain('Ban Thường vụ Tỉnh ủy (Đề án 25)')
    // The resolution's number is never cut at its hyphen.
    expect(xml).toContain('Nghị quyết số 19</w:t><w:noBreakHyphen/><w:t xml:space="preserve">NQ/TU')
    // One date style: days below 10 and the months 1 and 2 with a leading zero, no other.
    expect(words).not.toMatch(/\b\d{1,2}\/0[3-9]\/\d{4}/)
    expect(words).toContain('toàn huyện có 3 nhiệm vụ được giao cho các cơ sở, đơn vị; đã hoàn thành 1 nhiệm vụ (đạt 33,3%)')
    // Who is in charge of what, from the tree, and the clerk's bracket for the rest of section I.
    expect(words).toContain('Phụ trách các xã, thị trấn: đồng chí Hoàng Văn An phụ trách Xã Đạp Thanh.')
    expect(words).toContain('[Văn phòng Huyện ủy bổ sung việc quán triệt, tuyên truyền Nghị quyết; thành lập Ban Chỉ đạo; các văn bản lãnh đạo, chỉ đạo đã ban hành.]')
    expect(words).toContain('Thiếu nhân sự đủ tiêu chuẩn')
    // The note returned on the period's last day, and everything said after it, are not there.
    expect(words).not.toContain('Đã có phương án nhân sự')
    expect(words).not.toContain('Giao quyền tự chủ')
    // UTF-8 intact: no mojibake (UTF-8 read as Latin-1: "Ã" before a continuation byte, "áº"), no replacement characters; "LÃNH" is Vietnamese.
    expect(xml).not.toMatch(/Ã[\u0080-\u00bf]|á[º»]|\uFFFD/)

    const [letterhead, indicators, closing, perCommune, perTask, perIndicator] = tables(xml)
    expect(letterhead?.[0]).toEqual(['ĐẢNG BỘ TỈNH QUẢNG NINH\nHUYỆN ỦY BA CHẼ\n*\nSố       -BC/HU', 'ĐẢNG CỘNG SẢN VIỆT NAM\nBa Chẽ, ngày 30 tháng 6 năm 2026'])
    expect(indicators).toEqual([
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả', 'Đạt (%)'],
      ['1', 'Sáp nhập điểm trường lẻ', 'điểm trường', '10', '4', '40%'],
    ])
    expect(closing?.[0]?.[1]).toBe('T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n[Họ và tên]')
    expect(perCommune).toEqual([
      ['TT', 'Xã, thị trấn', 'Ủy viên BTV phụ trách', 'Được giao', 'Hoàn thành', 'Quá hạn', 'Vướng mắc', 'Tiến độ'],
      ['1', 'Thị trấn Ba Chẽ', '–', '1', '0', '1', '1', '20%'],
      ['2', 'Xã Đạp Thanh', 'Hoàng Văn An', '2', '1', '1', '0', '75%'],
    ])
    expect(perTask).toEqual([
      ['TT', 'Nhiệm vụ', 'Thời hạn', 'Được giao', 'Hoàn thành', 'Quá hạn', 'Tiến độ'],
      ['1', 'Bố trí bí thư chi bộ kiêm trưởng thôn', '25/6/2026', '2', '1', '1', '60%'],
      ['2', 'Sáp nhập điểm trường lẻ', '20/6/2026', '1', '0', '1', '50%'],
    ])
    expect(perIndicator).toEqual(indicators)
    // A4 with margins of 25, 25, 35 and 15 mm, in twentieths of a point.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toMatch(/<w:pgMar w:top="1417" w:right="850" w:bottom="1417" w:left="1984"/)
  })

  test('the PDF says the same', async () => {
    const chunks: Buffer[] = []
    const pdf = reviewReportPdf(data)
    for await (const chunk of pdf) chunks.push(chunk as Buffer)
    const parser = new PDFParse({ data: Buffer.concat(chunks) })
    const { text: content } = await parser.getText()
    await parser.destroy()
    const flat = content.replace(/\s+/g, ' ')
    expect(flat).toContain('BÁO CÁO')
    expect(flat).toContain('HUYỆN ỦY BA CHẼ')
    expect(flat).toContain('Xã Đạp Thanh')
    expect(flat).toContain('Hoàng Văn An')
    expect(flat).toContain('toàn huyện có 3 nhiệm vụ')
    expect(flat).toContain('Thiếu nhân sự đủ tiêu chuẩn')
  })
})

describe('the report of the fixture rendered by LibreOffice', () => {
  test('falls into the PDF\'s pages: the report, then each annex on pages of its own', async () => {
    ensureTools(false)
    const chunks: Buffer[] = []
    for await (const chunk of reviewReportPdf(data)) chunks.push(chunk as Buffer)
    const result = comparePages(await reviewReportDocx(data), Buffer.concat(chunks))
    expect(result.pdfPages.slice(-3)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3'])
    expect(result.docxPages).toEqual(result.pdfPages)
  }, 120_000)
})

describe('a report with the office\'s writing', () => {
  test('prints the number, the day it is signed, the signer, the recipients and the written section instead of the clerk\'s brackets', async () => {
    const writing = {
      sections: { leadership: '', results: '', goodPractices: '', shortcomings: '', lessons: '', directions: 'Tập trung hoàn thành sắp xếp các điểm trường.' },
      number: '125',
      issuedOn: '2026-07-03',
      signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Lê Văn Hùng' },
      recipients: ['Ban Thường vụ Tỉnh ủy (b/c)', 'Lưu Văn phòng Huyện ủy'],
    }
    const words = text((await (await JSZip.loadAsync(await reviewReportDocx(data, writing))).file('word/document.xml')?.async('string')) ?? '')
    for (const line of ['Số 125-BC/HU', 'Ba Chẽ, ngày 03 tháng 7 năm 2026', 'PHÓ BÍ THƯ', 'Lê Văn Hùng', '- Ban Thường vụ Tỉnh ủy (b/c),', '- Lưu Văn phòng Huyện ủy.', 'Tập trung hoàn thành sắp xếp các điểm trường.'])
      expect(words).toContain(line)
    expect(words).not.toContain('[Họ và tên]')
    expect(words).not.toContain('bổ sung phương hướng')
  })
})

describe('downloading the report', () => {
  // The fixture's units are not placed in a tree: every account reads the whole deployment.
  const userOf = (actor: { id: string; role: Role; unitId: string; memberId: string | null }): CurrentUser => ({
    ...actor,
    scopeUnitId: null,
    username: 'u',
    displayName: 'u',
    unit: { code: 'u', name: 'u' },
  })
  const request = (user: CurrentUser | null, query: string) => reviewReportResponse(user, new URLSearchParams(query), { now: NOW, ip: '10.0.0.1' })
  const audits = () => database.db.auditEvent.findMany({ where: { action: 'report.create' }, orderBy: { id: 'asc' } })

  test('staff of a commune, and anyone not signed in, get a 404 and nothing is written', async () => {
    const staff = userOf(fixture.staff)
    for (const user of [staff, null]) {
      const response = await request(user, 'period=so-ket-dot-1&format=docx')
      expect(response.status).toBe(404)
    }
    expect(await audits()).toEqual([])
  })

  test('a leader downloads the Word document of a period, and it is audited', async () => {
    const response = await request(userOf(fixture.reviewer), 'period=so-ket-dot-1&format=docx')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="bao-cao-so-ket-dot-1-2026-06-30.docx"')
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000)
    const [event] = await audits()
    expect(event).toMatchObject({ actorId: fixture.reviewer.id, entity: 'ReportingPeriod', entityId: 'so-ket-dot-1', after: { format: 'docx' }, ip: '10.0.0.1' })
  })

  test('an administrator downloads the PDF of the default period', async () => {
    const admin = await database.db.user.create({ data: { username: 'quan-tri', displayName: 'Quản trị', passwordHash: 'x', role: 'ADMIN', unitId: fixture.district.id } })
    const response = await request(userOf(admin), 'format=pdf')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    expect((await audits()).at(-1)).toMatchObject({ actorId: admin.id, after: { format: 'pdf' } })
  })

  test('an unknown period or format is not found', async () => {
    const before = (await audits()).length
    expect((await request(userOf(fixture.reviewer), 'period=khong-co&format=docx')).status).toBe(404)
    expect((await request(userOf(fixture.reviewer), 'period=so-ket-dot-1&format=odt')).status).toBe(404)
    expect(await audits()).toHaveLength(before)
  })

  test('a range of days of the clerk\'s choosing gives the report as of its last day, named after the range', async () => {
    const response = await request(userOf(fixture.reviewer), 'from=2026-05-01&to=2026-06-30&kind=FINAL&format=docx')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="bao-cao-tong-ket-tu-2026-05-01-2026-06-30.docx"')
    const zip = await JSZip.loadAsync(await response.arrayBuffer())
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(text(xml)).toContain('Tổng kết thực hiện Nghị quyết')
    expect(text(xml)).toContain('(Từ ngày 01/5/2026 đến ngày 30/6/2026)')
    // The same numbers as the period ending that day: the per-commune table is identical.
    const periodXml = (await (await JSZip.loadAsync(await reviewReportDocx(data))).file('word/document.xml')?.async('string')) ?? ''
    expect(tables(xml)).toEqual(tables(periodXml))
    expect((await audits()).at(-1)).toMatchObject({ entity: 'ReportRange', entityId: '2026-05-01/2026-06-30', after: { format: 'docx' } })
  })

  test('a range whose days are missing, malformed or in the wrong order is not found, and nothing is written', async () => {
    const before = (await audits()).length
    for (const query of ['from=2026-06-30&to=2026-05-01', 'from=2026-05-01', 'from=01/05/2026&to=2026-06-30', 'to=2026-02-30&from=2026-01-01'])
      expect((await request(userOf(fixture.reviewer), `${query}&format=pdf`)).status).toBe(404)
    expect(await audits()).toHaveLength(before)
  })
})

async function rowsOf(sheet: Sheet | undefined): Promise<Cell[][]> {
  const rows: Cell[][] = []
  for await (const row of sheet?.rows ?? []) rows.push(row)
  return rows
}

describe('the same period on the page, in the spreadsheet and in the report', () => {
  test('the overview exported as of the period\'s last day has the report\'s numbers', async () => {
    const document = await overviewExport(translatorFor('vi'), NOW, new URLSearchParams({ asOf: data.asOfDay }), fullReader)
    expect(document.title).toContain('30/06/2026')
    const summary = await rowsOf(document.sheets[0])
    // Assigned, due, done, share done on time: 3, 3, 1, 33% (1 on time of 1 on time + 2 overdue).
    expect(summary.slice(0, 4).map((row) => row[1])).toEqual([data.totals.assigned, data.totals.due, 1, 33])
    expect(data.totals).toMatchObject({ assigned: 3, due: 3 })
    const ranking = await rowsOf(document.sheets[3])
    expect(ranking.map((row) => row[1]).sort()).toEqual(data.communes.map((c) => c.name).sort())
  })

  test('without a day, or with a day not yet ended, the spreadsheet shows today\'s state', async () => {
    for (const search of [new URLSearchParams(), new URLSearchParams({ asOf: '2099-01-01' }), new URLSearchParams({ asOf: '30/06/2026' })]) {
      const document = await overviewExport(translatorFor('vi'), NOW, search, fullReader)
      expect(document.title).toContain('15/07/2026')
    }
  })
})
