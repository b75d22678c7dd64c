// The pages behind the district-wide rules, for one account of each role, the expected
// answer read from the rule table itself (lib/auth/rules.ts): allowed, the page opens and the
// header links to it; refused, the page does not exist (404) or, for the overview, staff land on
// their own unit, and the header has no link. Then what the office does on a commune's assignment,
// and two districts that cannot see each other.
import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { hashPassword } from '../lib/auth/password'
import { DISTRICT_RULES, type DistrictAction } from '../lib/auth/rules'
import type { Role } from '../lib/auth/roles'
import { database, password, signedIn } from './helpers'

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
  'report.write': { path: '/reports/drafts', heading: /^Dự thảo và báo cáo đã ban hành$/, link: /^Dự thảo và báo cáo đã ban hành$/, inside: 'report.create' },
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

// Two districts under one province (DESIGN.md "Roles", scopes follow the tree): a second district,
// Tiên Yên, is made beside the demo's Ba Chẽ under Tỉnh Quảng Ninh, with a commune, an assignment
// of a task the province owns and an account of each role. Neither district's accounts find the
// other's units, assignments, review reports or downloads (404, as a missing record), nor Tiên Yên Ba Chẽ's own tasks;
// the province's task Tiên Yên's administrator reads without changing it; the province's administrator finds both.
test.describe('two districts under one province', () => {
  const suffix = randomBytes(3).toString('hex')
  const tienYen = { district: `tien-yen-${suffix}`, commune: `dong-ngu-${suffix}`, office: `vp-tien-yen-${suffix}` }
  const accounts = { STAFF: `dong-ngu-${suffix}`, LEADER: `lanh-dao-tien-yen-${suffix}`, OFFICE: `vp-tien-yen-${suffix}`, ADMIN: `admin-tien-yen-${suffix}` } satisfies Record<Role, string>
  const provinceAdmin = `admin-tinh-${suffix}`
  const provinceTask = { group: `nhom-tinh-${suffix}`, code: `nv-tinh-${suffix}`, title: `Nhiệm vụ Tỉnh ủy giao ${suffix}` }
  let baCheTask = ''
  let baCheReports: string[] = []

  test.beforeAll(async () => {
    const db = database()
    const unit = (code: string, name: string, kind: string, parent: string) =>
      db.query(`INSERT INTO "Unit" (id, code, name, kind, "parentId", "updatedAt") SELECT gen_random_uuid(), $1, $2, $3::"UnitKind", id, now() FROM "Unit" WHERE ${parent}`, [code, name, kind])
    await unit(tienYen.district, 'Huyện Tiên Yên', 'DISTRICT', `kind = 'PROVINCE'`)
    await unit(tienYen.commune, 'Xã Đông Ngũ', 'COMMUNE', `code = '${tienYen.district}'`)
    await unit(tienYen.office, 'Văn phòng Huyện ủy Tiên Yên', 'AGENCY', `code = '${tienYen.district}'`)
    await db.query(`INSERT INTO "TaskGroup" (id, code, name, "ownerUnitId", "updatedAt") SELECT gen_random_uuid(), $1, 'Nhóm nhiệm vụ của Tỉnh ủy', id, now() FROM "Unit" WHERE code = 'quang-ninh'`, [provinceTask.group])
    await db.query(
      `INSERT INTO "Task" (id, code, "groupId", title, "dueDate", scope, "updatedAt") SELECT gen_random_uuid(), $1, id, $2, DATE '2027-12-31', 'COMMUNE', now() FROM "TaskGroup" WHERE code = $3`,
      [provinceTask.code, provinceTask.title, provinceTask.group],
    )
    await db.query(`INSERT INTO "Assignment" (id, "taskId", "unitId", "updatedAt") SELECT gen_random_uuid(), t.id, u.id, now() FROM "Task" t, "Unit" u WHERE t.code = $1 AND u.code = $2`, [
      provinceTask.code,
      tienYen.commune,
    ])
    const hash = await hashPassword(password)
    const account = (username: string, role: Role, unitCode: string) =>
      db.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "updatedAt") SELECT gen_random_uuid(), $1, $1, $2, $3::"Role", id, now() FROM "Unit" WHERE code = $4`, [username, hash, role, unitCode])
    await account(accounts.STAFF, 'STAFF', tienYen.commune)
    await account(accounts.LEADER, 'LEADER', tienYen.district)
    await account(accounts.OFFICE, 'OFFICE', tienYen.office)
    await account(accounts.ADMIN, 'ADMIN', tienYen.district)
    await account(provinceAdmin, 'ADMIN', 'quang-ninh')
    const { rows } = await db.query<{ code: string }>(`SELECT t.code FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Unit" u ON u.id = a."unitId" WHERE u.code = 'thanh-lam' ORDER BY t.code LIMIT 1`)
    baCheTask = rows[0]!.code
    // The demo's review reports written by Ba Chẽ's office: one issued, one a draft.
    const reports = await db.query<{ id: string; state: string }>(`SELECT r.id::text, r.state::text FROM "ReviewReport" r JOIN "Unit" o ON o.id = r."ownerUnitId" WHERE o.code = 'ba-che' ORDER BY r."createdAt"`)
    baCheReports = reports.rows.flatMap((r) => (r.state === 'ISSUED' ? [`/reports/drafts/${r.id}`, `/reports/drafts/${r.id}/files/docx`, `/reports/drafts/${r.id}/files/pdf`] : [`/reports/drafts/${r.id}`]))
  })

  // The specs after this one find the demo's one district again: the second district is withdrawn
  // (so the sign-in page names Ba Chẽ, not the province) and its accounts deactivated.
  test.afterAll(async () => {
    await database().query(`UPDATE "User" SET active = false WHERE username = ANY($1::text[])`, [[...Object.values(accounts), provinceAdmin]])
    await database().query(`UPDATE "Unit" SET active = false WHERE code = $1`, [tienYen.district])
    await database().query(`UPDATE "Task" SET active = false WHERE code = $1`, [provinceTask.code])
    await database().query(`UPDATE "TaskGroup" SET active = false WHERE code = $1`, [provinceTask.group])
  })

  /** The pages and downloads of a commune: its unit page, one of its assignments, its progress page and its download. */
  const pathsOf = (commune: string, task: string | null) => [
    `/units/${commune}`,
    `/communes/${commune}`,
    `/exports/communes/${commune}.csv`,
    `/exports/units/${commune}.csv`,
    ...(task ? [`/units/${commune}/tasks/${task}`] : []),
  ]

  for (const [role, username] of Object.entries(accounts) as [Role, string][]) {
    test(`Tiên Yên's ${role} finds nothing of Ba Chẽ: its communes, assignments and downloads answer 404`, async ({ browser }) => {
      const page = await signedIn(browser, username)
      expect(baCheReports.length, 'the demo has review reports').toBeGreaterThanOrEqual(4)
      for (const path of [...pathsOf('thanh-lam', baCheTask), ...baCheReports, ...(role === 'ADMIN' ? ['/admin/units/thanh-lam'] : [])]) {
        expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404)
      }
      expect((await page.request.get(`/units/${tienYen.commune}`)).status(), 'its own district').toBe(200)
      await page.goto(`/search?q=${encodeURIComponent('Thanh Lâm')}`)
      await expect(page.locator(`main a[href="/units/thanh-lam"]`)).toHaveCount(0)
    })
  }

  test("Ba Chẽ's administrator and office find nothing of Tiên Yên; the province's administrator finds both", async ({ browser }) => {
    for (const username of [ACCOUNTS.ADMIN, ACCOUNTS.OFFICE, ACCOUNTS.LEADER]) {
      const page = await signedIn(browser, username)
      for (const path of pathsOf(tienYen.commune, null)) expect((await page.request.get(path, { maxRedirects: 0 })).status(), `${username} ${path}`).toBe(404)
    }
    const page = await signedIn(browser, provinceAdmin)
    for (const path of [...pathsOf(tienYen.commune, null), ...pathsOf('thanh-lam', baCheTask)]) expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200)
  })

  test("Tiên Yên's administrator reads the province's task without an edit form, and finds none of Ba Chẽ's tasks, groups or periods", async ({ browser }) => {
    const page = await signedIn(browser, accounts.ADMIN)
    const baChe = await database().query<{ group: string; period: string }>(
      `SELECT (SELECT g.code FROM "TaskGroup" g JOIN "Task" t ON t."groupId" = g.id WHERE t.code = $1) AS group, (SELECT p.name FROM "ReportingPeriod" p ORDER BY p.code LIMIT 1) AS period`,
      [baCheTask],
    )
    const { group, period } = baChe.rows[0]!
    for (const path of [`/admin/tasks/${baCheTask}`, `/admin/groups/${group}`, `/tasks/${baCheTask}`]) expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404)
    await page.goto(`/admin/tasks/${provinceTask.code}`)
    await expect(page.getByText('Do Tỉnh Quảng Ninh giao: chỉ xem')).toBeVisible()
    await expect(page.locator('input[name="title"]')).toHaveCount(0)
    await page.goto('/tasks')
    await expect(page.getByText(provinceTask.title)).toBeVisible()
    await page.goto('/admin/periods')
    await expect(page.getByText(period)).toHaveCount(0)
  })
})
