// On arrival each user sees what is overdue and due within 14 days in their scope (by the task's
// due date or its reporting cycle), with a count in the navigation; leaders also see the reports
// awaiting their confirmation.
import { expect, test, type Page } from '@playwright/test'
import { createAccount, database, signIn } from './helpers'

/**
 * The work of a unit not done, overdue or due within 14 days, as the database has it now: by the
 * task's due date, or by its reporting cycle (migration reporting_cadence): no report since the last
 * closed cycle began is overdue, none in the current cycle with its deadline within 14 days due soon.
 */
async function expectedFor(unitCode: string): Promise<{ overdue: number; dueSoon: number }> {
  const { rows } = await database().query<{ overdue: number; dueSoon: number }>(
    `WITH w AS (
       SELECT a.id, a."createdAt", t."dueDate", d.today, c.deadline, report_cycle_months(c.kind) AS months
         FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" AND t.active JOIN "TaskGroup" g ON g.id = t."groupId"
         JOIN "Unit" u ON u.id = a."unitId" AND u.active
         CROSS JOIN (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today) d
         CROSS JOIN LATERAL (SELECT report_cycle_deadline(COALESCE(t."reportCadence", g."reportCadence"),
                                                          CASE WHEN t."reportCadence" IS NULL THEN g."reportDay" ELSE t."reportDay" END, d.today) AS deadline,
                                    COALESCE(t."reportCadence", g."reportCadence") AS kind) c
        WHERE u.code = $1 AND a.status <> 'DONE'
     ), x AS (
       SELECT w."dueDate" < w.today AS "taskLate", w."dueDate" <= w.today + 14 AS "taskSoon",
              COALESCE(w."createdAt" < s.last AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" r WHERE r."assignmentId" = w.id AND r."createdAt" >= s.last), false) AS "cycleLate",
              COALESCE(w.deadline <= w.today + 14 AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" r WHERE r."assignmentId" = w.id AND r."createdAt" >= s.current), false) AS "cycleSoon"
         FROM w CROSS JOIN LATERAL (
           SELECT ((w.deadline - make_interval(months => 2 * w.months) + interval '1 day')::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS last,
                  ((w.deadline - make_interval(months => w.months) + interval '1 day')::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS current) s
     )
     SELECT (COUNT(*) FILTER (WHERE "taskLate" OR "cycleLate"))::int AS "overdue",
            (COUNT(*) FILTER (WHERE NOT ("taskLate" OR "cycleLate") AND ("taskSoon" OR "cycleSoon")))::int AS "dueSoon"
       FROM x`,
    [unitCode],
  )
  return rows[0]!
}

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' })

test('staff arrive to what needs attention in their unit, counted in the navigation and listed in full', async ({ page }) => {
  const account = await createAccount()
  const expected = await expectedFor('minh-cam')
  expect(expected.overdue + expected.dueSoon).toBeGreaterThan(0)
  await signIn(page, account.username, account.password)
  await expect(page).toHaveURL(/\/units\/minh-cam$/)

  const notice = page.getByRole('region', { name: 'Việc cần chú ý' })
  if (expected.overdue) await expect(notice).toContainText(`${expected.overdue} nhiệm vụ quá hạn`)
  if (expected.dueSoon) await expect(notice).toContainText(`${expected.dueSoon} nhiệm vụ đến hạn trong 14 ngày tới`)
  const link = navigation(page).getByRole('link', { name: /^Nhắc việc/ })
  await expect(link).toContainText(String(expected.overdue + expected.dueSoon))
  await expect(link).toHaveAccessibleName(`Nhắc việc ${expected.overdue + expected.dueSoon} (${expected.overdue} quá hạn, ${expected.dueSoon} sắp đến hạn)`)

  await notice.getByRole('link', { name: 'Xem nhắc việc' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhắc việc')
  const overdue = page.getByRole('region', { name: `Quá hạn (${expected.overdue})` })
  const dueSoon = page.getByRole('region', { name: `Đến hạn trong 14 ngày tới (${expected.dueSoon})` })
  await expect(overdue.getByRole('listitem')).toHaveCount(expected.overdue)
  await expect(dueSoon.getByRole('listitem')).toHaveCount(expected.dueSoon)
  for (const item of await overdue.getByRole('listitem').all()) await expect(item).toContainText('Xã Minh Cầm')

  // Each reminder leads to the task's page, where the report is made.
  const first = page.getByRole('main').getByRole('listitem').first().getByRole('link')
  const title = await first.innerText()
  await first.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('form', { name: 'Cập nhật tiến độ' })).toBeVisible()
})

test('a member of the Standing Committee also sees the reports awaiting confirmation, the same count as the navigation', async ({ page }) => {
  await signIn(page, 'bi-thu')
  const pending = Number((await navigation(page).getByRole('link', { name: /Chờ xác nhận/ }).innerText()).replace(/\D/g, ''))
  // The demo data has reports waiting for the secretary.
  expect(pending).toBeGreaterThan(0)
  await page.goto('/reminders')
  await expect(page.getByText(`${pending} báo cáo đang chờ đồng chí xác nhận.`)).toBeVisible()
  await page.goto('/')
  await expect(page.getByRole('region', { name: 'Việc cần chú ý' })).toContainText(`${pending} báo cáo chờ xác nhận`)
})

test('in English, the page and its counts are English', async ({ page }) => {
  const account = await createAccount()
  await signIn(page, account.username, account.password)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.goto('/reminders')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reminders')
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/^Overdue \(\d+\)$/)
})
