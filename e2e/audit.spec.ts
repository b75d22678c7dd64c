// The audit viewer. A leader finds in the log what they have just done, with what it
// stored; staff have no log to open. Accounts other specs do not use, so counts are theirs alone.
// Another commune's return is listed without its reason: Đạp Thanh's assignment of
// "danh-gia-xep-loai" is written to by no other spec.
import { expect, test, type Page } from '@playwright/test'
import { signedIn, signIn } from './helpers'

const LEADER = { username: 'chu-nhiem-ubkt', name: 'Đặng Thị Hải Yến' }

/** The number of events the audit page says its filters select. */
async function eventCount(page: Page): Promise<number> {
  const text = await page.getByRole('status').filter({ hasText: /sự kiện/ }).innerText()
  return text.startsWith('Không có') ? 0 : Number(text.match(/^(\d+) sự kiện$/)?.[1])
}

/** Today in the district, dd/mm/yyyy. */
const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date())

const bodyRows = (page: Page) => page.getByRole('table', { name: 'Nhật ký hoạt động' }).locator(':scope > tbody > tr')

test("a leader finds their own download in the audit log, filtered by action and by user, with what it stored", async ({ browser }) => {
  const page = await signedIn(browser, LEADER.username)
  const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' })
  await navigation.getByRole('link', { name: 'Nhật ký' }).click()
  await expect(page).toHaveURL(/\/audit$/)
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động', level: 1 })).toBeVisible()

  const filters = page.getByRole('form', { name: 'Lọc nhật ký' })
  await filters.getByLabel('Thao tác').selectOption({ label: 'Tải dữ liệu (CSV, Excel)' })
  await filters.getByLabel('Người thực hiện').selectOption({ label: `${LEADER.name} (${LEADER.username})` })
  await filters.getByRole('button', { name: 'Lọc' }).click()
  await expect(page).toHaveURL(/[?&]action=export\.create(&|$)/)
  await expect(page).toHaveURL(new RegExp(`[?&]user=${LEADER.username}(&|$)`))
  const before = await eventCount(page)
  const filtered = page.url()

  // The download the log must then show.
  await page.goto(`/members/${LEADER.username}`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /dạng CSV/ }).click()])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)

  await page.goto(filtered)
  expect(await eventCount(page)).toBe(before + 1)
  await expect(filters.getByLabel('Thao tác')).toHaveValue('export.create')
  await expect(filters.getByLabel('Người thực hiện')).toHaveValue(LEADER.username)
  const rows = bodyRows(page)
  await expect(rows).toHaveCount(Math.min(before + 1, 50))
  for (const row of await rows.all()) {
    await expect(row).toContainText(LEADER.name)
    await expect(row).toContainText('Tải dữ liệu (CSV, Excel)')
  }
  const newest = rows.first()
  await expect(newest.getByRole('cell').first()).toHaveText(new RegExp(`^${today()} \\d{2}:\\d{2}$`))
  await expect(newest.getByRole('link', { name: 'Tiến độ theo ủy viên BTV' })).toHaveAttribute('href', `/members/${LEADER.username}`)
  const diff = newest.getByRole('table')
  await expect(diff.getByRole('row', { name: /^format/ })).toHaveText(/^format\s*—\s*csv$/)
  await expect(diff.getByRole('row', { name: /^rows/ })).toHaveText(/^rows\s*—\s*\d+$/)

  // The same log narrowed to signing in shows the sign-in that began this test.
  await filters.getByLabel('Thao tác').selectOption({ label: 'Đăng nhập' })
  await filters.getByRole('button', { name: 'Lọc' }).click()
  await expect(page).toHaveURL(/[?&]action=auth\.sign_in(&|$)/)
  await expect(rows.first()).toContainText('Đăng nhập')
  await expect(rows.first()).toContainText(LEADER.name)
  await expect(rows.first().getByRole('cell').first()).toHaveText(new RegExp(`^${today()} `))
})

test("a leader reads another commune's return in the log without its reason or its evidence, which the member in charge of it reads", async ({ browser }) => {
  const path = '/units/dap-thanh/tasks/danh-gia-xep-loai'
  const fileName = 'bien-ban-danh-gia-can-bo.pdf'
  const reason = 'Biên bản đánh giá chưa có chữ ký của chủ trì hội nghị.'
  const commune = await signedIn(browser, 'dap-thanh')
  await commune.goto(path)
  const form = commune.getByRole('form', { name: 'Cập nhật tiến độ' })
  await form.getByLabel('Đang thực hiện').check()
  await form.getByLabel('Tiến độ (%)').fill('20')
  await form.getByLabel('Tệp minh chứng').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') })
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')

  // The member in charge of Đạp Thanh returns it with a reason.
  const inCharge = await signedIn(browser, 'truong-ban-dan-van')
  await inCharge.goto(path)
  const latest = inCharge.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('listitem').filter({ has: inCharge.getByRole('article') }).first()
  const review = latest.getByRole('form', { name: 'Xác nhận báo cáo' })
  await review.getByLabel('Ý kiến của người xác nhận').fill(reason)
  await review.getByRole('button', { name: 'Trả lại' }).click()
  await expect(latest.getByRole('status')).toHaveText('Đã trả lại báo cáo cho đơn vị kèm lý do.')

  // The member in charge of another commune (Thanh Lâm) sees who returned which report, and when, not why.
  const log = '/audit?user=truong-ban-dan-van&action=statusUpdate.review'
  const leader = await signedIn(browser, LEADER.username)
  await leader.goto(log)
  const returned = bodyRows(leader).first()
  await expect(returned).toContainText('Hoàng Thị Phương Thảo')
  await expect(returned).toContainText('Trả lại báo cáo')
  await expect(returned.getByRole('link', { name: 'Báo cáo tiến độ' })).toHaveAttribute('href', new RegExp(`^${path}#update-[0-9a-f-]+$`))
  const diff = returned.getByRole('table')
  await expect(diff.getByRole('row', { name: /^reviewState/ })).toHaveText(/^reviewState\s*PENDING\s*RETURNED$/)
  await expect(diff.getByRole('row', { name: /^reviewNote/ })).toHaveText(/^reviewNote\s*Nội dung chi tiết chỉ hiển thị cho đơn vị và người phụ trách\.$/)
  await expect(leader.getByText(reason)).toHaveCount(0)
  await leader.goto('/audit?user=dap-thanh&action=statusUpdate.create')
  const reported = bodyRows(leader).first()
  await expect(reported.getByRole('table').getByRole('row', { name: /^attachments/ })).toHaveText(/^attachments\s*Nội dung chi tiết chỉ hiển thị/)
  await expect(reported.getByRole('table').getByRole('row', { name: /^progress/ })).toHaveText(/^progress\s*0\s*20$/)
  await expect(leader.getByText(fileName)).toHaveCount(0)
  await leader.setViewportSize({ width: 1280, height: 900 })
  await leader.screenshot({ path: 'test-results/audit-details-withheld-1280.png', fullPage: true })

  // Who returned it reads the same row with its reason.
  await inCharge.goto(log)
  await expect(bodyRows(inCharge).first().getByRole('table').getByRole('row', { name: /^reviewNote/ })).toHaveText(new RegExp(`^reviewNote\\s*—\\s*${reason}$`))
})

test('staff see no link to the audit log, and its address answers that the page does not exist', async ({ browser }) => {
  const page = await signedIn(browser, 'thanh-son')
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Xã, thị trấn' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Nhật ký' })).toHaveCount(0)
  const response = await page.goto('/audit?action=auth.sign_in')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test("the filter form narrows the log to today's sign-ins of a leader, and sets aside a date that does not exist", async ({ page }) => {
    await signIn(page, 'truong-ban-tuyen-giao')
    await page.goto('/audit')
    const filters = page.getByRole('form', { name: 'Lọc nhật ký' })
    await filters.getByLabel('Người thực hiện').selectOption({ label: 'Triệu Văn Lâm (truong-ban-tuyen-giao)' })
    await filters.getByLabel('Thao tác').selectOption({ label: 'Đăng nhập' })
    await filters.getByLabel('Từ ngày').fill(today())
    await filters.getByLabel('Đến ngày').fill('31/02/2026')
    await filters.getByRole('button', { name: 'Lọc' }).click()
    await expect(page).toHaveURL(new RegExp(`[?&]from=${encodeURIComponent(today())}(&|$)`))
    await expect(filters.getByLabel('Đến ngày')).toHaveAttribute('aria-invalid', 'true')
    await expect(filters.getByText('Ngày không hợp lệ nên chưa được áp dụng.')).toBeVisible()
    await expect(filters.getByLabel('Từ ngày')).toHaveValue(today())
    const rows = bodyRows(page)
    expect(await rows.count()).toBeGreaterThan(0)
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').first()).toHaveText(new RegExp(`^${today()} `))
      await expect(row).toContainText('Triệu Văn Lâm')
      await expect(row).toContainText('Đăng nhập')
    }
  })
})
