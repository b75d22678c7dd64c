// Signing in as a person does: the login form in Chromium (the form is a server action that checks
// the password, then opens the session with a one-time token), so the scripts that measure the app
// follow whatever the sign-in flow becomes. Returns the browser's cookies as a Cookie header.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export async function signInThroughForm(base: string, username: string, password: string): Promise<string> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) throw new Error(`Chromium was not found at ${executablePath}: install it or set CHROMIUM_PATH`)
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage({ baseURL: base })
    await page.goto('/login')
    await page.getByLabel('Tên đăng nhập').fill(username)
    await page.getByLabel('Mật khẩu').fill(password)
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 })
    const cookies = await page.context().cookies(base)
    if (!cookies.some((c) => c.name.endsWith('authjs.session-token'))) throw new Error(`signing in as ${username} gave no session cookie`)
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  } finally {
    await browser.close()
  }
}
