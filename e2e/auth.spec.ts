import { expect, test, type Page } from '@playwright/test'
import { password, signIn, submitLogin } from './helpers'

const refusal = 'Tên đăng nhập hoặc mật khẩu không đúng.'

// Scoped to the form: Next's route announcer is an alert too.
const loginAlert = (page: Page) => page.getByRole('form', { name: 'Đăng nhập' }).getByRole('alert')

test.describe('signing in', () => {
  test('staff of Minh Cầm who types a wrong password is refused, stays on the login page and keeps the username', async ({ page }) => {
    await submitLogin(page, 'minh-cam', `${password}-wrong`)
    await expect(loginAlert(page)).toHaveText(refusal)
    await expect(page).toHaveURL(/\/login$/)
    await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('minh-cam')
    await expect(page.getByLabel('Mật khẩu')).toHaveValue('')
  })

  test('someone typing an unknown username gets the very same answer, with no hint of which part was wrong', async ({ page }) => {
    await submitLogin(page, 'khong-ton-tai', password)
    await expect(loginAlert(page)).toHaveText(refusal)
    await expect(page).toHaveURL(/\/login$/)
  })

  test('staff of Minh Cầm with the right password lands on the Minh Cầm page with its assignments', async ({ page }) => {
    await submitLogin(page, 'minh-cam', password)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Minh Cầm')
    const assignments = page.getByRole('main').getByRole('listitem')
    await expect(assignments.first()).toContainText('Hạn hoàn thành')
    expect(await assignments.count()).toBeGreaterThan(0)
  })

  test('staff of Minh Cầm may type the username in capitals and with spaces around it', async ({ page }) => {
    await submitLogin(page, '  MINH-CAM ', password)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
  })

  test('the administrator with the right password and a second factor lands on the district overview listing the communes', async ({ page }) => {
    await signIn(page, 'admin')
    await expect(page).toHaveURL(/\/$/)
    const table = page.getByRole('table', { name: 'Xếp hạng tiến độ các xã, thị trấn' })
    await expect(table.getByRole('rowheader', { name: /Minh Cầm/ })).toBeVisible()
    await expect(table.getByRole('rowheader', { name: /Đạp Thanh/ })).toBeVisible()
    await expect(table.getByRole('rowheader')).toHaveCount(8)
  })

  test('a Standing Committee member (the Party Secretary) with the right password lands on the district overview', async ({ page }) => {
    await submitLogin(page, 'bi-thu', password)
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('table').getByRole('rowheader', { name: /Minh Cầm/ })).toBeVisible()
  })
})

test.describe('pages that need a session', () => {
  test('a visitor without a session asking for the district overview is sent to the login page', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/login$/)
    await expect(page.getByLabel('Tên đăng nhập')).toBeVisible()
  })

  test('a visitor without a session asking for the Minh Cầm page is sent to the login page', async ({ page }) => {
    await page.goto('/units/minh-cam')
    await expect(page).toHaveURL(/\/login$/)
  })

  test('staff of Minh Cầm opening the district overview is taken to their own unit page', async ({ page }) => {
    await submitLogin(page, 'minh-cam', password)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
  })

  test('staff of Minh Cầm who signs out is back on the login page and can no longer open the unit page', async ({ page }) => {
    await submitLogin(page, 'minh-cam', password)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await expect(page).toHaveURL(/\/login$/)
    await page.goto('/units/minh-cam')
    await expect(page).toHaveURL(/\/login$/)
  })

  test('a signed-in user asking for a unit that does not exist is told the page is not found', async ({ page }) => {
    await signIn(page, 'admin')
    await expect(page).toHaveURL(/\/$/)
    const response = await page.goto('/units/khong-co-don-vi-nay')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible()
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the login form refuses a wrong password with the message', async ({ page }) => {
    await submitLogin(page, 'minh-cam', `${password}-wrong`)
    await expect(loginAlert(page)).toHaveText(refusal)
    await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('minh-cam')
  })

  test('the login form signs staff of Minh Cầm in with the right password', async ({ page }) => {
    await submitLogin(page, 'minh-cam', password)
    await expect(page).toHaveURL(/\/units\/minh-cam$/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Minh Cầm')
  })
})

test.describe('language', () => {
  test('a user who picks English sees the login page in English, and Vietnamese again after switching back', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByRole('button', { name: 'Tiếng Việt' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập')
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  })
})
