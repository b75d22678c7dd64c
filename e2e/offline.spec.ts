// In the field: reports made without a connection are kept on the device, files included, and sent
// once when the connection returns, under the user who made them only; pages opened before read
// offline; a report without files cut off on its way is kept and sent once too; the answer is in
// view on a phone; a device that refuses to keep a report says so.
// Reports here keep the assignment's status and progress (only a note and files are added), so
// the figures other specs read do not move; "vi-tri-viec-lam-cap-xa" is used by no other spec.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, expect, test, type BrowserContext, type Page, type Route } from '@playwright/test'
import { createAccount, database, signIn } from './helpers'

const MINH_CAM = '/units/minh-cam/tasks/vi-tri-viec-lam-cap-xa'
const NAM_SON = '/units/nam-son/tasks/vi-tri-viec-lam-cap-xa'

const form = (page: Page) => page.getByRole('form', { name: 'Cập nhật tiến độ' })
const queueButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Chờ gửi/ })
const history = (page: Page) => page.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('listitem')

function pdf(name: string, filler: number) {
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, filler), Buffer.from('\n%%EOF\n')]) }
}

/** The reports saved with this note: who wrote each, and how many files each carries. */
async function saved(note: string): Promise<{ authorId: string; files: number }[]> {
  const { rows } = await database().query<{ authorId: string; files: string }>(
    `SELECT s."authorId", (SELECT count(*) FROM "Attachment" e WHERE e."statusUpdateId" = s.id) AS files FROM "StatusUpdate" s WHERE s.note = $1`,
    [note],
  )
  return rows.map((row) => ({ authorId: row.authorId, files: Number(row.files) }))
}

/** Opens the page under the service worker, so that the page is kept for offline reading. */
async function openKept(page: Page, address: string) {
  await page.goto(address)
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  await page.reload()
  await expect(form(page)).toBeVisible()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
}

/** Makes a report with the connection off; it is kept on the device. */
async function reportOffline(context: BrowserContext, page: Page, note: string, files: ReturnType<typeof pdf>[] = []) {
  await context.setOffline(true)
  await form(page).getByLabel('Ghi chú').fill(note)
  if (files.length) await form(page).getByLabel('Tệp minh chứng').setInputFiles(files)
  await form(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form(page).getByRole('status')).toContainText('Chưa có kết nối: báo cáo đã được giữ trên máy')
}

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).last().click()
  await expect(page).toHaveURL(/\/login$/)
}

test('a report with two files made offline survives a browser restart and is sent once when the connection returns', async ({}, testInfo) => {
  test.setTimeout(120_000)
  const account = await createAccount()
  const profile = await mkdtemp(path.join(os.tmpdir(), 'nq19-offline-'))
  const { launchOptions, baseURL, locale, timezoneId } = testInfo.project.use
  const launch = () => chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, locale, timezoneId })
  const note = `Báo cáo lập khi mất sóng ${Date.now()}`
  try {
    let context = await launch()
    let page = context.pages()[0] ?? (await context.newPage())
    await signIn(page, account.username, account.password)
    await openKept(page, MINH_CAM)
    await reportOffline(context, page, note, [pdf('bien-ban-hop.pdf', 0x31), pdf('danh-sach.pdf', 0x32)])
    await expect(form(page).getByRole('status')).toContainText('2 tệp')
    await expect(queueButton(page)).toContainText('1')
    expect(await saved(note)).toEqual([])
    await context.close()

    // The browser starts again, still without a connection: the page opens from the device, marked.
    context = await launch()
    await context.setOffline(true)
    page = await context.newPage() // a page opened after going offline: it knows it is (navigator.onLine)
    await page.goto(MINH_CAM)
    await expect(page.getByRole('status').filter({ hasText: /^Dữ liệu lúc \d\d:\d\d \d\d\/\d\d/ })).toBeVisible()
    await expect(queueButton(page)).toContainText('1')
    await queueButton(page).click()
    await expect(page.getByRole('region', { name: 'Báo cáo chờ gửi trên máy này' })).toContainText('2 tệp')

    // Back online, the next visit sends it (a page opened offline in a persistent profile is not
    // told that the connection returned: Playwright leaves navigator.onLine alone there).
    await context.setOffline(false)
    await page.reload()
    await expect(queueButton(page)).toHaveCount(0)
    await expect(history(page).filter({ hasText: note })).toHaveCount(1)
    await page.reload()
    await expect(history(page).filter({ hasText: note }).getByRole('link', { name: 'bien-ban-hop.pdf' })).toBeVisible()
    expect(await saved(note)).toEqual([{ authorId: account.id, files: 2 }])
    await context.close()
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
})

test('reports queued by two users on one device are sent under their own users only', async ({ context, page }) => {
  test.setTimeout(120_000)
  const first = await createAccount()
  const firstNote = `Báo cáo chờ của người thứ nhất ${Date.now()}`
  const secondNote = `Báo cáo chờ của Nậm Sơn ${Date.now()}`
  await signIn(page, first.username, first.password)
  await openKept(page, MINH_CAM)
  await reportOffline(context, page, firstNote)
  // Back online only to sign out: the report must not go yet, so its sending is cut off.
  await page.route('**/api/status-updates', (route) => route.abort())
  await context.setOffline(false)
  await signOut(page)
  await page.unroute('**/api/status-updates')

  await signIn(page, 'nam-son')
  await expect(queueButton(page)).toHaveCount(0)
  await openKept(page, NAM_SON)
  await reportOffline(context, page, secondNote)
  await expect(queueButton(page)).toContainText('1')
  await context.setOffline(false)
  await expect(queueButton(page)).toHaveCount(0)
  await expect(history(page).filter({ hasText: secondNote })).toHaveCount(1)
  const { rows } = await database().query<{ id: string }>(`SELECT id FROM "User" WHERE username = 'nam-son'`)
  expect(await saved(secondNote)).toEqual([{ authorId: rows[0]!.id, files: 0 }])
  expect(await saved(firstNote)).toEqual([])

  await signOut(page)
  await signIn(page, first.username, first.password)
  await page.goto(MINH_CAM)
  await expect(history(page).filter({ hasText: firstNote })).toHaveCount(1)
  await expect(queueButton(page)).toHaveCount(0)
  expect(await saved(firstNote)).toEqual([{ authorId: first.id, files: 0 }])
})

test('a report queued offline that meets another saved in between shows both, the input ready to send again', async ({ browser, context, page }) => {
  test.setTimeout(120_000)
  const [mine, other] = [await createAccount(), await createAccount()]
  const myNote = `Báo cáo của tôi khi mất sóng ${Date.now()}`
  const otherNote = `Báo cáo của người khác trong lúc đó ${Date.now()}`
  await signIn(page, mine.username, mine.password)
  await openKept(page, MINH_CAM)
  await reportOffline(context, page, myNote, [pdf('anh-chup.pdf', 0x33)])

  const otherPage = await (await browser.newContext()).newPage()
  await signIn(otherPage, other.username, other.password)
  await otherPage.goto(MINH_CAM)
  await form(otherPage).getByLabel('Ghi chú').fill(otherNote)
  await form(otherPage).getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form(otherPage).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
  await otherPage.context().close()

  await context.setOffline(false)
  const alert = form(page).getByRole('alert')
  await expect(alert.filter({ hasText: 'không được lưu vì có người khác đã lưu trước' })).toBeVisible()
  await expect(alert.filter({ hasText: 'vừa cập nhật nhiệm vụ này lúc' })).toContainText(otherNote)
  await expect(form(page).getByLabel('Ghi chú')).toHaveValue(myNote)
  await expect.poll(() => form(page).getByLabel('Tệp minh chứng').evaluate((input: HTMLInputElement) => input.files?.length)).toBe(1)
  expect(await saved(myNote)).toEqual([])

  await form(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form(page).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
  await expect(queueButton(page)).toHaveCount(0)
  expect(await saved(myNote)).toEqual([{ authorId: mine.id, files: 1 }])
})

test.describe('a send cut off on its way', () => {
  // page.route sees only what the page itself fetches: the worker's requests would pass it by.
  test.use({ serviceWorkers: 'block' })

  test('a report without files that meets a 503 or a dropped connection is kept on the device and sent once when the link returns', async ({ page }) => {
    test.setTimeout(120_000)
    const account = await createAccount()
    await signIn(page, account.username, account.password)
    await page.goto(MINH_CAM)
    // The way in fails the posts, the form's (its server action, at the page's address) and the queue's alike.
    for (const failure of ['503', 'dropped'] as const) {
      const cutOff = (route: Route) => {
        if (route.request().method() !== 'POST') return route.continue()
        return failure === '503' ? route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' }) : route.abort('connectionreset')
      }
      await page.route(`**${MINH_CAM}`, cutOff)
      await page.route('**/api/status-updates', cutOff)
      const note = `Báo cáo gặp ${failure === '503' ? 'lỗi 503' : 'ngắt kết nối'} ${Date.now()}`
      await form(page).getByLabel('Ghi chú').fill(note)
      await form(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
      await expect(form(page).getByRole('status')).toHaveText('Chưa gửi được vì mất kết nối: báo cáo đã được giữ trên máy (không có tệp) và sẽ tự gửi khi có mạng.')
      await expect(queueButton(page)).toContainText('1')
      await expect(form(page)).toBeVisible() // not the error page
      expect(await saved(note)).toEqual([])

      // The link returns: it goes out once, and leaves the device.
      await page.unrouteAll()
      await page.evaluate(() => window.dispatchEvent(new Event('online')))
      await expect(queueButton(page)).toHaveCount(0)
      await expect(history(page).filter({ hasText: note })).toHaveCount(1)
      expect(await saved(note)).toEqual([{ authorId: account.id, files: 0 }])
      await page.reload()
      await expect(queueButton(page)).toHaveCount(0)
      expect(await saved(note)).toHaveLength(1)
    }
  })
})

test('at 360 px the answer to a report takes the focus and is in view', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const account = await createAccount()
  await signIn(page, account.username, account.password)
  await page.goto(MINH_CAM)
  await form(page).getByLabel('Ghi chú').fill(`Báo cáo trên điện thoại ${Date.now()}`)
  await form(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
  const answer = form(page).getByRole('status')
  await expect(answer).toHaveText('Đã lưu báo cáo tiến độ.')
  await expect(answer).toBeInViewport()
  await expect(form(page).locator(':focus')).toContainText('Đã lưu báo cáo tiến độ.')
})

test('a device whose storage refuses the report says at once that it was not kept, and the input stays', async ({ context, page, baseURL }) => {
  const account = await createAccount()
  // A device with no room left: set before any page opens its storage, which reads the quota once.
  const cdp = await context.newCDPSession(page)
  const origin = new URL(baseURL!).origin
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
  try {
    await signIn(page, account.username, account.password)
    await page.goto(MINH_CAM)
    const note = `Báo cáo không giữ được ${Date.now()}`
    await context.setOffline(true)
    await form(page).getByLabel('Ghi chú').fill(note)
    await form(page).getByLabel('Tệp minh chứng').setInputFiles([pdf('bien-ban.pdf', 0x34)])
    await form(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(form(page).getByRole('alert')).toContainText('Không giữ được báo cáo trên máy vì bộ nhớ của trình duyệt đã đầy')
    await expect(form(page).getByLabel('Ghi chú')).toHaveValue(note)
    await expect.poll(() => form(page).getByLabel('Tệp minh chứng').evaluate((input: HTMLInputElement) => input.files?.length)).toBe(1)
    await expect(queueButton(page)).toHaveCount(0)
  } finally {
    // The override is the browser's, which the next specs share: given back whatever happens.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin })
  }
})
