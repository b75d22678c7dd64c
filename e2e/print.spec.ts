// A progress page printed from the browser: Chromium's own PDF of it, read back as text. On paper
// the page keeps its title, its "as of" line and who printed it when, and leaves out the header's
// navigation, the forms and the download links.
import { expect, test } from '@playwright/test'
import { PDFParse } from 'pdf-parse'
import { signIn } from './helpers'

const pages = [
  { path: '/', heading: 'Tổng quan' },
  { path: '/communes/minh-cam', heading: 'Xã Minh Cầm' },
]

for (const { path, heading } of pages) {
  test(`${path} prints on A4 with its title, its day and the print time, without navigation or forms`, async ({ page }) => {
    await signIn(page, 'bi-thu')
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading)
    const pdf = await page.pdf({ format: 'A4' })
    const parser = new PDFParse({ data: pdf })
    const { text, total } = await parser.getText()
    await parser.destroy()
    expect(total).toBeGreaterThan(0)
    expect(text).toContain(heading)
    expect(text).toMatch(/Số liệu tính đến ngày \d{2}\/\d{2}\/\d{4}/)
    expect(text).toMatch(/Huyện ủy Ba Chẽ · In lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
    for (const screenOnly of ['Đăng xuất', 'Trình đơn', 'Hỏi - đáp', 'Tải về:', 'Xem số liệu đến hết ngày']) expect(text).not.toContain(screenOnly)
  })
}
