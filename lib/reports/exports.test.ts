import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { factories } from '@/test/helpers/factories'
import { testDatabase } from '@/test/helpers/database'
import { exportDownload, type DownloadInput } from './exports/download'

// The convention's light fills (ARGB): red for overdue, violet for blocked, grey for not started.
const RED = 'FFFECACA'
const VIOLET = 'FFDDD6FE'
const GREY = 'FFE2E8F0'

const database = testDatabase()
const make = factories(() => database.db)
/** 12:00 on 28/11/2026 in Ba Chẽ. */
const now = new Date('2026-11-28T05:00:00Z')
let leader: CurrentUser
/** Staff of Nam Sơn: they read Minh Cầm's list, not its details. */
let namSonStaff: CurrentUser
const comment = 'Đạt yêu cầu; tiếp tục hoàn thiện hồ sơ.'
const reportNote = 'Đã rà soát 3/5 thôn, còn Khe Tính và Nà Làng.'

beforeAll(async () => {
  const d = database.db
  // The district names the overview's title (lib/queries/organisation.ts).
  await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const an = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
  await d.member.create({ data: { code: 'uv-binh', name: 'Lê Thị Bình', title: 'Ủy viên Ban Thường vụ' } })
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', inChargeMemberId: an.id } })
  const namSon = await d.unit.create({ data: { code: 'nam-son', name: 'Xã Nam Sơn', kind: 'COMMUNE' } })
  const group = await d.taskGroup.create({ data: { code: 'nhom-1', name: 'Phát triển kinh tế', leadMemberId: an.id } })
  const task = (code: string, title: string, dueDate: string, indicator = false) =>
    d.task.create({
      data: { code, groupId: group.id, title, dueDate: new Date(dueDate), scope: 'COMMUNE', ...(indicator ? { indicatorUnit: 'chức danh', indicatorTarget: 10 } : {}) },
    })
  const past = await task('qua-han', 'Rà soát quy hoạch “vùng trồng quế”', '2026-10-01')
  const later = await task('sau-nay', 'Xây dựng mô hình, dự án', '2099-12-31')
  const soon = await task('sap-den', 'Kiện toàn chức danh', '2026-12-05', true)
  const assign = (taskId: string, unitId: string, data: { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress: number; completedAt?: string; indicatorActual?: number }) =>
    d.assignment.create({ data: { taskId, unitId, status: data.status, progress: data.progress, completedAt: data.completedAt ? new Date(data.completedAt) : null, indicatorActual: data.indicatorActual ?? null } })
  // Minh Cầm: overdue (40%), done on time (100%), not started and due soon (0%, 4 of 10 reported).
  const overdue = await assign(past.id, minhCam.id, { status: 'IN_PROGRESS', progress: 40 })
  await assign(later.id, minhCam.id, { status: 'DONE', progress: 100, completedAt: '2026-11-01T03:00:00Z' })
  await assign(soon.id, minhCam.id, { status: 'NOT_STARTED', progress: 0, indicatorActual: 4 })
  // Nam Sơn: done late (100%), blocked (20%).
  await assign(past.id, namSon.id, { status: 'DONE', progress: 100, completedAt: '2026-10-05T03:00:00Z' })
  await assign(later.id, namSon.id, { status: 'BLOCKED', progress: 20 })
  const user = await make.user({ role: 'LEADER', unitId: minhCam.id, memberId: an.id, name: 'Hoàng Văn An' })
  leader = { id: user.id, username: 'bi-thu', displayName: user.displayName, role: 'LEADER', unitId: minhCam.id, memberId: an.id, scopeUnitId: user.scopeUnitId, unit: { code: 'minh-cam', name: 'Xã Minh Cầm' } }
  const staff = await make.user({ role: 'STAFF', unitId: minhCam.id })
  // The overdue work's latest report, confirmed with a comment by the member in charge.
  await d.statusUpdate.create({
    data: { assignmentId: overdue.id, authorId: staff.id, status: 'IN_PROGRESS', progress: 40, note: reportNote, createdAt: new Date('2026-11-20T03:00:00Z'), reviewState: 'CONFIRMED', reviewedById: user.id, reviewedAt: new Date('2026-11-21T03:00:00Z'), reviewNote: comment },
  })
  const other = await make.user({ role: 'STAFF', unitId: namSon.id })
  namSonStaff = { id: other.id, username: 'nam-son', displayName: other.displayName, role: 'STAFF', unitId: namSon.id, memberId: null, scopeUnitId: other.scopeUnitId, unit: { code: 'nam-son', name: 'Xã Nam Sơn' } }
})

afterAll(async () => {
  await db().$disconnect()
})

const download = (input: Partial<DownloadInput> & Pick<DownloadInput, 'path'>) =>
  exportDownload({ user: leader, search: new URLSearchParams(), locale: 'vi', ip: '203.0.113.7', now, ...input })

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await response.arrayBuffer())
  return book
}

/** The values of a sheet's rows from the third (under the title and header rows). */
function dataRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  sheet.eachRow((row, number) => {
    if (number > 2 && Array.isArray(row.values)) rows.push(row.values.slice(1))
  })
  return rows
}

const exportsAudited = () => database.db.auditEvent.findMany({ where: { action: 'export.create' }, orderBy: { id: 'asc' } })

describe('the district overview as XLSX', () => {
  it('has one sheet per section, each titled, its header row frozen, with the numbers the page shows', async () => {
    const response = await download({ path: ['overview.xlsx'] })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="tien-do-toan-huyen-2026-11-28.xlsx"')
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const book = await workbook(response)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tình hình thực hiện', 'Theo nhóm nhiệm vụ', 'Chỉ tiêu', 'Xếp hạng xã, thị trấn', 'Quá hạn, vướng mắc'])
    for (const sheet of book.worksheets) {
      expect(sheet.getCell('A1').value).toBe('Tiến độ thực hiện Nghị quyết 19-NQ/TU — Huyện Ba Chẽ — số liệu tính đến ngày 28/11/2026')
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    }
    const [summary, groups, indicators, ranking, late] = book.worksheets
    // 5 assigned; due by today: the two of 01/10; done: 2; on time: 1 of (1 on time + 1 late + 1 overdue).
    expect(dataRows(summary!)).toEqual([
      ['Nhiệm vụ được giao', 5],
      ['Đã đến hạn', 2],
      ['Hoàn thành', 2],
      ['Tỷ lệ hoàn thành đúng hạn (%)', 33],
      ['Hoàn thành đúng hạn', 1],
      ['Hoàn thành quá hạn', 1],
      ['Quá hạn', 1],
      ['Vướng mắc', 1],
      ['Đang thực hiện', 1],
      ['Chưa triển khai', 1],
    ])
    expect(summary!.getCell('A9').fill).toMatchObject({ fgColor: { argb: RED } })
    // Progress: (40 + 100 + 0 + 100 + 20) / 5 = 52.
    expect(groups!.getRow(2).values).toEqual([undefined, 'Nhóm nhiệm vụ', 'Tiến độ (%)', 'Hoàn thành', 'Được giao'])
    expect(dataRows(groups!)).toEqual([
      ['Phát triển kinh tế', 52, 2, 5],
      ['Tổng cộng', 52, { formula: 'SUM(C3:C3)', result: 2 }, { formula: 'SUM(D3:D3)', result: 5 }],
    ])
    expect(dataRows(indicators!)).toEqual([['Kiện toàn chức danh', 'Tổng số liệu các đơn vị', 'chức danh', 0, 10, 4, undefined, 40, 1, 1]])
    // Nam Sơn (100 + 20) / 2 = 60 before Minh Cầm (40 + 100 + 0) / 3 = 47.
    expect(dataRows(ranking!)).toEqual([
      [1, 'Xã Nam Sơn', 60, 0],
      [2, 'Xã Minh Cầm', 47, 1],
      ['Tổng cộng', undefined, undefined, { formula: 'SUM(D3:D4)', result: 1 }],
    ])
    expect(dataRows(late!)).toEqual([
      ['Rà soát quy hoạch “vùng trồng quế”', 'Xã Minh Cầm', new Date('2026-10-01T00:00:00Z'), 'Hoàng Văn An', 'Quá hạn'],
      ['Xây dựng mô hình, dự án', 'Xã Nam Sơn', new Date('2099-12-31T00:00:00Z'), 'Chưa phân công', 'Vướng mắc'],
    ])
    expect(late!.getCell('C3').numFmt).toBe('dd/mm/yyyy')
    expect(late!.getCell('E3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: RED } })
    expect(late!.getCell('E4').fill).toMatchObject({ fgColor: { argb: VIOLET } })
  })

  it('is the ranking alone as CSV, headed in English for an English reader', async () => {
    const response = await download({ path: ['overview.csv'], locale: 'en' })
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="tien-do-toan-huyen-2026-11-28.csv"')
    expect(parse(await bytes(response), { bom: true })).toEqual([
      ['Rank', 'Commune / township', 'Progress (%)', 'Overdue'],
      ['1', 'Xã Nam Sơn', '60', '0'],
      ['2', 'Xã Minh Cầm', '47', '1'],
    ])
  })
})

describe("a commune's assignments as CSV", () => {
  it('starts with a byte-order mark, quotes as RFC 4180 says, keeps the Vietnamese intact and has what a clerk writes from', async () => {
    const response = await download({ path: ['communes', 'minh-cam.csv'] })
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="tien-do-minh-cam-2026-11-28.csv"')
    const file = await bytes(response)
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(file.toString('utf8')).toContain('\r\nPhát triển kinh tế,"Xây dựng mô hình, dự án",Hoàn thành đúng hạn,100,,,,31/12/2099,')
    const member = 'Hoàng Văn An (Phó Bí thư)'
    expect(parse(file, { bom: true })).toEqual([
      ['Nhóm nhiệm vụ', 'Nhiệm vụ', 'Tình trạng', 'Tiến độ (%)', 'Đạt được', 'Mục tiêu', 'Đơn vị tính', 'Hạn hoàn thành', 'Ngày báo cáo gần nhất', 'Báo cáo gần nhất', 'Nội dung báo cáo gần nhất', 'Ý kiến của người xác nhận', 'Ủy viên BTV phụ trách'],
      ['Phát triển kinh tế', 'Rà soát quy hoạch “vùng trồng quế”', 'Quá hạn', '40', '', '', '', '01/10/2026', '20/11/2026', 'Đã xác nhận', reportNote, `Hoàng Văn An: ${comment}`, member],
      ['Phát triển kinh tế', 'Kiện toàn chức danh', 'Chưa triển khai, Sắp đến hạn', '0', '4', '10', 'chức danh', '05/12/2026', '', 'Chưa có báo cáo', '', '', member],
      ['Phát triển kinh tế', 'Xây dựng mô hình, dự án', 'Hoàn thành đúng hạn', '100', '', '', '', '31/12/2099', '', 'Chưa có báo cáo', '', '', member],
    ])
  })
})

describe("a member's page as XLSX", () => {
  it('has the groups led and the units in charge with their counts and totals, and the overdue work', async () => {
    const response = await download({ path: ['members', 'uv-an.xlsx'] })
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="tien-do-uy-vien-uv-an-2026-11-28.xlsx"')
    const [groups, units, overdue] = (await workbook(response)).worksheets
    expect(groups?.getCell('A1').value).toBe('Tiến độ thực hiện Nghị quyết 19-NQ/TU — Hoàng Văn An — số liệu tính đến ngày 28/11/2026')
    expect(groups?.getRow(2).values).toEqual([undefined, 'Nhóm nhiệm vụ', 'Quá hạn', 'Tiến độ (%)', 'Được giao', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện', 'Vướng mắc', 'Chưa triển khai'])
    const sum = (column: string, result: number) => ({ formula: `SUM(${column}3:${column}3)`, result })
    // The group, district-wide: all five assignments.
    expect(dataRows(groups!)).toEqual([
      ['Phát triển kinh tế', 1, 52, 5, 1, 1, 1, 1, 1],
      ['Tổng cộng', sum('B', 1), undefined, sum('D', 5), sum('E', 1), sum('F', 1), sum('G', 1), sum('H', 1), sum('I', 1)],
    ])
    expect(dataRows(units!)[0]).toEqual(['Xã Minh Cầm', 1, 47, 3, 1, 0, 1, 0, 1])
    // Due 01/10, 58 days before 28/11; the page shows the recorded status.
    // With its latest report, which the member in charge reads whole.
    expect(dataRows(overdue!)).toEqual([
      ['Rà soát quy hoạch “vùng trồng quế”', 'Xã Minh Cầm', new Date('2026-10-01T00:00:00Z'), 58, 'Đang thực hiện', 40, new Date('2026-11-20T00:00:00Z'), 'Đã xác nhận', reportNote, `Hoàng Văn An: ${comment}`],
    ])
  })

  it('totals an empty table as zeros, not as a formula summing itself', async () => {
    const [groups] = (await workbook(await download({ path: ['members', 'uv-binh.xlsx'] }))).worksheets
    expect(dataRows(groups!)).toEqual([['Tổng cộng', 0, undefined, 0, 0, 0, 0, 0, 0]])
  })

  it('is the units in charge as CSV', async () => {
    const rows = parse(await bytes(await download({ path: ['members', 'uv-an.csv'] })), { bom: true })
    expect(rows).toEqual([
      ['Đơn vị', 'Quá hạn', 'Tiến độ (%)', 'Được giao', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện', 'Vướng mắc', 'Chưa triển khai'],
      ['Xã Minh Cầm', '1', '47', '3', '1', '0', '1', '0', '1'],
    ])
  })
})

describe("a task's units as XLSX", () => {
  it("has a row per unit and the district's line with the indicator's sum", async () => {
    const response = await download({ path: ['tasks', 'sap-den.xlsx'] })
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="tien-do-nhiem-vu-sap-den-2026-11-28.xlsx"')
    const [units] = (await workbook(response)).worksheets
    expect(units?.getRow(2).values).toEqual([
      undefined,
      'Đơn vị',
      'Tình trạng',
      'Tiến độ (%)',
      'Kết quả chỉ tiêu (chức danh)',
      'Cập nhật gần nhất',
      'Báo cáo gần nhất',
      'Nội dung báo cáo gần nhất',
      'Ý kiến của người xác nhận',
      'Ủy viên BTV phụ trách',
    ])
    expect(dataRows(units!)).toEqual([
      ['Xã Minh Cầm', 'Chưa triển khai, Sắp đến hạn', 0, 4, undefined, 'Chưa có báo cáo', undefined, undefined, 'Hoàng Văn An (Phó Bí thư)'],
      ['Toàn huyện', '1 đơn vị được giao', 0, { formula: 'SUM(D3:D3)', result: 4 }],
    ])
    expect(units?.getCell('B3').fill).toMatchObject({ fgColor: { argb: GREY } })
  })

  it("is the same table as CSV, in the order of the units, each unit's latest report said to a reader of its details only", async () => {
    const header = ['Đơn vị', 'Tình trạng', 'Tiến độ (%)', 'Cập nhật gần nhất', 'Báo cáo gần nhất', 'Nội dung báo cáo gần nhất', 'Ý kiến của người xác nhận', 'Ủy viên BTV phụ trách']
    expect(parse(await bytes(await download({ path: ['tasks', 'qua-han.csv'] })), { bom: true })).toEqual([
      header,
      ['Xã Minh Cầm', 'Quá hạn', '40', '', 'Đã xác nhận', reportNote, `Hoàng Văn An: ${comment}`, 'Hoàng Văn An (Phó Bí thư)'],
      ['Xã Nam Sơn', 'Hoàn thành quá hạn', '100', '', 'Chưa có báo cáo', '', '', ''],
    ])
    expect(parse(await bytes(await download({ path: ['tasks', 'qua-han.csv'], user: namSonStaff })), { bom: true })).toEqual([
      header,
      ['Xã Minh Cầm', 'Quá hạn', '40', '', 'Đã xác nhận', '', '', 'Hoàng Văn An (Phó Bí thư)'],
      ['Xã Nam Sơn', 'Hoàn thành quá hạn', '100', '', 'Chưa có báo cáo', '', '', ''],
    ])
  })
})

describe("a unit's assignments", () => {
  it('keep only what the filters keep, and the title and file name say so', async () => {
    const response = await download({ path: ['units', 'minh-cam.csv'], search: new URLSearchParams({ status: 'overdue', group: 'nhom-1' }) })
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="nhiem-vu-minh-cam-da-loc-2026-11-28.csv"')
    expect(parse(await bytes(response), { bom: true })).toEqual([
      ['Nhóm nhiệm vụ', 'Nhiệm vụ', 'Tình trạng', 'Tiến độ (%)', 'Đạt được', 'Mục tiêu', 'Đơn vị tính', 'Hạn hoàn thành', 'Ngày báo cáo gần nhất', 'Báo cáo gần nhất', 'Nội dung báo cáo gần nhất', 'Ý kiến của người xác nhận', 'Ủy viên BTV phụ trách'],
      ['Phát triển kinh tế', 'Rà soát quy hoạch “vùng trồng quế”', 'Quá hạn', '40', '', '', '', '01/10/2026', '20/11/2026', 'Đã xác nhận', reportNote, `Hoàng Văn An: ${comment}`, 'Hoàng Văn An (Phó Bí thư)'],
    ])
    const book = await workbook(await download({ path: ['units', 'minh-cam.xlsx'], search: new URLSearchParams({ status: 'overdue', group: 'nhom-1' }) }))
    expect(book.worksheets[0]?.getCell('A1').value).toBe('Tiến độ thực hiện Nghị quyết 19-NQ/TU — Xã Minh Cầm (lọc: Quá hạn, Phát triển kinh tế) — số liệu tính đến ngày 28/11/2026')
  })

  it('are all there without a filter, an unknown filter counting as none', async () => {
    const response = await download({ path: ['units', 'minh-cam.csv'], search: new URLSearchParams({ status: 'khong-ro', group: 'khong-co' }) })
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="nhiem-vu-minh-cam-2026-11-28.csv"')
    const [, ...rows] = parse(await bytes(response), { bom: true }) as string[][]
    expect(rows.map((row) => row.slice(1, 7))).toEqual([
      ['Rà soát quy hoạch “vùng trồng quế”', 'Quá hạn', '40', '', '', ''],
      ['Kiện toàn chức danh', 'Chưa triển khai, Sắp đến hạn', '0', '4', '10', 'chức danh'],
      ['Xây dựng mô hình, dự án', 'Hoàn thành đúng hạn', '100', '', '', ''],
    ])
  })

  it("carry the latest report's note and the reviewer's comments for a reader of the details, and for another unit's staff no such columns", async () => {
    const rows = async (user: CurrentUser) => parse(await bytes(await download({ path: ['units', 'minh-cam.csv'], user, search: new URLSearchParams({ status: 'overdue' }) })), { bom: true }) as string[][]
    const full = await rows(leader)
    expect(full.map((row) => row.slice(8, 12))).toEqual([
      ['Ngày báo cáo gần nhất', 'Báo cáo gần nhất', 'Nội dung báo cáo gần nhất', 'Ý kiến của người xác nhận'],
      ['20/11/2026', 'Đã xác nhận', reportNote, `Hoàng Văn An: ${comment}`],
    ])
    const other = await rows(namSonStaff)
    expect(other.map((row) => row.slice(8))).toEqual([
      ['Ngày báo cáo gần nhất', 'Báo cáo gần nhất', 'Ủy viên BTV phụ trách'],
      ['20/11/2026', 'Đã xác nhận', 'Hoàng Văn An (Phó Bí thư)'],
    ])
    expect(other.flat()).not.toContain(`Hoàng Văn An: ${comment}`)
    expect(other.flat()).not.toContain(reportNote)
  })

  it('keep under "returned" only the work whose latest report was returned, and the title says so', async () => {
    const response = await download({ path: ['units', 'minh-cam.xlsx'], search: new URLSearchParams({ review: 'returned' }) })
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="nhiem-vu-minh-cam-da-loc-2026-11-28.xlsx"')
    const sheet = (await workbook(response)).worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('Tiến độ thực hiện Nghị quyết 19-NQ/TU — Xã Minh Cầm (lọc: Bị trả lại) — số liệu tính đến ngày 28/11/2026')
    // Nothing of Minh Cầm's was returned: the confirmed report keeps its work out.
    expect(dataRows(sheet)).toEqual([])
  })
})

describe('who may download', () => {
  it('a signed-in leader downloads, and the download is audited with its format and rows', async () => {
    const before = (await exportsAudited()).length
    const response = await download({ path: ['communes', 'minh-cam.xlsx'] })
    expect(response.status).toBe(200)
    const book = await workbook(response)
    expect(book.worksheets[0]?.getCell('A1').value).toBe('Tiến độ thực hiện Nghị quyết 19-NQ/TU — Xã Minh Cầm — số liệu tính đến ngày 28/11/2026')
    const audited = (await exportsAudited()).slice(before)
    expect(audited).toHaveLength(1)
    expect(audited[0]).toMatchObject({ actorId: leader.id, entity: 'communes', entityId: 'minh-cam', after: { format: 'xlsx', rows: 3 }, ip: '203.0.113.7' })
  })

  it('no one without a session downloads anything, and nothing is audited', async () => {
    const before = (await exportsAudited()).length
    for (const path of [['overview.xlsx'], ['communes', 'minh-cam.csv']]) {
      const response = await download({ path, user: null })
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('Not found')
    }
    expect(await exportsAudited()).toHaveLength(before)
  })

  it('an unknown commune, member, task, unit, view or format is not found, and nothing is audited', async () => {
    const before = (await exportsAudited()).length
    const unknown = [['communes', 'khong-co.csv'], ['communes', 'Minh Cầm.csv'], ['communes', 'nam-son.pdf'], ['members', 'khong-co.xlsx'], ['tasks', 'khong-co.csv'], ['units', 'khong-co.csv'], ['secrets', 'minh-cam.csv'], ['overview.pdf'], ['communes', 'minh-cam', 'x.csv']]
    for (const path of unknown) {
      expect((await download({ path })).status).toBe(404)
    }
    expect(await exportsAudited()).toHaveLength(before)
  })
})
