// Mail settings as a commune's clerk sets them: refusals beside the field with nothing saved, a new
// address waiting for its verification mail, which the administrator reads in the outbox (the e2e
// server has no SMTP_URL: mail is kept there, not sent), and the verification link, followed
// without signing in, working once.
import { expect, test } from '@playwright/test'
import { createAccount, database, signIn, signedIn } from './helpers'

test('a clerk sets an address: bad input refused beside its field, then the verification mail kept in the outbox and its link working once', async ({ browser, page }) => {
  const clerk = await createAccount()
  const address = `${clerk.username}@minhcam.quangninh.gov.vn`
  await signIn(page, clerk.username, clerk.password)
  await page.goto('/account')
  await page.getByRole('link', { name: 'Cài đặt thư điện tử' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thư điện tử và thông báo')
  const form = page.getByRole('form', { name: 'Thư điện tử và thông báo' })

  await form.getByLabel('Địa chỉ thư điện tử').fill('khong-phai-dia-chi')
  await form.getByLabel('Giờ gửi thư tổng hợp (0–23, giờ Việt Nam)').fill('24')
  await form.getByRole('button', { name: 'Lưu cài đặt' }).click()
  await expect(form.getByRole('alert')).toHaveText('Chưa lưu: hãy sửa các mục được đánh dấu.')
  await expect(form.getByLabel('Địa chỉ thư điện tử')).toHaveAccessibleDescription(/Địa chỉ thư điện tử không hợp lệ\./)
  await expect(form.getByLabel('Giờ gửi thư tổng hợp (0–23, giờ Việt Nam)')).toHaveAccessibleDescription('Giờ gửi phải là số nguyên từ 0 đến 23.')
  expect((await database().query('SELECT email FROM "User" WHERE id = $1', [clerk.id])).rows).toEqual([{ email: null }])

  await form.getByLabel('Địa chỉ thư điện tử').fill(address.toUpperCase())
  await form.getByLabel('Giờ gửi thư tổng hợp (0–23, giờ Việt Nam)').fill('7')
  await form.getByLabel('Báo cáo bị trả lại').check()
  // A clerk is offered the notices of a unit's staff only: none of a member's or the office's.
  await expect(form.getByRole('checkbox')).toHaveCount(4)
  await expect(form.getByLabel('Báo cáo chờ xác nhận (thành viên)')).toHaveCount(0)
  await form.getByRole('button', { name: 'Lưu cài đặt' }).click()
  await expect(form.getByRole('status')).toHaveText(`Đã lưu. Một thư xác nhận đã được gửi tới ${address}: thông báo chỉ được gửi sau khi địa chỉ được xác nhận.`)

  const admin = await signedIn(browser, 'admin')
  await admin.goto('/admin/outbox')
  const row = admin.getByRole('row').filter({ hasText: address })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Xác nhận địa chỉ thư điện tử')

  const { rows } = await database().query<{ text: string }>(`SELECT text FROM "MailMessage" WHERE "toAddress" = $1 AND kind = 'VERIFY_ADDRESS'`, [address])
  const link = /\/verify-email\/[\w-]+/.exec(rows[0]!.text)![0]
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto(link)
  await stranger.getByRole('button', { name: 'Xác nhận' }).click()
  await expect(stranger.getByRole('status')).toHaveText(`Đã xác nhận địa chỉ ${address}. Từ nay thông báo bạn chọn sẽ được gửi tới địa chỉ này.`)
  await stranger.goto(link)
  await expect(stranger.getByRole('main').getByRole('alert')).toContainText('Liên kết không còn dùng được')
  await page.reload()
  await expect(page.getByText(/^Đã xác nhận ngày \d{2}\/\d{2}\/\d{4}\./)).toBeVisible()
})
