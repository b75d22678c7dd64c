// The long lists are read a page at a time. The demo district fits on one page of each,
// so past the end answers "not found" and a malformed number shows the first page; the audit log,
// given 60 events of an account of this spec's own, is paged through with its filter kept.
import { expect, test } from '@playwright/test'
import { createAccount, database, signIn } from './helpers'

test('on the communes, members, reports and task pages, a page past the end does not exist and a malformed page number shows the first', async ({ page }) => {
  await signIn(page, 'bi-thu')
  const lists = [
    { path: '/communes', shows: page.getByRole('link', { name: 'Xã Minh Cầm' }) },
    { path: '/members', shows: page.getByRole('heading', { name: 'Tiến độ theo ủy viên BTV phụ trách', level: 1 }) },
    { path: '/reviews', shows: page.getByRole('heading', { name: 'Báo cáo chờ xác nhận', level: 1 }) },
    { path: '/tasks/sap-xep-thon-ban', shows: page.getByRole('table').first() },
  ]
  for (const { path, shows } of lists) {
    expect((await page.goto(`${path}?page=999`))?.status(), path).toBe(404)
    expect((await page.goto(`${path}?page=abc`))?.status(), path).toBe(200)
    await expect(shows.first()).toBeVisible()
    // One page holds the whole demo list: no page navigation.
    await expect(page.getByRole('navigation', { name: /trang/i })).toHaveCount(0)
  }
  // The past's numbers page the same way.
  expect((await page.goto('/communes?asOf=2026-06-30&page=2'))?.status()).toBe(404)
  expect((await page.goto('/communes?asOf=2026-06-30&page=1'))?.status()).toBe(200)
})

test('the reports page counts every report waiting for the reader, as the header does', async ({ page }) => {
  await signIn(page, 'bi-thu')
  await page.goto('/reviews?page=1')
  const badge = Number(await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /Chờ xác nhận/ }).innerText().then((text) => text.replace(/\D/g, '')))
  if (badge === 0) await expect(page.getByText('Không có báo cáo nào đang chờ đồng chí xác nhận.')).toBeVisible()
  else await expect(page.getByText(`${badge} báo cáo đang chờ đồng chí xác nhận;`, { exact: false })).toBeVisible()
})

test('the audit log pages 60 events 50 at a time, keeping its filter, and shows the last page for one past it', async ({ page }) => {
  const account = await createAccount()
  await database().query(
    `INSERT INTO "AuditEvent" ("actorId", action, entity, "entityId", "createdAt")
     SELECT $1::uuid, 'auth.sign_in', 'User', $1::text, now() - n * interval '1 minute' FROM generate_series(1, 60) n`,
    [account.id],
  )
  await signIn(page, 'chu-nhiem-ubkt')
  await page.goto(`/audit?user=${account.username}`)
  await expect(page.getByRole('status').filter({ hasText: '60 sự kiện' })).toBeVisible()
  const pages = page.getByRole('navigation', { name: 'Phân trang' })
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Trang 1/2')
  await expect(pages.getByRole('link', { name: 'Trang trước' })).toHaveCount(0)
  await pages.getByRole('link', { name: 'Trang sau' }).click()
  await expect(page).toHaveURL(new RegExp(`/audit\\?user=${account.username}&page=2$`))
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Trang 2/2')
  await expect(page.getByRole('table', { name: 'Nhật ký hoạt động' }).locator(':scope > tbody > tr')).toHaveCount(10)
  await expect(pages.getByRole('link', { name: 'Trang trước' })).toHaveAttribute('rel', 'prev')
  await expect(pages.getByRole('link', { name: 'Trang sau' })).toHaveCount(0)

  await page.goto(`/audit?user=${account.username}&page=abc`)
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Trang 1/2')
  await page.goto(`/audit?user=${account.username}&page=99`)
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Trang 2/2')
})
