// What every spec needs: the demo password, and signing in through the login form.
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { DEFAULT_DEMO_PASSWORD } from '../lib/config/env'

export const password = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD

/** Fills and sends the login form, whatever the outcome. */
export async function submitLogin(page: Page, username: string, secret: string) {
  await page.goto('/login')
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(secret)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

/** Signs a demo account in and waits until it has left the login page. */
export async function signIn(page: Page, username: string) {
  await submitLogin(page, username, password)
  await expect(page).not.toHaveURL(/\/login$/)
}

/** A page of a new browser context (its own cookies) signed in as the account. */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, username)
  return page
}

/** The overview's summary figures by label, as the page shows them ("1.234" and "81%" read as 1234 and 81). */
export async function figures(page: Page, path: string): Promise<Record<string, number>> {
  await page.goto(path)
  const summary = page.getByRole('region', { name: 'Tình hình thực hiện' })
  const terms = await summary.getByRole('term').allInnerTexts()
  const values = await summary.getByRole('definition').allInnerTexts()
  expect(terms.length).toBeGreaterThan(0)
  expect(values).toHaveLength(terms.length)
  // The first line is the label (a hint may follow); "1.234" and "81%" are read as 1234 and 81.
  const read = Object.fromEntries(terms.map((term, i) => [term.split('\n')[0]?.trim(), Number((values[i] ?? '').replace(/\D/g, ''))]))
  expect(Object.keys(read)).toEqual(expect.arrayContaining(['Hoàn thành', 'Hoàn thành đúng hạn', 'Đang thực hiện', 'Quá hạn']))
  return read
}

/** A read page: nothing on it writes. Its one form picks the day shown (a GET, no data sent). */
export async function expectNothingToChange(main: Locator) {
  await expect(main.locator('form[method="post" i], textarea, select, input[type="file"]')).toHaveCount(0)
  await expect(main.getByRole('button')).toHaveText(['Xem'])
}
