// Splits of units: the administrator splits an agency into an existing agency and a new one through
// the preview, choosing the part that takes its open task (an apply without that choice comes back
// with the message beside it); the split agency's page then says it was split, with links to the
// parts, and each part's page says where it came from. The e2e database is shared with the other
// specs: the agencies, the task and the account are made here, and the parts and the task are
// deactivated at the end.
import { expect, test, type Page } from '@playwright/test'
import { database, signedIn } from './helpers'

const run = Date.now().toString(36)

/** Today as a district day (Asia/Ho_Chi_Minh), as a date input takes it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
const shown = (iso: string) => iso.split('-').reverse().join('/')

const split = { code: `co-quan-tach-${run}`, name: `Cơ quan thử tách ${run}` }
const existing = { code: `co-quan-nhan-${run}`, name: `Cơ quan thử nhận ${run}` }
const made = { code: `co-quan-moi-tach-${run}`, name: `Cơ quan thử mới ${run}` }
const task = { code: `nv-tach-${run}`, title: `Nhiệm vụ thử chia tách ${run}` }

/** Screenshots for a person to look at (not compared): the page at a phone's and a desktop's width. */
async function shots(page: Page, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true })
  }
}

test.beforeAll(async () => {
  const db = database()
  await db.query(
    // Agencies of the district: the administrator's scope is the district's subtree.
    `INSERT INTO "Unit" (id, code, name, kind, "parentId", "updatedAt")
     SELECT gen_random_uuid(), v.code, v.name, 'AGENCY', d.id, now() FROM (VALUES ($1, $2), ($3, $4)) v(code, name), "Unit" d WHERE d.code = 'ba-che'`,
    [split.code, split.name, existing.code, existing.name],
  )
  await db.query(
    `INSERT INTO "Task" (id, code, "groupId", title, "dueDate", scope, "updatedAt")
     SELECT gen_random_uuid(), $1, id, $2, DATE '2099-12-31', 'DISTRICT', now() FROM "TaskGroup" ORDER BY "sortOrder", code LIMIT 1`,
    [task.code, task.title],
  )
  await db.query(
    `INSERT INTO "Assignment" (id, "taskId", "unitId", status, progress, "updatedAt")
     SELECT gen_random_uuid(), t.id, u.id, 'IN_PROGRESS', 30, now() FROM "Task" t, "Unit" u WHERE t.code = $1 AND u.code = $2`,
    [task.code, split.code],
  )
  await db.query(
    `INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Cán bộ thử tách', 'not-a-hash', 'STAFF', id, now() FROM "Unit" WHERE code = $2`,
    [`e2e-tach-${run}`, split.code],
  )
})

test.afterAll(async () => {
  await database().query(`UPDATE "Unit" SET active = false WHERE code = ANY($1)`, [[existing.code, made.code]])
  await database().query(`UPDATE "Task" SET active = false WHERE code = $1`, [task.code])
})

test('the administrator splits an agency through the preview; its page then links to the parts', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin')
  await admin.goto(`/admin/units/${split.code}`)
  const form = admin.getByRole('form', { name: 'Chia tách', exact: true })
  await form.getByLabel(existing.name, { exact: true }).check()
  const firstNew = form.getByRole('group', { name: 'Đơn vị mới 1' })
  await firstNew.getByLabel('Tên', { exact: true }).fill(made.name)
  await firstNew.getByLabel('Mã', { exact: true }).fill(made.code)
  await form.getByLabel('Ngày có hiệu lực').fill(today)
  await form.getByLabel('Căn cứ (số quyết định)').fill('Quyết định số 46-QĐ/HU')
  await form.getByRole('button', { name: 'Xem trước' }).click()

  const preview = admin.getByRole('region', { name: 'Những gì sẽ thay đổi' })
  await expect(preview).toContainText(`Đơn vị bị chia tách (thôi hoạt động từ ngày có hiệu lực): ${split.name}.`)
  await expect(preview).toContainText(`Đơn vị sau chia tách: ${existing.name} (đã có), ${made.name} (mới, mã ${made.code}).`)
  await expect(preview.getByRole('row', { name: new RegExp(task.title) })).toContainText('Đang thực hiện, 30%')
  await shots(admin, 'split-preview')
  // Nothing is written by the preview: the agency's page does not say it was split.
  expect(await (await admin.request.get(`/units/${split.code}`)).text()).not.toContain('Đã chia tách')

  // Applied before the task has a part: refused, the message beside the choice.
  await preview.getByRole('button', { name: 'Áp dụng chia tách' }).click()
  const take = preview.getByLabel(task.title)
  await expect(take).toHaveAccessibleDescription(/phải nhận hết các nhiệm vụ chưa hoàn thành/)
  await shots(admin, 'split-refused')
  await take.selectOption({ label: made.name })
  await preview.getByLabel(/Cán bộ thử tách/).selectOption({ label: made.name })
  await preview.getByRole('button', { name: 'Áp dụng chia tách' }).click()
  await expect(form.getByRole('status')).toContainText(`Đã chia tách ${split.name}, có hiệu lực từ ngày ${shown(today)}.`)
  const { rows } = await database().query<{ code: string }>(`SELECT un.code FROM "User" u JOIN "Unit" un ON un.id = u."unitId" WHERE u.username = $1`, [`e2e-tach-${run}`])
  expect(rows).toEqual([{ code: made.code }])

  // The split agency's page keeps its history and links to the parts; a part's page links back.
  await admin.goto(`/units/${split.code}`)
  const note = admin.getByRole('note')
  await expect(note).toContainText(`Đã chia tách thành ${made.name}, ${existing.name} từ ngày ${shown(today)}.`)
  await expect(admin.getByRole('link', { name: task.title })).toBeVisible()
  await shots(admin, 'split-old-page')
  await note.getByRole('link', { name: made.name }).click()
  await expect(admin).toHaveURL(new RegExp(`/units/${made.code}$`))
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(made.name)
  await expect(admin.getByText(`Chia tách từ ${split.name} ngày ${shown(today)}.`)).toBeVisible()
  await expect(admin.getByRole('link', { name: split.name })).toHaveAttribute('href', `/units/${split.code}`)
  await expect(admin.getByRole('link', { name: task.title })).toBeVisible()
})
