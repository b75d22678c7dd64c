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
