// A commune clerk with only a keyboard, and one on a slow 3G link, each get through the
// whole path: sign in, report progress on a task, download the unit's table. Each uses an account
// of its own in Minh Cầm and a task no other spec writes to; the report keeps the task's status
// and progress (done, 100%), so the district's counts other specs read do not move.
import { expect, test, type Page } from '@playwright/test'
import { createAccount, signIn } from './helpers'

// The page's own requests, as a first visit on a slow link makes them: a request the service worker
// answers would pass by page.route and the emulated link.
test.use({ serviceWorkers: 'block' })

/** What the focused element is, and whether its focus can be seen (an outline or a ring). */
async function focused(page: Page): Promise<{ label: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) return { label: '', visible: false }
    // A date field's calendar button has the focus inside the field: the field shows it.
    const style = getComputedStyle(element)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    const ring = style.boxShadow !== 'none'
    const label = element.getAttribute('aria-label') || element.textContent?.trim() || element.getAttribute('name') || element.id
    return { label: label.replace(/\s+/g, ' ').slice(0, 60), visible: outline || ring }
  })
}

/**
 * Presses Tab until the focused element is `target`, at most `limit` times, and fails on any stop
 * on the way whose focus cannot be seen.
 */
async function tabTo(page: Page, target: (label: string) => boolean, limit = 60): Promise<void> {
  const unseen: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    if (!now.visible) unseen.push(now.label)
    if (target(now.label)) {
      expect(unseen, 'focus stops that show no focus').toEqual([])
      return
    }
  }
  throw new Error(`Tab never reached the element (${limit} presses)`)
}

/** Signs in, reports on `taskTitle` and downloads the unit's CSV, by keyboard alone. */
async function reportByKeyboard(page: Page, taskTitle: string, note: string) {
  const account = await createAccount()
  await page.goto('/login')
  await tabTo(page, (label) => label === 'username')
  await page.keyboard.type(account.username)
  await page.keyboard.press('Tab')
  await page.keyboard.type(account.password)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/units\/minh-cam$/)

  await tabTo(page, (label) => label === taskTitle, 200)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(taskTitle)

  // The status radios are one Tab stop; the checked one (done) keeps its value.
  await tabTo(page, (label) => label === 'note', 80)
  await page.keyboard.type(note)
  await tabTo(page, (label) => label === 'Gửi báo cáo', 10)
  await page.keyboard.press('Enter')
  const form = page.getByRole('form', { name: 'Cập nhật tiến độ' })
  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
  await expect(page.getByRole('region', { name: 'Lịch sử cập nhật' }).getByText(note)).toBeVisible()

  await page.goto('/units/minh-cam')
  await tabTo(page, (label) => label.startsWith('Tải về') && label.endsWith('dạng CSV'), 120)
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const text = await (await download.createReadStream()).toArray()
  expect(Buffer.concat(text).toString('utf8')).toContain(taskTitle)
}

test('sign-in, a progress report and a CSV download with the keyboard alone, every focus visible', async ({ page }) => {
  await reportByKeyboard(page, 'Sắp xếp, giảm lớp ghép và lớp quy mô nhỏ', `Báo cáo bằng bàn phím ${Date.now()}`)
})

test('the same path completes on a slow 3G link', async ({ page }) => {
  test.setTimeout(180_000)
  // Chromium's "Slow 3G" preset: 400 ms round trip, about 400 kbit/s down and up.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 })
  page.setDefaultTimeout(60_000)
  await reportByKeyboard(page, 'Sắp xếp, giảm điểm trường lẻ', `Báo cáo qua mạng chậm ${Date.now()}`)
})

test('while a page is on its way, a loading bar shows and screen readers hear that the page is loading', async ({ page }) => {
  await signIn(page, 'minh-cam')
  await page.goto('/units/minh-cam')
  // Holds the next page's answer back until the test lets it go: a slow link, made certain.
  let answer: () => void = () => {}
  const held = new Promise<void>((resolve) => (answer = resolve))
  await page.route(
    (url) => url.pathname === '/tasks',
    async (route) => {
      await held
      await route.continue()
    },
  )
  const loading = page.getByRole('status').filter({ hasText: 'Đang tải trang…' })
  await expect(loading).toHaveCount(0)

  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhiệm vụ', exact: true }).click()
  await expect(loading).toBeVisible()
  await expect(page).toHaveURL(/\/units\/minh-cam$/)

  answer()
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(loading).toHaveCount(0)
})

test('a report with 12 MB of evidence on a slow link shows how much has been sent, and the files arrive whole', async ({ page }) => {
  test.setTimeout(120_000)
  const account = await createAccount()
  await signIn(page, account.username, account.password)
  await page.goto('/units/minh-cam/tasks/giam-lop-hoc')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  // About 2 MB/s up: the 12 MB take some seconds, long enough to watch.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 2_000_000, uploadThroughput: 2_000_000 })
  // Two PDFs of 6 MB: together beyond the 10 MB a request body is cut to by default when a proxy runs.
  const pdf = (name: string, filler: number) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6_000_000, filler), Buffer.from('\n%%EOF\n')]),
  })
  const files = [pdf('bien-ban-1.pdf', 0x31), pdf('bien-ban-2.pdf', 0x32)]
  const note = `Báo cáo kèm tệp lớn ${Date.now()}`

  const form = page.getByRole('form', { name: 'Cập nhật tiến độ' })
  await form.getByLabel('Ghi chú').fill(note)
  await form.getByLabel('Tệp minh chứng').setInputFiles(files)
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()

  const sending = form.getByRole('progressbar', { name: 'Đang gửi tệp' })
  await expect(sending).toBeVisible()
  const sentShare = () => sending.evaluate((bar: HTMLProgressElement) => bar.value / bar.max)
  await expect.poll(sentShare).toBeGreaterThan(0.1)
  expect(await sentShare()).toBeLessThan(1)
  await expect(form).toContainText(/Đã gửi [\d,]+ MB \/ 11,4 MB/)

  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.', { timeout: 60_000 })
  await expect(sending).toHaveCount(0)
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  const report = page.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('listitem').filter({ hasText: note })
  for (const file of files) {
    const link = report.getByRole('link', { name: file.name })
    const response = await page.request.get((await link.getAttribute('href'))!)
    expect(await response.body()).toEqual(file.buffer)
  }
  await expect(form.getByLabel('Ghi chú')).toHaveValue('')
})
