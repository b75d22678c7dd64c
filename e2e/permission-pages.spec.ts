// The pages behind the district-wide rules, for one account of each role, the expected
// answer read from the rule table itself (lib/auth/rules.ts): allowed, the page opens and the
// header links to it; refused, the page does not exist (404) or, for the overview, staff land on
// their own unit, and the header has no link. Then what the office does on a commune's assignment.
import { expect, test } from '@playwright/test'
import { DISTRICT_RULES, type DistrictAction } from '../lib/auth/rules'
import type { Role } from '../lib/auth/roles'
import { signedIn } from './helpers'

const ACCOUNTS: Record<Role, string> = { STAFF: 'thanh-lam', LEADER: 'pho-bi-thu-tt', OFFICE: 'van-phong-huyen-uy', ADMIN: 'admin' }

/**
 * Each district-wide action's page, its heading, and its link in the header's navigation; a link
 * `inside` another action's page is in the header only for who lacks that one (administrators
 * reach the periods through the administration). Publishing a question is a form, not a page
 * (e2e/questions.spec.ts).
 */
type PageAction = Exclude<DistrictAction, 'question.publish'>
const PAGES: Record<PageAction, { path: string; heading: RegExp; link: RegExp; inside?: PageAction }> = {
  'overview.read': { path: '/', heading: /^Tổng quan tiến độ/, link: /^Tổng quan$/ },
  'review.queue': { path: '/reviews', heading: /Chờ xác nhận|Báo cáo chờ xác nhận/, link: /^Chờ xác nhận/ },
  'report.create': { path: '/reports', heading: /^Báo cáo sơ kết, tổng kết$/, link: /^Sơ kết, tổng kết$/ },
  'audit.read': { path: '/audit', heading: /Nhật ký/, link: /^Nhật ký/ },
  'period.manage': { path: '/admin/periods', heading: /^Kỳ báo cáo$/, link: /^Kỳ báo cáo$/, inside: 'admin.manage' },
  'admin.manage': { path: '/admin', heading: /Quản trị/, link: /^Quản trị$/ },
}

for (const [role, username] of Object.entries(ACCOUNTS) as [Role, string][]) {
  test(`${role} (${username}) reaches exactly the district pages the rule table gives the role`, async ({ browser }) => {
    const page = await signedIn(browser, username)
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
    await expect(page, 'lands on the overview, or on their own unit').toHaveURL(DISTRICT_RULES[role]['overview.read'] ? /\/$/ : new RegExp(`/units/${username}$`))
    for (const [action, { path, heading, link, inside }] of Object.entries(PAGES) as [PageAction, (typeof PAGES)[PageAction]][]) {
      const allowed = DISTRICT_RULES[role][action] === true
      const linked = allowed && !(inside && DISTRICT_RULES[role][inside])
      await page.goto('/search')
      await expect(nav.getByRole('link', { name: link }), `${action}: header link`).toHaveCount(linked ? 1 : 0)
      const response = await page.goto(path)
      if (allowed) {
        expect(response?.status(), `${action}: ${path}`).toBe(200)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
      } else if (action === 'overview.read') {
        await expect(page).toHaveURL(new RegExp(`/units/${username}$`))
      } else {
        expect(response?.status(), `${action}: ${path}`).toBe(404)
      }
    }
  })
}

test('the office opens no other administration page, and answers questions on any assignment: a commune\'s assignment has the answer box', async ({ browser }) => {
  const page = await signedIn(browser, ACCOUNTS.OFFICE)
  expect((await page.goto('/admin/users'))?.status()).toBe(404)
  await page.goto('/units/thanh-lam')
  await page.locator('main a[href^="/units/thanh-lam/tasks/"]').first().click()
  await expect(page.getByRole('region', { name: 'Hỏi - đáp' }).getByLabel('Nội dung câu hỏi hoặc trả lời')).toBeVisible()
})
