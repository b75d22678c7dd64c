// Leaders see progress per member and per task; one search box finds units, tasks and members.
// The e2e database is shared with the other spec files: these tests read numbers before and after
// their own change, never the demo's absolute totals. The only task written here is "Rà soát, sáp
// nhập thôn, bản…" in Minh Cầm, which no other spec touches.
import { expect, test, type Page } from '@playwright/test'
import { expectNothingToChange, signIn, signedIn } from './helpers'

/** The figure beside a label in the member's "Tình hình chung" panel. */
const figure = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Tình hình chung' }).locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]')

const unitsTable = (page: Page) => page.getByRole('table', { name: /Tình trạng, tiến độ, kết quả chỉ tiêu/ })

/** Today in Ba Chẽ as the pages write it. */
const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date())

test.describe('a Minh Cầm report seen by the member in charge and on the task', () => {
  const taskPath = '/tasks/sap-xep-thon-ban'
  const title = 'Rà soát, sáp nhập thôn, bản, khu phố chưa đủ tiêu chuẩn'
  const note = 'Rà soát lại phát sinh 1 thôn chưa đủ tiêu chuẩn, đang lập phương án sáp nhập bổ sung.'

  test('staff of Minh Cầm reopens a done task; the Party Secretary then has one more report to confirm and sees Minh Cầm overdue at 80% on the task', async ({ browser }) => {
    const leader = await signedIn(browser, 'bi-thu')
    await leader.goto('/members/bi-thu')
    await expect(leader.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Đình Khải')
    const pendingBefore = Number(await figure(leader, 'Chờ xác nhận').innerText())
    await leader.goto(taskPath)
    await expect(leader.getByRole('heading', { level: 1 })).toHaveText(title)
    const rowBefore = unitsTable(leader).getByRole('row', { name: /Xã Minh Cầm/ })
    await expect(rowBefore).toContainText('Hoàn thành')
    await expect(rowBefore).toContainText('100%')

    const staff = await signedIn(browser, 'minh-cam')
    await staff.getByRole('link', { name: title }).click()
    await expect(staff).toHaveURL(/\/units\/minh-cam\/tasks\/sap-xep-thon-ban$/)
    const form = staff.getByRole('form', { name: 'Cập nhật tiến độ' })
    await form.getByLabel('Đang thực hiện').check()
    await form.getByLabel('Tiến độ (%)').fill('80')
    await form.getByLabel('Ghi chú').fill(note)
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')

    await leader.goto('/members/bi-thu')
    await expect(figure(leader, 'Chờ xác nhận')).toHaveText(String(pendingBefore + 1))
    const awaiting = leader.getByRole('region', { name: 'Báo cáo chờ xác nhận' }).getByRole('listitem').filter({ hasText: title })
    await expect(awaiting).toContainText('Xã Minh Cầm')
    await expect(awaiting).toContainText('Đang thực hiện, 80%')

    await leader.goto(taskPath)
    const row = unitsTable(leader).getByRole('row', { name: /Xã Minh Cầm/ })
    await expect(row).toContainText('Quá hạn')
    await expect(row).toContainText('80%')
    await expect(row).toContainText(today)
    const latest = leader.getByRole('region', { name: 'Báo cáo gần đây' }).getByRole('listitem').first()
    await expect(latest).toContainText('Xã Minh Cầm')
    await expect(latest).toContainText('Chờ xác nhận')
    await expect(latest).toContainText(note)
    await latest.getByRole('link', { name: 'Xã Minh Cầm' }).click()
    await expect(leader).toHaveURL(/\/units\/minh-cam\/tasks\/sap-xep-thon-ban#update-/)
  })
})

test.describe('one search box', () => {
  test('"minh cam" typed in the header and "MINH CẦM" typed on the page both find Xã Minh Cầm, linked to its commune page', async ({ page }) => {
    await signIn(page, 'dap-thanh')
    const header = page.getByRole('search')
    await header.getByRole('searchbox').fill('minh cam')
    await header.getByRole('button', { name: 'Tìm' }).click()
    await expect(page).toHaveURL(/\/search\?q=minh\+cam$/)
    const main = page.getByRole('main')
    await expect(main.getByRole('searchbox')).toHaveValue('minh cam')
    const units = main.getByRole('region', { name: /Đơn vị/ })
    await expect(units.getByRole('link', { name: /Xã Minh Cầm/ })).toHaveAttribute('href', '/communes/minh-cam')

    await main.getByRole('searchbox').fill('MINH CẦM')
    await main.getByRole('button', { name: 'Tìm' }).click()
    await expect(page).toHaveURL(/\/search\?q=MINH/)
    await expect(main.getByRole('searchbox')).toHaveValue('MINH CẦM')
    await expect(main.getByRole('region', { name: /Đơn vị/ }).getByRole('link', { name: /Xã Minh Cầm/ })).toBeVisible()
  })

  test('finds tasks and members by words without diacritics, each linked to its page', async ({ page }) => {
    await signIn(page, 'dap-thanh')
    await page.goto('/search?q=dinh%20khai')
    await page.getByRole('main').getByRole('region', { name: /Ủy viên BTV/ }).getByRole('link', { name: /Nguyễn Đình Khải/ }).click()
    await expect(page).toHaveURL(/\/members\/bi-thu$/)
    await page.goto('/search?q=sap%20nhap%20thon')
    await page.getByRole('main').getByRole('region', { name: /Nhiệm vụ/ }).getByRole('link', { name: /Rà soát, sáp nhập thôn, bản/ }).click()
    await expect(page).toHaveURL(/\/tasks\/sap-xep-thon-ban$/)
  })

  test('asks for at least 2 letters, and says when nothing is found', async ({ page }) => {
    await signIn(page, 'dap-thanh')
    await page.goto('/search?q=m')
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Nhập ít nhất 2 ký tự để tìm kiếm.')
    await page.goto('/search?q=khong%20co%20gi%20nhu%20vay')
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Không tìm thấy kết quả nào cho “khong co gi nhu vay”.')
  })
})

test.describe('staff read the progress pages', () => {
  test('staff of Đạp Thanh finds the members and tasks in the header and reads them, with nothing to change', async ({ page }) => {
    await signIn(page, 'dap-thanh')
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toHaveCount(0)
    await expect(nav.getByRole('link', { name: /Chờ xác nhận/ })).toHaveCount(0)

    await nav.getByRole('link', { name: 'Ủy viên BTV' }).click()
    await expect(page).toHaveURL(/\/members$/)
    const main = page.getByRole('main')
    await expect(main.getByRole('article')).toHaveCount(8)
    await expect(main).toContainText('nhiều nhiệm vụ quá hạn nhất đứng trước')
    await expectNothingToChange(main)

    await nav.getByRole('link', { name: 'Nhiệm vụ' }).click()
    await expect(page).toHaveURL(/\/tasks$/)
    await expect(main.getByRole('heading', { level: 2, name: 'Nhất thể hóa chức danh, tăng cường kiêm nhiệm' })).toBeVisible()
    await main.getByRole('link', { name: 'Bố trí bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố' }).click()
    await expect(page).toHaveURL(/\/tasks\/bi-thu-chi-bo-kiem-truong-thon$/)
    // The district result is the sum of the communes' figures, against the target of 43 Party cells.
    await expect(page.getByRole('region', { name: 'Tình hình toàn huyện' })).toContainText('Mục tiêu: 43')
    await expect(unitsTable(page).getByRole('row')).toHaveCount(10)
    await expectNothingToChange(main)
  })

  test('a member or task code that does not exist answers not found', async ({ page }) => {
    await signIn(page, 'dap-thanh')
    expect((await page.goto('/members/khong-co-ai'))?.status()).toBe(404)
    expect((await page.goto('/tasks/khong-co-nhiem-vu-nay'))?.status()).toBe(404)
  })
})
