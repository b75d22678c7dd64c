// The progress views as spreadsheets. A leader downloads from the pages' links, and the
// files say what the pages say.
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { figures, signedIn } from './helpers'

/** Clicks a download link and reads the file it saves. */
async function download(page: Page, link: RegExp): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), content: await readFile(path) }
}

const asOfToday = /— số liệu tính đến ngày \d{2}\/\d{2}\/\d{4}$/

test('a leader downloads the district overview as Excel, a sheet per section, Minh Cầm in the ranking', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto('/')
  const { name, content } = await download(page, /bảng số liệu của trang dạng Excel/)
  expect(name).toMatch(/^tien-do-toan-huyen-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(new Uint8Array(content).buffer)
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Tình hình thực hiện', 'Theo nhóm nhiệm vụ', 'Chỉ tiêu', 'Xếp hạng xã, thị trấn', 'Quá hạn, vướng mắc'])
  const ranking = book.getWorksheet('Xếp hạng xã, thị trấn')
  const title = String(ranking?.getCell('A1').value)
  expect(title.startsWith('Tiến độ thực hiện Nghị quyết 19-NQ/TU — Huyện Ba Chẽ')).toBe(true)
  expect(title).toMatch(asOfToday)
  const communes: unknown[] = []
  ranking?.getColumn(2).eachCell((cell) => communes.push(cell.value))
  expect(communes).toContain('Xã Minh Cầm')
})

test('a leader downloads the assignments of Minh Cầm as CSV, headed in Vietnamese', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto('/communes/minh-cam')
  const { name, content } = await download(page, /dạng CSV/)
  expect(name).toMatch(/^tien-do-minh-cam-\d{4}-\d{2}-\d{2}\.csv$/)
  expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = parse(content, { bom: true }) as string[][]
  expect(header).toEqual(['Nhóm nhiệm vụ', 'Nhiệm vụ', 'Tình trạng', 'Tiến độ (%)', 'Đạt được', 'Mục tiêu', 'Đơn vị tính', 'Hạn hoàn thành', 'Ngày báo cáo gần nhất', 'Báo cáo gần nhất', 'Nội dung báo cáo gần nhất', 'Ý kiến của người xác nhận', 'Ủy viên BTV phụ trách'])
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) {
    expect(row[3]).toMatch(/^\d{1,3}$/)
    expect(row[7]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/)
    expect(row[12]).toMatch(/^Nguyễn /)
  }
})

test("staff download their unit's overdue work with the page's filter", async ({ browser }) => {
  const page = await signedIn(browser, 'minh-cam')
  await page.goto('/units/minh-cam?status=overdue')
  const { name, content } = await download(page, /dạng CSV/)
  expect(name).toMatch(/^nhiem-vu-minh-cam-da-loc-\d{4}-\d{2}-\d{2}\.csv$/)
  const [, ...rows] = parse(content, { bom: true }) as string[][]
  const shown = await page.getByRole('status').filter({ hasText: 'Đang hiển thị' }).innerText()
  expect(shown).toContain(`${rows.length}/`)
  for (const row of rows) expect(row[2]).toContain('Quá hạn')
})

test('staff get 404 for the district overview and the whole register, as the overview page refuses them; a leader gets both', async ({ browser }) => {
  const staff = await signedIn(browser, 'minh-cam')
  const leader = await signedIn(browser, 'bi-thu')
  for (const path of ['/exports/overview.xlsx', '/exports/assignments.csv']) {
    expect((await staff.request.get(path, { maxRedirects: 0 })).status(), `staff: ${path}`).toBe(404)
    expect((await leader.request.get(path, { maxRedirects: 0 })).status(), `leader: ${path}`).toBe(200)
  }
  // What the page does with them: their own unit instead, whose file they do get.
  await staff.goto('/')
  await expect(staff).toHaveURL(/\/units\/minh-cam$/)
  expect((await staff.request.get('/exports/communes/minh-cam.csv', { maxRedirects: 0 })).status()).toBe(200)
})

test('without a session the download is not found', async ({ request }) => {
  const response = await request.get('/exports/communes/minh-cam.csv', { maxRedirects: 0 })
  expect(response.status()).toBe(404)
})

test('a leader picks an earlier day on a commune page: the page and its Excel file speak of that day', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto('/communes/minh-cam')
  await expect(page.getByText('Đơn vị chưa được giao nhiệm vụ nào.')).toHaveCount(0)
  // The demo programme began 200 days ago: a year ago nothing had been assigned.
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
  const [year, month, day] = yearAgo.split('-')
  await page.getByLabel('Xem số liệu đến hết ngày').fill(yearAgo)
  await page.getByRole('button', { name: 'Xem', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`asOf=${yearAgo}`))
  await expect(page.getByText(`Số liệu tính đến hết ngày ${day}/${month}/${year}`)).toBeVisible()
  await expect(page.getByText('Đơn vị chưa được giao nhiệm vụ nào.')).toBeVisible()

  const { name, content } = await download(page, /dạng Excel/)
  expect(name).toBe(`tien-do-minh-cam-${yearAgo}.xlsx`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(new Uint8Array(content).buffer)
  const sheet = workbook.worksheets[0]
  expect(String(sheet?.getCell('A1').value)).toContain(`${day}/${month}/${year}`)
  expect(sheet?.actualRowCount).toBe(2) // the title and the header: nothing assigned then

  await page.getByRole('link', { name: 'Về số liệu hiện tại' }).click()
  await expect(page).toHaveURL(/\/communes\/minh-cam$/)
  await expect(page.getByText('Đơn vị chưa được giao nhiệm vụ nào.')).toHaveCount(0)
})

test("a leader downloads the district's whole register of assignments as CSV: one row per assignment the overview counts", async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  const before = (await figures(page, '/'))['Nhiệm vụ được giao'] ?? 0
  const { name, content } = await download(page, /danh sách đầy đủ nhiệm vụ được giao dạng CSV/)
  // Other specs may assign work meanwhile: the file holds what there was between the two readings.
  const after = (await figures(page, '/'))['Nhiệm vụ được giao'] ?? 0
  expect(name).toMatch(/^danh-sach-nhiem-vu-toan-huyen-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const [header, ...rows] = parse(content, { bom: true }) as string[][]
  expect(header?.slice(0, 4)).toEqual(['Đơn vị', 'Nhóm nhiệm vụ', 'Nhiệm vụ', 'Tình trạng'])
  expect(rows.length).toBeGreaterThanOrEqual(before)
  expect(rows.length).toBeLessThanOrEqual(after)
  expect(new Set(rows.map((row) => row[0]))).toContain('Xã Minh Cầm')
})
