// Every page, for the people who use it: no serious or critical axe-core violation
// (WCAG 2.1 A and AA rules, contrast included); and on a phone, 360 px wide, the page itself never
// scrolls sideways (wide tables scroll inside their own box) and every control is a 44 px target.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'
import { seriousViolations, sidewaysOverflow, smallTouchTargets } from './page-checks'

type Visit = { account: string | null; paths: string[] }

const MISSING_PAGE = '/khong-co-trang-nay'

const VISITS: Visit[] = [
  // The page for a missing page too (the one for the database being down: database-outage.spec.ts).
  { account: null, paths: ['/login', MISSING_PAGE, '/verify-email/no-such-token', '/unsubscribe/no-such-token'] },
  {
    account: 'bi-thu',
    paths: [
      '/',
      '/communes',
      '/communes/minh-cam',
      '/members',
      '/members/bi-thu',
      '/tasks',
      '/tasks/bao-cao-so-ket',
      '/units/minh-cam',
      '/units/minh-cam/tasks/bao-cao-so-ket',
      '/reviews',
      '/reminders',
      '/reports',
      '/search?q=Minh',
      '/questions',
      '/account',
      '/account/password',
    ],
  },
  { account: 'minh-cam', paths: ['/', '/reminders', '/notifications', '/questions', '/units/minh-cam', '/units/minh-cam/tasks/bao-cao-so-ket', '/account/two-factor', '/account/mail'] },
  // Another commune's assignment, its details withheld.
  { account: 'nam-son', paths: ['/units/minh-cam/tasks/bao-cao-so-ket', '/tasks/bao-cao-so-ket', '/questions'] },
  // The office: the questions of every unit, an assignment's page with its answer and publish forms,
  // and the review reports it writes (a draft's page and an issued one: e2e/report-draft.spec.ts).
  { account: 'van-phong-huyen-uy', paths: ['/notifications', '/questions', '/questions?state=waiting', '/units/minh-cam/tasks/bao-cao-so-ket', '/reports', '/reports/drafts'] },
  {
    account: 'admin',
    paths: [
      '/admin',
      '/admin/units',
      '/admin/units/minh-cam',
      '/admin/members',
      '/admin/members/bi-thu',
      '/admin/groups',
      '/admin/groups/sap-xep-bo-may',
      '/admin/tasks',
      '/admin/tasks/bao-cao-so-ket',
      '/admin/periods',
      '/admin/users',
      '/admin/users/minh-cam',
      '/admin/import',
      '/admin/outbox',
      '/audit',
      '/questions',
    ],
  },
]

const WIDTHS = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
]

for (const { name, viewport } of WIDTHS) {
  test.describe(`${name} (${viewport.width} px)`, () => {
    const phone = viewport.width < 640
    test.use({ viewport, hasTouch: phone, isMobile: phone })
    for (const { account, paths } of VISITS) {
      test(`${account ?? 'signed out'}: every page is accessible and fits`, async ({ page }) => {
        test.setTimeout(paths.length * 20_000)
        if (account) await signIn(page, account)
        const problems: string[] = []
        for (const path of paths) {
          const response = await page.goto(path)
          expect(response?.status(), path).toBe(path === MISSING_PAGE ? 404 : 200)
          for (const violation of await seriousViolations(page)) problems.push(`${path} ${violation}`)
          const overflow = await sidewaysOverflow(page)
          if (overflow > 0) problems.push(`${path} scrolls sideways by ${overflow} px`)
          if (phone) for (const target of await smallTouchTargets(page)) problems.push(`${path} touch target ${target}`)
        }
        expect(problems).toEqual([])
      })
    }
  })
}

test('on a phone, number fields open the number keyboard: whole numbers for progress, decimals for a figure', async ({ page }) => {
  await signIn(page, 'minh-cam')
  await page.goto('/units/minh-cam/tasks/giam-lop-hoc')
  const form = page.getByRole('form', { name: 'Cập nhật tiến độ' })
  await expect(form.getByLabel('Tiến độ (%)')).toHaveAttribute('inputmode', 'numeric')
  await expect(form.getByLabel(/^Kết quả/)).toHaveAttribute('inputmode', 'decimal')
})

test.describe('on a phone, the header', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })

  test('is one row with the reminders count; its menu holds every link, accessible and touchable', async ({ page }) => {
    await signIn(page, 'bi-thu')
    await page.goto('/communes')
    const header = page.getByRole('banner')
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(80)
    await expect(header.getByRole('link', { name: /^Nhắc việc/ })).toBeVisible()
    const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' })
    await expect(navigation).toBeHidden()

    await header.getByText('Trình đơn', { exact: true }).click()
    for (const name of ['Tổng quan', 'Xã, thị trấn', 'Ủy viên BTV', 'Nhiệm vụ', 'Sơ kết, tổng kết', 'Nhật ký']) await expect(navigation.getByRole('link', { name, exact: true })).toBeVisible()
    await expect(header.getByRole('search')).toBeVisible()
    await expect(header.getByRole('button', { name: 'Đăng xuất' })).toBeVisible()
    expect([...(await seriousViolations(page)), ...(await smallTouchTargets(page)), `sideways ${await sidewaysOverflow(page)} px`]).toEqual(['sideways 0 px'])
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('the menu opens and its links lead on', async ({ page }) => {
      await signIn(page, 'minh-cam')
      await page.goto('/reminders')
      const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' })
      await expect(navigation).toBeHidden()
      await page.getByRole('banner').getByText('Trình đơn', { exact: true }).click()
      await navigation.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click()
      await expect(page).toHaveURL(/\/tasks$/)
      await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeHidden()
    })
  })
})
