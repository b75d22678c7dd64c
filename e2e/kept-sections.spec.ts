// The progress pages' sections are HTML kept across readers (lib/queries/kept-html.ts), not built
// by React in the browser: their links still open the next page without reloading the document
// (as every other link does), and on a phone their wide tables still show the shaded edge that
// says more columns are out of view, until the reader has scrolled to the end.
import { expect, test } from '@playwright/test'
import { signedIn } from './helpers'

const overviewTitle = { vi: 'Tổng quan tiến độ thực hiện Đề án 25', en: 'Progress of Scheme 25: district overview' }

test('a leader follows a link inside the overview’s kept section: the commune list opens without reloading the page', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto('/')
  await page.evaluate(() => ((window as Window & { keptMark?: number }).keptMark = 1))
  await page.getByRole('link', { name: 'Xem bảng tổng hợp các xã, thị trấn' }).click()
  await expect(page).toHaveURL(/\/communes$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The same document: the mark set before the click is still there.
  expect(await page.evaluate(() => (window as Window & { keptMark?: number }).keptMark)).toBe(1)
})

test('on a 360 px phone the units table of a task’s kept section is shaded at its right edge until scrolled to the end', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/tasks/sap-xep-thon-ban')
  const box = page.getByRole('region', { name: /^Tình trạng, tiến độ, kết quả chỉ tiêu/ })
  const edge = box.locator('xpath=following-sibling::span[@data-scroll-edge]')
  const wider = await box.evaluate((element) => element.scrollWidth > element.clientWidth)
  expect(wider).toBe(true)
  await expect(edge).toHaveAttribute('data-scroll-more', '')
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth }))
  await expect(edge).not.toHaveAttribute('data-scroll-more')
})

test('two leaders reading the overview in turns, one in English and one in Vietnamese, each get the section in their own language', async ({ browser, baseURL }) => {
  const [english, vietnamese] = [await signedIn(browser, 'bi-thu'), await signedIn(browser, 'truong-ban-tuyen-giao')]
  await english.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }])
  for (let i = 0; i < 2; i++) {
    await english.goto('/')
    await expect(english.getByRole('heading', { level: 1 })).toHaveText(overviewTitle.en)
    await vietnamese.goto('/')
    await expect(vietnamese.getByRole('heading', { level: 1 })).toHaveText(overviewTitle.vi)
  }
})
