// Hardened sign-in: password changes, lockout, sessions that end, two-factor sign-in.
// Every test makes its own account: the demo accounts are shared with the other spec files.
import { randomBytes } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { timeStep, totp, STEP_SECONDS } from '../lib/auth/totp'
import { createAccount, database, signIn, submitLogin } from './helpers'

// Each test signs in from an address of its own (as the reverse proxy reports it): failed attempts
// count per address too, and the other spec files all come from 127.0.0.1.
const ownAddress = () => ({ 'x-forwarded-for': `2001:db8::${randomBytes(8).toString('hex').replace(/(.{4})(?=.)/g, '$1:')}` })
test.use({ extraHTTPHeaders: async ({}, provide) => provide(ownAddress()) })

const loginAlert = (page: Page) => page.getByRole('form', { name: 'Đăng nhập' }).getByRole('alert')
const lockMessage = /^Đăng nhập tạm thời bị khóa vì nhập sai nhiều lần\. Vui lòng chờ \d+ phút rồi thử lại\.$/

async function changePassword(page: Page, current: string, next: string, repeat = next) {
  const form = page.getByRole('form', { name: 'Đổi mật khẩu' })
  await form.getByLabel('Mật khẩu hiện tại').fill(current)
  await form.getByLabel('Mật khẩu mới', { exact: true }).fill(next)
  await form.getByLabel('Nhập lại mật khẩu mới').fill(repeat)
  await form.getByRole('button', { name: 'Đổi mật khẩu' }).click()
}

/** The code the authenticator app would show next, never one already accepted (codes are good once). */
async function nextCode(userId: string, secret: string): Promise<string> {
  const { rows } = await database().query<{ totpLastStep: string | null }>('SELECT "totpLastStep" FROM "User" WHERE id = $1', [userId])
  const last = rows[0]?.totpLastStep
  const step = last === null || last === undefined ? timeStep(new Date()) : BigInt(last) + 1n
  const current = timeStep(new Date())
  return totp(secret, new Date(Number(step > current ? step : current) * STEP_SECONDS * 1000))
}

test.describe('passwords', () => {
  test('staff changes their password on the account page, is told beside the field what is wrong first, and signs in with the new one', async ({ page }) => {
    const account = await createAccount()
    await signIn(page, account.username, account.password)
    await page.goto('/account')
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click()
    await expect(page).toHaveURL(/\/account\/password$/)

    await changePassword(page, account.password, 'qwertyuiop')
    await expect(page.getByText('Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.')).toBeVisible()
    await expect(page.getByLabel('Mật khẩu mới', { exact: true })).toHaveAttribute('aria-invalid', 'true')

    await changePassword(page, account.password, 'ngắn', 'khác')
    await expect(page.getByText('Mật khẩu mới cần ít nhất 10 ký tự.')).toBeVisible()
    await expect(page.getByText('Mật khẩu nhập lại không khớp với mật khẩu mới.')).toBeVisible()

    const newPassword = 'suối Ba Chẽ mùa nước lên'
    await changePassword(page, account.password, newPassword)
    await expect(page.getByRole('status')).toHaveText('Đã đổi mật khẩu. Các phiên đăng nhập trên thiết bị khác đã kết thúc.')
    // This browser stays signed in, on a new session.
    await page.goto('/units/minh-cam')
    await expect(page).toHaveURL(/\/units\/minh-cam$/)

    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    // Wait for the sign-out to land: the login page sends a still-signed-in browser home.
    await expect(page).toHaveURL(/\/login$/)
    await submitLogin(page, account.username, account.password)
    await expect(loginAlert(page)).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.')
    await signIn(page, account.username, newPassword)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
  })

  test('a user whose password an administrator reset must choose a new one before anything else', async ({ page }) => {
    const account = await createAccount({ mustChangePassword: true })
    await signIn(page, account.username, account.password)
    await expect(page).toHaveURL(/\/account\/password$/)
    await expect(page.getByRole('alert').filter({ hasText: 'Quản trị viên đã đặt lại mật khẩu của tài khoản này.' })).toBeVisible()
    await page.goto('/units/minh-cam')
    await expect(page).toHaveURL(/\/account\/password$/)

    await changePassword(page, account.password, 'Đạp Thanh sau cơn mưa')
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
  })
})

test.describe('brute force', () => {
  test('after 5 wrong passwords the account is locked with a message to wait, even for the right password from another address', async ({ page, browser }) => {
    const account = await createAccount()
    for (let i = 1; i <= 4; i++) {
      await submitLogin(page, account.username, `sai-mat-khau-${i}`)
      await expect(loginAlert(page)).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.')
    }
    await submitLogin(page, account.username, 'sai-mat-khau-5')
    await expect(loginAlert(page)).toHaveText(lockMessage)
    const elsewhere = await (await browser.newContext({ extraHTTPHeaders: ownAddress() })).newPage()
    await submitLogin(elsewhere, account.username, account.password)
    await expect(loginAlert(elsewhere)).toHaveText(lockMessage)
    await expect(elsewhere).toHaveURL(/\/login$/)

    const { rows } = await database().query('SELECT after FROM "AuditEvent" WHERE action = $1 AND "entityId" = $2', ['auth.locked_out', account.id])
    expect(rows).toHaveLength(1)
  })

  test('50 wrong passwords on different usernames from one address lock the address, not the accounts', async ({ browser }) => {
    const account = await createAccount()
    const address = ownAddress()
    const page = await (await browser.newContext({ extraHTTPHeaders: address })).newPage()
    // 49 failures from this address already counted (typing them would take minutes: repeated failures are answered slowly).
    await database().query(
      `INSERT INTO "SignInFailure" (username, ip, "createdAt") SELECT 'khong-co-' || i || '-' || $1::text, $2, now() FROM generate_series(1, 49) AS i`,
      [account.username, address['x-forwarded-for']],
    )
    await submitLogin(page, `khong-co-50-${account.username}`, 'sai-mat-khau')
    await expect(loginAlert(page)).toHaveText(lockMessage)
    await submitLogin(page, account.username, account.password)
    await expect(loginAlert(page)).toHaveText(lockMessage)

    const elsewhere = await (await browser.newContext({ extraHTTPHeaders: ownAddress() })).newPage()
    await signIn(elsewhere, account.username, account.password)
    await expect(elsewhere).toHaveURL(/\/units\/minh-cam$/)
  })
})

test.describe('sessions', () => {
  test("Auth.js's own endpoints are not there: no way out leaves the session open, no way in skips a step", async ({ page }) => {
    const account = await createAccount()
    await signIn(page, account.username, account.password)
    for (const path of ['signout', 'session', 'csrf', 'providers', 'signin', 'callback/credentials']) {
      expect((await page.request.get(`/api/auth/${path}`, { maxRedirects: 0 })).status(), `GET /api/auth/${path}`).toBe(404)
      expect((await page.request.post(`/api/auth/${path}`, { maxRedirects: 0, form: { challenge: 'x' } })).status(), `POST /api/auth/${path}`).toBe(404)
    }
    await page.goto('/account')
    await expect(page).toHaveURL(/\/account$/)
  })

  test('a deactivated user’s open session is refused at the next request', async ({ page }) => {
    const account = await createAccount()
    await signIn(page, account.username, account.password)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
    await database().query('UPDATE "User" SET active = false WHERE id = $1', [account.id])
    await page.reload()
    await expect(page).toHaveURL(/\/login$/)
  })

  test('a session idle for 30 minutes, and one opened 12 hours ago, are signed out at the next request and the end is audited', async ({ page, browser }) => {
    const account = await createAccount()
    await signIn(page, account.username, account.password)
    const other = await (await browser.newContext()).newPage()
    await signIn(other, account.username, account.password)
    const { rows } = await database().query<{ id: string }>('SELECT id FROM "UserSession" WHERE "userId" = $1 ORDER BY "createdAt"', [account.id])
    const [idle, old] = rows.map((row) => row.id)
    // The clock is the database's: the test moves the sessions' times back instead of waiting.
    await database().query(`UPDATE "UserSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE id = $1`, [idle])
    await database().query(`UPDATE "UserSession" SET "createdAt" = now() - interval '12 hours' WHERE id = $1`, [old])

    await page.reload()
    await expect(page).toHaveURL(/\/login$/)
    await other.reload()
    await expect(other).toHaveURL(/\/login$/)
    const ended = await database().query<{ after: { reason: string } }>(
      'SELECT after FROM "AuditEvent" WHERE action = $1 AND "actorId" = $2 ORDER BY id',
      ['auth.session_ended', account.id],
    )
    // In either order: the page's own prefetches may reach the server before the reload does.
    expect(ended.rows.map((row) => row.after.reason).sort()).toEqual(['expired', 'idle'])
  })

  test('sign out everywhere ends the sessions in every browser', async ({ page, browser }) => {
    const account = await createAccount()
    await signIn(page, account.username, account.password)
    const phone = await (await browser.newContext()).newPage()
    await signIn(phone, account.username, account.password)

    await page.goto('/account')
    await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click()
    await expect(page).toHaveURL(/\/login$/)
    await phone.goto('/units/minh-cam')
    await expect(phone).toHaveURL(/\/login$/)
  })
})

test.describe('two-factor authentication', () => {
  test('a new administrator is sent to enrol, enrols with a code from the secret shown, and signs in with a code afterwards', async ({ page }) => {
    const account = await createAccount({ role: 'ADMIN' })
    await submitLogin(page, account.username, account.password)
    await expect(page).toHaveURL(/\/account\/two-factor$/)
    await expect(page.getByText('Tài khoản quản trị bắt buộc dùng xác thực hai lớp.')).toBeVisible()
    await page.goto('/')
    await expect(page).toHaveURL(/\/account\/two-factor$/)

    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click()
    const secret = await page.locator('code[data-secret]').getAttribute('data-secret')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await expect(page.getByRole('link', { name: 'Mở trong ứng dụng xác thực' })).toHaveAttribute('href', new RegExp(`^otpauth://totp/.*secret=${secret}`))
    // The app lists the account under the district the unit tree names.
    const link = await page.getByRole('link', { name: 'Mở trong ứng dụng xác thực' }).getAttribute('href')
    expect(new URL(link!).searchParams.get('issuer')).toBe('NQ19 Ba Chẽ')
    await expect(page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' })).toHaveAttribute('src', /^data:image\/png;base64,/)
    const enrol = page.getByRole('form', { name: 'Xác nhận và bật' })
    await enrol.getByLabel('Mã xác thực').fill('000000')
    await enrol.getByRole('button', { name: 'Xác nhận và bật' }).click()
    await expect(enrol.getByText('Mã không đúng.', { exact: false })).toBeVisible()
    await enrol.getByLabel('Mã xác thực').fill(await nextCode(account.id, secret!))
    await enrol.getByRole('button', { name: 'Xác nhận và bật' }).click()

    await expect(page.getByText('Đã bật xác thực hai lớp.')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Mã khôi phục' }).getByRole('listitem')).toHaveCount(10)
    await page.getByRole('link', { name: 'Tiếp tục' }).click()
    await expect(page).toHaveURL(/\/$/)

    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    // Wait for the sign-out to land: the login page sends a still-signed-in browser home.
    await expect(page).toHaveURL(/\/login$/)
    await submitLogin(page, account.username, account.password)
    await expect(page.getByText('Tài khoản này dùng xác thực hai lớp.')).toBeVisible()
    await page.getByLabel('Mã xác thực').fill('000000')
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect(page.getByText('Mã xác thực không đúng hoặc đã được dùng.')).toBeVisible()
    await page.getByLabel('Mã xác thực').fill(await nextCode(account.id, secret!))
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect(page).toHaveURL(/\/$/)
  })
})
