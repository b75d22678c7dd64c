// Organisation changes, renames and re-codes: the administrator renames a commune and re-codes it,
// each previewed before it is applied; the old address then redirects to the new code, and the
// page read as of a day before the rename still shows the old name. The e2e database is shared with
// the other specs: this one makes its own commune and deactivates it at the end, so the other
// specs' counts of communes are as the demo data has them.
import { expect, test } from '@playwright/test'
import { signedIn } from './helpers'

const run = Date.now().toString(36)

/** A district day (Asia/Ho_Chi_Minh) `offset` days from today, as a date input takes it. */
function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
}
const shown = (iso: string) => iso.split('-').reverse().join('/')

test('the administrator renames a commune and re-codes it with a preview; the old address redirects and the past keeps the old name', async ({ browser }) => {
  const oldCode = `xa-e2e-${run}`
  const newCode = `xa-moi-e2e-${run}`
  const oldName = `Xã Thử Nghiệm ${run}`
  const newName = `Xã Thử Nghiệm Mới ${run}`
  const admin = await signedIn(browser, 'admin')

  await admin.goto('/admin/units')
  const create = admin.getByRole('form', { name: 'Thêm đơn vị' })
  await create.getByLabel('Mã', { exact: true }).fill(oldCode)
  await create.getByLabel('Tên', { exact: true }).fill(oldName)
  await create.getByRole('button', { name: 'Lưu' }).click()
  await expect(admin).toHaveURL(new RegExp(`/admin/units/${oldCode}\\?created=1$`))

  // The rename, dated yesterday by its decision: previewed first, nothing written until applied.
  const change = admin.getByRole('form', { name: 'Đổi tên, đổi mã' })
  await change.getByLabel('Tên mới').fill(newName)
  await change.getByLabel('Ngày có hiệu lực').fill(day(-1))
  await change.getByLabel('Căn cứ (số quyết định)').fill('Quyết định số 123-QĐ/TU')
  await change.getByRole('button', { name: 'Xem trước' }).click()
  const preview = admin.getByRole('region', { name: 'Những gì sẽ thay đổi' })
  await expect(preview.getByRole('row', { name: `Tên ${oldName} ${newName}` })).toBeVisible()
  await expect(preview).toContainText(`Có hiệu lực từ ngày ${shown(day(-1))}.`)
  await expect(preview).toContainText('Không có địa chỉ trang nào thay đổi.')
  await preview.getByRole('button', { name: 'Áp dụng thay đổi' }).click()
  await expect(change.getByRole('status')).toHaveText(`Đã ghi thay đổi, có hiệu lực từ ngày ${shown(day(-1))}.`)

  // A second change on the same day is refused beside the date.
  await admin.reload()
  await change.getByLabel('Đổi mã', { exact: true }).check()
  await change.getByLabel('Mã mới').fill(newCode)
  await change.getByLabel('Ngày có hiệu lực').fill(day(-1))
  await change.getByLabel('Căn cứ (số quyết định)').fill('Quyết định số 124-QĐ/TU')
  await change.getByRole('button', { name: 'Xem trước' }).click()
  await expect(change.getByLabel('Ngày có hiệu lực')).toHaveAccessibleDescription(
    `Đơn vị này đã có một thay đổi có hiệu lực ngày ${shown(day(-1))}: mỗi ngày chỉ ghi một thay đổi cho một đơn vị.`,
  )

  // The re-code from today: the preview names the addresses that change.
  await change.getByLabel('Ngày có hiệu lực').fill(day(0))
  await change.getByRole('button', { name: 'Xem trước' }).click()
  await expect(preview).toContainText(`/communes/${oldCode} → /communes/${newCode}`)
  await preview.getByRole('button', { name: 'Áp dụng thay đổi' }).click()
  await expect(admin).toHaveURL(new RegExp(`/admin/units/${newCode}\\?changed=1$`))

  // The old address answers 308 to the new one, and the page reads as of any day.
  const answer = await admin.request.get(`/communes/${oldCode}?asOf=${day(-2)}`, { maxRedirects: 0 })
  expect(answer.status()).toBe(308)
  expect(answer.headers().location).toBe(`/communes/${newCode}?asOf=${day(-2)}`)
  await admin.goto(`/communes/${oldCode}`)
  await expect(admin).toHaveURL(new RegExp(`/communes/${newCode}$`))
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(newName)
  await expect(admin.getByText(`Đổi tên từ ${oldName} ngày ${shown(day(-1))} · Đổi mã từ ${oldCode} ngày ${shown(day(0))}`)).toBeVisible()
  await admin.goto(`/communes/${newCode}?asOf=${day(-2)}`)
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(oldName)

  await admin.goto(`/admin/units/${newCode}`)
  await admin.getByRole('button', { name: 'Ngừng sử dụng' }).click()
  await expect(admin.getByRole('form', { name: 'Sử dụng lại' })).toBeVisible()
})
