// The administrator's sign-in security steps on a user's page, end to end: a reset
// password is shown once and the user must replace it at their next sign-in; their open session
// ends at once. The account is made for the test (createAccount), so no other spec is touched.
import { expect, test } from '@playwright/test'
import { createAccount, signIn, signedIn } from './helpers'

test('the administrator resets a user\'s password: the temporary one is shown once, the open session ends, and the user must choose a new one', async ({ browser }) => {
  const account = await createAccount()
  const user = await (await browser.newContext()).newPage()
  await signIn(user, account.username, account.password)
  await expect(user).toHaveURL(/\/units\/minh-cam$/)

  const admin = await signedIn(browser, 'admin')
  await admin.goto(`/admin/users/${account.username}`)
  const security = admin.getByRole('region', { name: 'Đăng nhập và bảo mật' })
  await security.getByRole('button', { name: 'Đặt lại mật khẩu' }).click()
  const notice = security.getByRole('status')
  await expect(notice).toContainText('Mật khẩu tạm thời:')
  const temporary = /Mật khẩu tạm thời: (\S+)\./.exec((await notice.textContent()) ?? '')?.[1]
  expect(temporary).toBeTruthy()

  // The user's session ended with the reset; the old password no longer opens one.
  await user.goto('/units/minh-cam')
  await expect(user).toHaveURL(/\/login/)
  await signIn(user, account.username, temporary!)
  await expect(user).toHaveURL(/\/account\/password$/)
  await user.getByLabel('Mật khẩu hiện tại').fill(temporary!)
  await user.getByLabel('Mật khẩu mới', { exact: true }).fill('Suối Ba Chẽ mùa nước lên')
  await user.getByLabel('Nhập lại mật khẩu mới').fill('Suối Ba Chẽ mùa nước lên')
  await user.getByRole('button', { name: 'Đổi mật khẩu' }).click()
  await expect(user).toHaveURL(/\/units\/minh-cam$/)

  // A leader finds no such page.
  const leader = await signedIn(browser, 'bi-thu')
  expect((await leader.goto(`/admin/users/${account.username}`))?.status()).toBe(404)
})
