// A leader downloads the review report of a period, as a Word document and as a PDF.
import { expect, test, type Download } from '@playwright/test'
import { signedIn } from './helpers'

async function bytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

test('a leader downloads the review report of the second interim period as Word and PDF', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto('/reports')
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo sơ kết, tổng kết' })).toBeVisible()
  const row = page.getByRole('row', { name: /Sơ kết đợt 2/ })

  const [word] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Tải báo cáo (Word)' }).click()])
  expect(word.suggestedFilename()).toMatch(/^bao-cao-so-ket-dot-2-\d{4}-\d{2}-\d{2}\.docx$/)
  expect((await bytes(word)).subarray(0, 2).toString()).toBe('PK')

  const [pdf] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Tải báo cáo (PDF)' }).click()])
  expect(pdf.suggestedFilename()).toMatch(/^bao-cao-so-ket-dot-2-\d{4}-\d{2}-\d{2}\.pdf$/)
  expect((await bytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-')
})

test('staff of a commune find no reports page and no report', async ({ browser }) => {
  const page = await signedIn(browser, 'minh-cam')
  expect((await page.goto('/reports'))?.status()).toBe(404)
  expect((await page.request.get('/reports/review?period=so-ket-dot-2&format=docx')).status()).toBe(404)
})

test('a leader asks for the report of chosen days: reversed days are named beside the field, then the Word file comes', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto('/reports')
  const form = page.getByRole('region', { name: 'Báo cáo theo khoảng thời gian khác' })
  await form.getByLabel('Từ ngày').fill('2026-09-30')
  await form.getByLabel('Đến ngày').fill('2026-09-01')
  await form.getByRole('button', { name: 'Lập báo cáo' }).click()
  await expect(form.getByLabel('Đến ngày')).toHaveAccessibleDescription('Ngày kết thúc không được trước ngày bắt đầu.')
  await expect(form.getByRole('link', { name: 'Tải báo cáo (Word)' })).toHaveCount(0)

  await form.getByLabel('Từ ngày').fill('2026-08-01')
  await form.getByLabel('Đến ngày').fill('2026-09-30')
  await form.getByLabel('Tổng kết').check()
  await form.getByRole('button', { name: 'Lập báo cáo' }).click()
  await expect(form.getByRole('status')).toContainText('Báo cáo tổng kết từ ngày 01/08/2026 đến ngày 30/09/2026, số liệu tính đến hết ngày 30/09/2026')
  const [word] = await Promise.all([page.waitForEvent('download'), form.getByRole('link', { name: 'Tải báo cáo (Word)' }).click()])
  expect(word.suggestedFilename()).toBe('bao-cao-tong-ket-tu-2026-08-01-2026-09-30.docx')
  expect((await bytes(word)).subarray(0, 2).toString()).toBe('PK')
})
