// Security headers: every kind of response carries them, the pages still work under the
// Content-Security-Policy (no violation reported), and cookies carry their flags.
// The e2e database is shared: the one report written here is on a Thanh Sơn assignment no other
// spec reads.
import { expect, test, type APIResponse, type Page, type Response } from '@playwright/test'
import { password, signedIn, submitLogin } from './helpers'

const FIXED_HEADERS = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
}

/** The nonce of a response's policy, after checking the policy and the other headers are there. */
function expectSecurityHeaders(response: Response | APIResponse): string {
  const headers = response.headers()
  expect(headers).toMatchObject(FIXED_HEADERS)
  expect(headers['permissions-policy']).toContain('camera=()')
  const policy = headers['content-security-policy'] ?? ''
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(policy).toContain(directive)
  expect(policy).not.toContain('unsafe-eval')
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(policy)?.[1]
  expect(nonce, `a script nonce in ${policy}`).toBeTruthy()
  return nonce ?? ''
}

/** Fails the test on any report of the browser refusing something the headers forbid. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

/**
 * Opens a page: its headers are there, every script tag of its HTML carries this response's
 * nonce, and Next.js's own scripts ran (the page is interactive).
 */
async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(status)
  const nonce = expectSecurityHeaders(response!)
  const scriptTags = (await response!.text()).match(/<script\b[^>]*>/g) ?? []
  expect(scriptTags.length, `${path} has scripts`).toBeGreaterThan(0)
  for (const tag of scriptTags) expect(tag, path).toContain(` nonce="${nonce}"`)
  await page.waitForFunction(() => 'next' in window)
}

test('the login page has the headers, a fresh nonce on each load, and signs in under the policy', async ({ page }) => {
  const violations = watchPolicyViolations(page)
  await visit(page, '/login')
  const first = expectSecurityHeaders((await page.reload())!)
  const second = expectSecurityHeaders((await page.reload())!)
  expect(second).not.toBe(first)

  await page.getByLabel('Tên đăng nhập').fill('thanh-son')
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await expect(page).toHaveURL(/\/units\/thanh-son$/)

  // Plain http here: Auth.js leaves Secure off (the HTTPS test below covers it).
  const session = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false })
  expect(violations).toEqual([])
})

test('every page a leader opens has the headers and works under the policy, a 404 included', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  const violations = watchPolicyViolations(page)
  for (const path of [
    '/',
    '/communes',
    '/communes/thanh-son',
    '/members',
    '/members/truong-ban-tuyen-giao',
    '/tasks',
    '/tasks/danh-gia-xep-loai',
    '/units/to-chuc-noi-vu',
    '/units/thanh-son/tasks/danh-gia-xep-loai',
    '/reviews',
    '/reports',
    '/search?q=Thanh+S%C6%A1n',
  ])
    await visit(page, path)
  await visit(page, '/khong-co-trang-nay', 404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang')
  expect(violations).toEqual([])
})

test('downloads carry the headers: a commune export and the review report', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  for (const path of ['/exports/communes/thanh-son.csv', '/reports/review?period=so-ket-dot-2&format=docx']) {
    const response = await page.request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['content-disposition'], path).toMatch(/^attachment;/)
    expectSecurityHeaders(response)
  }
})

test('staff of Thanh Sơn report progress with evidence and switch language under the policy; the evidence and the cookies carry their headers', async ({ browser }) => {
  const page = await signedIn(browser, 'thanh-son')
  const violations = watchPolicyViolations(page)
  await visit(page, '/units/thanh-son')
  await visit(page, '/units/thanh-son/tasks/danh-gia-xep-loai')

  const form = page.getByRole('form', { name: 'Cập nhật tiến độ' })
  const progress = String(Number(await form.getByLabel('Tiến độ (%)').inputValue()) + 5)
  await form.getByLabel('Đang thực hiện').check()
  await form.getByLabel('Tiến độ (%)').fill(progress)
  await form.getByLabel('Ghi chú').fill('Kiểm tra chính sách bảo mật nội dung.')
  await form.getByLabel('Tệp minh chứng').setInputFiles({ name: 'bien-ban-kiem-tra.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')

  const evidence = page.getByRole('link', { name: 'bien-ban-kiem-tra.pdf' }).first()
  const download = await page.request.get((await evidence.getAttribute('href'))!)
  expect(download.status()).toBe(200)
  expectSecurityHeaders(download)

  await page.getByRole('form', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('button', { name: 'Send report' })).toBeVisible()
  const locale = (await page.context().cookies()).find((c) => c.name === 'NEXT_LOCALE')
  expect(locale).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax', secure: false })
  expect(violations).toEqual([])
})

const ERROR_PAGES = [
  { locale: 'vi', switchLabel: 'Ngôn ngữ', switchTo: 'English', title: 'Đã xảy ra lỗi', reference: /^Mã tham chiếu: \w+$/, retry: 'Thử lại' },
  { locale: 'en', switchLabel: 'Language', switchTo: 'Tiếng Việt', title: 'Something went wrong', reference: /^Reference: \w+$/, retry: 'Try again' },
] as const

for (const expected of ERROR_PAGES) {
  test(`a server error shows the friendly page in the interface language (${expected.locale}), without its message, under the policy`, async ({ page, baseURL }) => {
    // Vietnamese is the default, without a language cookie.
    if (expected.locale !== 'vi') await page.context().addCookies([{ name: 'NEXT_LOCALE', value: expected.locale, url: baseURL! }])
    const violations = watchPolicyViolations(page)
    await visit(page, '/login')
    // The language switch's action receives a string where the form should be: it throws on the
    // server (TypeError: form.get is not a function) and the browser is told only a digest.
    await page.route('**/login', (route) =>
      route.request().method() === 'POST'
        ? route.continue({ postData: '["en"]', headers: { ...route.request().headers(), 'content-type': 'text/plain;charset=UTF-8' } })
        : route.continue(),
    )
    const [failed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('form', { name: expected.switchLabel }).getByRole('button', { name: expected.switchTo }).click(),
    ])
    expect(failed.status()).toBe(500)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title)
    await expect(page.getByText(expected.reference)).toBeVisible()
    await expect(page.locator('body')).not.toContainText('not a function')
    await expect(page.getByRole('button', { name: expected.retry })).toBeVisible()
    expect(violations).toEqual([])
  })
}

test.describe('behind HTTPS (the reverse proxy says X-Forwarded-Proto: https)', () => {
  test.use({ extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } })

  /** The Set-Cookie lines of a response, by cookie name. */
  function setCookies(headers: { name: string; value: string }[]): Map<string, string> {
    const lines = headers.filter((h) => h.name.toLowerCase() === 'set-cookie')
    return new Map(lines.map((h) => [h.value.slice(0, h.value.indexOf('=')), h.value]))
  }

  test('the session cookie is Secure, HttpOnly and SameSite=Lax, and the policy upgrades http', async ({ page, request }) => {
    const login = await request.get('/login')
    expect(expectSecurityHeaders(login)).toBeTruthy()
    expect(login.headers()['content-security-policy']).toContain('upgrade-insecure-requests')
    // The real login form: the server action that checks the password opens the session.
    const [posted] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login'),
      submitLogin(page, 'thanh-son', password),
    ])
    const session = setCookies(await posted.headersArray()).get('__Secure-authjs.session-token')
    expect(session).toMatch(/; HttpOnly/i)
    expect(session).toMatch(/; Secure/i)
    expect(session).toMatch(/; SameSite=Lax/i)
  })

  test('the language cookie is Secure, HttpOnly and SameSite=Lax', async ({ request, baseURL }) => {
    // The switch is a plain form: post it as a browser without JavaScript would.
    const html = await (await request.get('/login')).text()
    const action = /<form aria-label="Ngôn ngữ"[^>]*><input type="hidden" name="(\$ACTION_ID_\w+)"/.exec(html)?.[1]
    expect(action).toBeTruthy()
    const response = await request.post('/login', { multipart: { [action!]: '', locale: 'en' }, headers: { Origin: baseURL! }, maxRedirects: 0 })
    const cookie = setCookies(response.headersArray()).get('NEXT_LOCALE')
    expect(cookie).toMatch(/^NEXT_LOCALE=en;/)
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; Secure/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
  })
})
