// The Party Office's day: it downloads the review report, and enters a report Đồn Đạc sent by phone
// on the commune's behalf; the commune's staff and its confirmer then read who entered it, for whom
// and how. Đồn Đạc's "Đối thoại với nhân dân" is written by no other spec, and its member in charge
// (pho-chu-tich-ubnd) is signed in by none.
import { expect, test, type Download, type Page } from '@playwright/test'
import { signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const path = '/units/don-dac/tasks/doi-thoai-nhan-dan'
const note = 'Xã báo qua điện thoại: đã tổ chức đối thoại tại 3 thôn, còn 2 thôn trong tháng sau.'
const evidence = { name: 'ghi-nhan-dien-thoai.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') }
const entered = 'Cán bộ Văn phòng Huyện ủy (nhập thay cho Xã Đồn Đạc, theo điện thoại)'

const historyItems = (page: Page) => page.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('article')

async function bytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

test('the office downloads the review report and enters a report on behalf of a unit', async ({ page }) => {
  await signIn(page, 'van-phong-huyen-uy')
  await page.goto('/reports')
  const row = page.getByRole('row', { name: /Sơ kết đợt 2/ })
  const [word] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Tải báo cáo (Word)' }).click()])
  expect(word.suggestedFilename()).toMatch(/\.docx$/)
  // A DOCX is a ZIP holding the Word document's parts.
  const docx = await bytes(word)
  expect(docx.subarray(0, 2).toString()).toBe('PK')
  expect(docx.includes('word/document.xml')).toBe(true)

  await page.goto(path)
  // Not the office's own unit: the form enters a report for the commune, and says so.
  await expect(page.getByRole('form', { name: 'Cập nhật tiến độ' })).toHaveCount(0)
  const form = page.getByRole('form', { name: 'Nhập thay báo cáo cho Xã Đồn Đạc' })
  const channel = form.getByRole('group', { name: 'Đơn vị gửi theo' })
  await form.getByLabel('Ghi chú').fill(note)
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form.getByRole('alert')).toHaveText('Chưa lưu được: vui lòng sửa các mục được đánh dấu bên dưới.')
  await expect(channel).toHaveAccessibleDescription('Chọn cách đơn vị đã gửi báo cáo này (văn bản giấy hoặc điện thoại).')
  await expect(form.getByLabel('Ghi chú')).toHaveValue(note)

  await channel.getByLabel('Điện thoại').check()
  // With a file the report goes by the upload route, which carries the channel too.
  await form.getByLabel('Tệp minh chứng').setInputFiles(evidence)
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
  const latest = historyItems(page).first()
  await expect(latest).toContainText(entered)
  await expect(latest.getByText(note)).toBeVisible()
  await expect(latest.getByRole('link', { name: evidence.name })).toBeVisible()
})

test("the commune's staff read in the history that the office entered it for them, by phone", async ({ page }) => {
  await signIn(page, 'don-dac')
  await page.goto(path)
  // Their own assignment: the ordinary form, no channel to choose.
  await expect(page.getByRole('form', { name: 'Cập nhật tiến độ' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Đơn vị gửi theo' })).toHaveCount(0)
  const latest = historyItems(page).first()
  await expect(latest).toContainText(entered)
  await expect(latest.getByText(note)).toBeVisible()
})

test('the confirmer finds it in the queue, marked as entered for the commune', async ({ page }) => {
  await signIn(page, 'pho-chu-tich-ubnd')
  await page.goto('/reviews')
  const item = page.getByRole('listitem').filter({ hasText: note })
  await expect(item).toContainText('Xã Đồn Đạc')
  await expect(item).toContainText(entered)
})
