// Reporting cycles: the demo's monthly tasks (by day 25) were reported in the last closed
// month by every commune but Nam Sơn, whose page, task page and reminders say the cycle it missed, on
// a 360 px phone too; the overview counts that month's rate; an administrator saves a cadence
// through the group form, a deadline day outside 1-28 refused beside the field with nothing written.
// The e2e database is shared: these tests report nothing and deactivate the group they make.
import { expect, test } from '@playwright/test'
import { districtDay, formatDay } from '../lib/domain/calendar'
import { lastClosedCycle } from '../lib/domain/report-cycle'
import { database, signedIn } from './helpers'
import { sidewaysOverflow } from './page-checks'

const run = Date.now().toString(36)
const TASK = 'Bảo đảm điều kiện đi học cho học sinh sau sáp nhập điểm trường'
const last = lastClosedCycle({ kind: 'MONTHLY', day: 25 }, districtDay(new Date()))
const missing = `Chưa báo cáo kỳ tháng ${last.number}/${last.year} (hạn ${formatDay(last.deadline)})`

test('Nam Sơn’s page, task page and reminders say the monthly cycle it missed; on a 360 px phone nothing scrolls sideways', async ({ browser }) => {
  const page = await signedIn(browser, 'nam-son')
  await expect(page).toHaveURL(/\/units\/nam-son$/)
  const card = () => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TASK }) })
  await expect(card()).toContainText(missing)

  await page.setViewportSize({ width: 360, height: 740 })
  await page.reload()
  await expect(card()).toContainText(missing)
  expect(await sidewaysOverflow(page)).toBe(0)

  await card().getByRole('link', { name: TASK }).click()
  const cycles = page.getByRole('region', { name: 'Báo cáo định kỳ' })
  await expect(cycles).toContainText('Báo cáo hằng tháng, hạn ngày 25')
  await expect(cycles).toContainText(missing)
  expect(await sidewaysOverflow(page)).toBe(0)

  await page.goto('/reminders')
  await expect(page.getByRole('region', { name: /^Quá hạn/ }).getByRole('listitem').filter({ hasText: TASK })).toContainText(missing)
  expect(await sidewaysOverflow(page)).toBe(0)
})

test('the overview counts the units that reported on time in the last closed month: all but Nam Sơn', async ({ browser }) => {
  const page = await signedIn(browser, 'bi-thu')
  await page.goto(`/?cycle=${last.key}`)
  const panel = page.getByRole('region', { name: 'Báo cáo định kỳ tháng, quý' })
  await expect(panel).toContainText(`Kỳ tháng ${last.number}/${last.year}: 7/8 đơn vị báo cáo đúng hạn`)
  await expect(panel.getByRole('link', { name: 'Xã Nam Sơn' })).toBeVisible()
  await expect(panel.getByRole('link', { name: `tháng ${last.number}/${last.year}` })).toHaveAttribute('aria-current', 'page')
})

test('an administrator gives a new task group a monthly cadence; day 29 is refused beside the field and nothing is written', async ({ browser }) => {
  const code = `e2e-ky-bao-cao-${run}`
  const admin = await signedIn(browser, 'admin')
  await admin.goto('/admin/groups')
  const form = admin.getByRole('form', { name: 'Thêm nhóm nhiệm vụ' })
  await form.getByLabel('Mã', { exact: true }).fill(code)
  await form.getByLabel('Tên', { exact: true }).fill(`Nhóm báo cáo tháng ${run}`)
  await form.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Hằng tháng' })
  const day = form.getByLabel('Hạn báo cáo (ngày trong tháng, 1–28)')
  await day.fill('29')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(form.getByRole('alert')).toHaveText('Chưa lưu được: vui lòng sửa các mục được đánh dấu bên dưới.')
  await expect(day).toHaveAccessibleDescription('Hạn báo cáo là một ngày trong tháng, từ 1 đến 28.')
  const stored = () => database().query<{ reportCadence: string; reportDay: number }>('SELECT "reportCadence"::text AS "reportCadence", "reportDay" FROM "TaskGroup" WHERE code = $1', [code])
  expect((await stored()).rows).toEqual([])

  await day.fill('25')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(admin).toHaveURL(new RegExp(`/admin/groups/${code}\\?created=1$`))
  expect((await stored()).rows).toEqual([{ reportCadence: 'MONTHLY', reportDay: 25 }])
  const edit = admin.getByRole('form', { name: /^Sửa nhóm nhiệm vụ/ })
  await expect(edit.getByLabel('Kỳ báo cáo', { exact: true })).toHaveValue('MONTHLY')
  await expect(edit.getByLabel('Hạn báo cáo (ngày trong tháng, 1–28)')).toHaveValue('25')

  await admin.getByRole('button', { name: 'Ngừng sử dụng' }).click()
  await expect(admin.getByRole('form', { name: 'Sử dụng lại' })).toBeVisible()
})
