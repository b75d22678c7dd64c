// What every spec needs: the demo password, signing in through the login form, accounts of its
// own made straight in the e2e database (DATABASE_URL, set by the test runner), and the reading of
// the pages' common parts.
import { randomBytes } from 'node:crypto'
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import pg from 'pg'
import { DEFAULT_DEMO_PASSWORD } from '../lib/config/env'
import { hashPassword } from '../lib/auth/password'
import { generateRecoveryCode, normalizeRecoveryCode } from '../lib/auth/recovery-codes'
import { generateSecret } from '../lib/auth/totp'

export const password = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD

let pool: pg.Pool | undefined
/** The e2e database, shared by all spec files: change only rows your own test made. */
export function database(): pg.Pool {
  const connectionString = process.env.DATABASE_URL
  if (!connectionString) throw new Error('e2e: DATABASE_URL is not set (npm test sets it)')
  return (pool ??= new pg.Pool({ connectionString, max: 2 }))
}

/** Fills and sends the login form, whatever the outcome. */
export async function submitLogin(page: Page, username: string, secret: string) {
  await page.goto('/login')
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(secret)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

/**
 * Administrators must use two-factor authentication. For a demo administrator the test enrols the
 * account in the database if nobody has yet, and answers the code step with a recovery code made
 * for this one sign-in: TOTP codes are good once, and specs sign in as `admin` in parallel.
 */
async function oneTimeRecoveryCode(username: string): Promise<string | null> {
  const { rows } = await database().query<{ id: string; role: string }>('SELECT id, role FROM "User" WHERE username = $1', [username])
  const user = rows[0]
  if (user?.role !== 'ADMIN') return null
  await database().query('UPDATE "User" SET "totpSecret" = $2, "totpEnabledAt" = now() WHERE id = $1 AND "totpEnabledAt" IS NULL', [user.id, generateSecret()])
  const code = generateRecoveryCode()
  await database().query('INSERT INTO "RecoveryCode" (id, "userId", "codeHash") VALUES (gen_random_uuid(), $1, $2)', [user.id, await hashPassword(normalizeRecoveryCode(code))])
  return code
}

/** Signs a demo account in (through two-factor authentication for administrators) and waits until it has left the login page. */
export async function signIn(page: Page, username: string, secret = password) {
  const recoveryCode = await oneTimeRecoveryCode(username)
  await submitLogin(page, username, secret)
  if (recoveryCode) {
    await page.getByLabel('Mã xác thực').fill(recoveryCode)
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click()
  }
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

export type TestAccount = { id: string; username: string; password: string }

/** A new account of the Minh Cầm commune office, for a test that changes or locks it. */
export async function createAccount(options: { role?: 'STAFF' | 'LEADER' | 'ADMIN'; mustChangePassword?: boolean } = {}): Promise<TestAccount> {
  const suffix = randomBytes(4).toString('hex')
  const account = { username: `e2e-${suffix}`, password: `Thu-nghiem-${suffix}` }
  const { rows } = await database().query<{ id: string }>(
    `INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "mustChangePassword", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, $3, $4, id, $5, now() FROM "Unit" WHERE code = 'minh-cam' RETURNING id`,
    [account.username, `Cán bộ thử nghiệm ${suffix}`, await hashPassword(account.password), options.role ?? 'STAFF', options.mustChangePassword ?? false],
  )
  return { id: rows[0]!.id, ...account }
}
