// The Party Office writes a review report in the app: it opens a draft for days of its choosing,
// types a section (saved as it types, still there after a reload), is told which issue fields are
// missing, fills them, issues the report, and downloads the Word file it was issued as, the same
// bytes every time. The days (October and November 2026) are no other spec's, so the list of issued
// reports on /reports gains no row another spec looks for.
import { createHash } from 'node:crypto'
import { expect, test, type Download } from '@playwright/test'
import JSZip from 'jszip'
import { signedIn, signIn } from './helpers'
import { seriousViolations, sidewaysOverflow, smallTouchTargets } from './page-checks'

async function bytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const lesson = 'Phát huy vai trò người đứng đầu cấp ủy; kiểm tra, đôn đốc thường xuyên.'

test('the office types a section, reloads, issues the report and downloads the Word file it was issued as', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, 'van-phong-huyen-uy')
  await page.goto('/reports')
  const custom = page.getByRole('region', { name: 'Báo cáo theo khoảng thời gian khác' })
  await custom.getByLabel('Từ ngày').fill('2026-10-01')
  await custom.getByLabel('Đến ngày').fill('2026-11-30')
  await custom.getByRole('button', { name: 'Lập báo cáo' }).click()
  await custom.getByRole('button', { name: 'Soạn báo cáo cho khoảng thời gian này' }).click()

  await expect(page).toHaveURL(/\/reports\/drafts\/[0-9a-f-]{36}$/)
  const draftPath = new URL(page.url()).pathname
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dự thảo báo cáo sơ kết: Sơ kết từ 01/10/2026 đến 30/11/2026')
  await expect(page.getByText('Số liệu tính đến hết ngày 30/11/2026.')).toBeVisible()
  // The preview carries the annexes the files print after the signature.
  const preview = page.getByRole('region', { name: 'Số liệu, bảng biểu và nội dung báo cáo (xem trước)' })
  for (const annex of ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']) await expect(preview.getByRole('heading', { name: new RegExp(`^${annex}\\. `) })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  const section = page.getByLabel('IV. Bài học kinh nghiệm')
  await expect(section).toHaveAccessibleDescription('Chưa viết')
  await section.fill(lesson)
  await expect(section).toHaveAccessibleDescription(/^Đã lưu lúc \d{2}:\d{2}$/)

  await page.reload()
  await expect(page.getByLabel('IV. Bài học kinh nghiệm')).toHaveValue(lesson)
  await expect(page.getByLabel('IV. Bài học kinh nghiệm')).toHaveAccessibleDescription(/lưu lúc \d{2}:\d{2}$/)

  // Issued with nothing filled in: each missing field is named beside it, and the draft stays a draft.
  const issue = page.getByRole('region', { name: 'Thông tin ban hành' })
  await issue.getByRole('button', { name: 'Ban hành' }).click()
  await expect(issue.getByRole('alert')).toHaveText('Chưa ban hành được: còn thiếu hoặc sai các mục được đánh dấu bên dưới.')
  await expect(issue.getByLabel('Số văn bản')).toHaveAccessibleDescription(/Nhập số văn bản\.$/)
  await expect(issue.getByLabel('Ngày ký')).toHaveAccessibleDescription('Chọn ngày ký.')
  await expect(issue.getByLabel('Họ và tên người ký')).toHaveAccessibleDescription('Nhập họ và tên người ký.')
  await expect(issue.getByLabel('Nơi nhận')).toHaveAccessibleDescription(/Nhập ít nhất một nơi nhận\.$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Dự thảo báo cáo/)

  await issue.getByLabel('Số văn bản').fill('131')
  await issue.getByLabel('Ngày ký').fill('2026-12-05')
  await issue.getByLabel('Thay mặt').fill('T/M BAN THƯỜNG VỤ')
  await issue.getByLabel('Chức vụ người ký').fill('BÍ THƯ')
  await issue.getByLabel('Họ và tên người ký').fill('Nguyễn Đình Khải')
  await issue.getByLabel('Nơi nhận').fill('Ban Thường vụ Tỉnh ủy (b/c),\nLưu Văn phòng Huyện ủy.')
  await issue.getByRole('button', { name: 'Ban hành' }).click()

  await expect(page).toHaveURL(/\?issued=1$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo sơ kết: Sơ kết từ 01/10/2026 đến 30/11/2026')
  await expect(page.getByRole('status').filter({ hasText: 'Đã ban hành.' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0)
  expect(await seriousViolations(page)).toEqual([])

  const files = page.getByRole('region', { name: 'Tệp đã ban hành' })
  const [first] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'Tải báo cáo đã ban hành (Word)' }).click()])
  expect(first.suggestedFilename()).toBe('bao-cao-so-ket-tu-2026-10-01-2026-12-05.docx')
  const docx = await bytes(first)
  expect(docx.subarray(0, 2).toString()).toBe('PK')
  await expect(files).toContainText(`SHA-256 ${createHash('sha256').update(docx).digest('hex')}`)
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? ''
  expect(xml).toContain('131')

  // The same bytes again: served as kept, not made anew.
  const [again] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'Tải báo cáo đã ban hành (Word)' }).click()])
  expect((await bytes(again)).equals(docx)).toBe(true)

  // Listed as issued, beside the demo's draft.
  await page.goto('/reports/drafts')
  await expect(page.getByRole('row').filter({ has: page.locator(`a[href="${draftPath}"]`) })).toContainText('Đã ban hành')
  await expect(page.getByRole('row', { name: /Sơ kết đợt 2/ })).toContainText('Dự thảo')
})

test('two clerks typing one section of the demo\'s draft: the later save is refused and shows what the other saved', async ({ browser }) => {
  test.setTimeout(120_000)
  const [office, admin] = await Promise.all([signedIn(browser, 'van-phong-huyen-uy'), signedIn(browser, 'admin')])
  for (const page of [office, admin]) {
    await page.goto('/reports/drafts')
    await page.getByRole('row', { name: /Sơ kết đợt 2/ }).getByRole('link').first().click()
  }
  const box = (page: typeof office) => page.getByLabel('Mô hình mới, cách làm hay')
  const first = `Mô hình "Dân vận khéo" ở xã Thanh Sơn (${Date.now()}).`
  await box(office).fill(first)
  await expect(box(office)).toHaveAccessibleDescription(/^Đã lưu lúc \d{2}:\d{2}$/)

  // Typed on the page as it was before that save.
  await box(admin).fill('Mô hình tổ tự quản ở thị trấn.')
  await expect(box(admin)).toHaveAccessibleDescription(/đã lưu phần này lúc .* nên nội dung của bạn chưa được lưu/)
  await expect(admin.getByRole('blockquote').filter({ hasText: first })).toBeVisible()
  await expect(box(admin)).toHaveValue('Mô hình tổ tự quản ở thị trấn.')

  // Nothing of it was written: the office's text stands after a reload.
  await office.reload()
  await expect(box(office)).toHaveValue(first)

  // The administrator takes the office's text.
  await admin.getByRole('button', { name: /^Dùng nội dung đã lưu của/ }).click()
  await expect(box(admin)).toHaveValue(first)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })

  test('the demo\'s draft and issued report are accessible and fit', async ({ page }) => {
    await signIn(page, 'van-phong-huyen-uy')
    for (const name of [/Sơ kết đợt 2/, /Sơ kết đợt 1/]) {
      await page.goto('/reports/drafts')
      await page.getByRole('row', { name }).getByRole('link').first().click()
      await expect(page).toHaveURL(/\/reports\/drafts\/[0-9a-f-]{36}$/)
      expect(await seriousViolations(page)).toEqual([])
      expect(await sidewaysOverflow(page)).toBe(0)
      expect(await smallTouchTargets(page)).toEqual([])
    }
  })
})
