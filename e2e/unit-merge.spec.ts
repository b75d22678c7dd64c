// Merges of units: the administrator merges two agencies it makes itself into a new one, through
// the preview; the merged unit's page then says where it went, with a link, and the successor's
// page names the units merged into it; a merge dated ahead is saved, and the units' pages say it is to
// come, and one is cancelled. The e2e database is shared with the other specs: the units
// are made here (agencies, not demo communes, which other specs count) and the successor is
// deactivated at the end.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { signedIn } from './helpers'

const run = Date.now().toString(36)

/** A district day (Asia/Ho_Chi_Minh) `days` from today, as a date input takes it. */
const districtDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000))
const today = districtDay(0)
const shown = (iso: string) => iso.split('-').reverse().join('/')

/** Two agencies made through the units page. */
async function twoAgencies(admin: Page, code: string, name: string) {
  const units = [
    { code: `${code}-a-${run}`, name: `${name} A ${run}` },
    { code: `${code}-b-${run}`, name: `${name} B ${run}` },
  ]
  for (const unit of units) {
    await admin.goto('/admin/units')
    const create = admin.getByRole('form', { name: 'Thêm đơn vị' })
    await create.getByLabel('Mã', { exact: true }).fill(unit.code)
    await create.getByLabel('Tên', { exact: true }).fill(unit.name)
    await create.getByLabel('Loại đơn vị').selectOption({ label: 'Cơ quan, đơn vị' })
    await create.getByRole('button', { name: 'Lưu' }).click()
    await expect(admin).toHaveURL(new RegExp(`/admin/units/${unit.code}\\?created=1$`))
  }
  return units
}

type Merge = { from: string; partner: string | null; successor: { code: string; name: string }; day: string; decision: string }

/** Opens the merge form on the first unit's administration page and fills it: the unit merged with it (unless null), the new unit, the day, the decision. */
async function fillMerge(admin: Page, { from, partner, successor, day, decision }: Merge): Promise<Locator> {
  await admin.goto(`/admin/units/${from}`)
  const merge = admin.getByRole('form', { name: 'Sáp nhập', exact: true })
  if (partner !== null) await merge.getByLabel(partner, { exact: true }).check()
  await merge.getByLabel('Tên đơn vị mới').fill(successor.name)
  await merge.getByLabel('Mã đơn vị mới').fill(successor.code)
  await merge.getByLabel('Ngày có hiệu lực').fill(day)
  await merge.getByLabel('Căn cứ (số quyết định)').fill(decision)
  return merge
}

test('a merge dated ahead is saved through the preview; until its day the units stand, and their pages say it is to come', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin')
  const units = await twoAgencies(admin, 'co-quan-sap-toi', 'Cơ quan sắp sáp nhập')
  const successor = { code: `co-quan-sap-toi-moi-${run}`, name: `Cơ quan sắp hợp nhất ${run}` }
  const day = districtDay(3)
  const merge = await fillMerge(admin, { from: units[0]!.code, partner: units[1]!.name, successor, day, decision: 'Quyết định số 46-QĐ/HU' })
  await merge.getByRole('button', { name: 'Xem trước' }).click()
  const preview = admin.getByRole('region', { name: 'Những gì sẽ thay đổi' })
  await expect(preview).toContainText('Ngày có hiệu lực sau hôm nay: việc sáp nhập được lưu lại và tự thực hiện vào ngày đó')
  await preview.getByRole('button', { name: 'Áp dụng sáp nhập' }).click()
  await expect(merge.getByRole('status')).toContainText(`Đã lưu việc sáp nhập vào ${successor.name}; sẽ thực hiện từ ngày ${shown(day)}.`)

  // Both units stand as they were, and say what is to come; the new unit has no page before its day.
  for (const unit of units) {
    await admin.goto(`/units/${unit.code}`)
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(unit.name)
    await expect(admin.getByRole('note')).toHaveText(`Sẽ sáp nhập vào ${successor.name} từ ngày ${shown(day)}.`)
  }
})

test('the administrator merges two agencies into a new one through the preview; the old page says where it went', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin')
  const units = await twoAgencies(admin, 'co-quan', 'Cơ quan thử')
  const successor = { code: `co-quan-moi-${run}`, name: `Cơ quan thử hợp nhất ${run}` }

  // On A's page: merge A and B into a new agency. A merge of A alone is refused beside the field first.
  const merge = await fillMerge(admin, { from: units[0]!.code, partner: null, successor, day: today, decision: 'Quyết định số 45-QĐ/HU' })
  await merge.getByRole('button', { name: 'Xem trước' }).click()
  await expect(merge.getByRole('group', { name: 'Các đơn vị cùng sáp nhập' })).toHaveAccessibleDescription(/Cần ít nhất hai đơn vị để sáp nhập/)

  await merge.getByLabel(units[1]!.name, { exact: true }).check()
  await merge.getByRole('button', { name: 'Xem trước' }).click()
  const preview = admin.getByRole('region', { name: 'Những gì sẽ thay đổi' })
  await expect(preview).toContainText(`Đơn vị bị sáp nhập (thôi hoạt động từ ngày có hiệu lực): ${units[0]!.name}, ${units[1]!.name}.`)
  await expect(preview).toContainText(`Đơn vị sau sáp nhập: ${successor.name}, mã ${successor.code} (đơn vị mới).`)
  await expect(preview).toContainText('Các đơn vị bị sáp nhập không có tài khoản đang hoạt động.')
  // Nothing is written by the preview: A's page still stands on its own.
  const before = await admin.request.get(`/units/${units[0]!.code}`)
  expect(await before.text()).not.toContain('Sáp nhập vào')

  await preview.getByRole('button', { name: 'Áp dụng sáp nhập' }).click()
  await expect(merge.getByRole('status')).toContainText(`Đã sáp nhập vào ${successor.name}, có hiệu lực từ ngày ${shown(today)}.`)

  // The merged unit's page keeps its own history and says where it went, with a link both ways.
  await admin.goto(`/units/${units[0]!.code}`)
  const note = admin.getByRole('note')
  await expect(note).toContainText(`Sáp nhập vào ${successor.name} từ ngày ${shown(today)}.`)
  await note.getByRole('link', { name: successor.name }).click()
  await expect(admin).toHaveURL(new RegExp(`/units/${successor.code}$`))
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(successor.name)
  await expect(admin.getByText(`Sáp nhập từ ${units[0]!.name}, ${units[1]!.name} ngày ${shown(today)}.`)).toBeVisible()
  await expect(admin.getByRole('link', { name: units[1]!.name })).toHaveAttribute('href', `/units/${units[1]!.code}`)

  await admin.goto(`/admin/units/${successor.code}`)
  await admin.getByRole('button', { name: 'Ngừng sử dụng' }).click()
  await expect(admin.getByRole('form', { name: 'Sử dụng lại' })).toBeVisible()
})

test('a merge dated ahead is cancelled on the unit’s administration page: the units’ pages no longer announce it, and its new unit is gone', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin')
  const units = await twoAgencies(admin, 'co-quan-huy', 'Cơ quan hủy sáp nhập')
  const successor = { code: `co-quan-huy-moi-${run}`, name: `Cơ quan không hợp nhất ${run}` }
  const day = districtDay(5)
  const merge = await fillMerge(admin, { from: units[0]!.code, partner: units[1]!.name, successor, day, decision: 'Quyết định số 47-QĐ/HU' })
  await merge.getByRole('button', { name: 'Xem trước' }).click()
  await admin.getByRole('region', { name: 'Những gì sẽ thay đổi' }).getByRole('button', { name: 'Áp dụng sáp nhập' }).click()
  await expect(merge.getByRole('status')).toContainText(`sẽ thực hiện từ ngày ${shown(day)}`)

  // On B's administration page the merge waits, with its cancel button.
  await admin.goto(`/admin/units/${units[1]!.code}`)
  const pending = admin.getByRole('region', { name: 'Thay đổi đang chờ thực hiện' })
  const line = `Sáp nhập ${units[0]!.name}, ${units[1]!.name} vào ${successor.name} từ ngày ${shown(day)}`
  await expect(pending).toContainText(line)
  await pending.getByRole('button', { name: 'Hủy thay đổi' }).click()
  await expect(admin).toHaveURL(new RegExp(`/admin/units/${units[1]!.code}\\?cancelled=1$`))
  await expect(admin.getByRole('status')).toContainText('Đã hủy thay đổi: không phần nào của nó được thực hiện.')
  await expect(pending).toHaveCount(0)

  for (const unit of units) {
    await admin.goto(`/units/${unit.code}`)
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(unit.name)
    await expect(admin.getByRole('note')).toHaveCount(0)
  }
  await admin.goto(`/admin/units/${units[0]!.code}`)
  await expect(admin.getByRole('region', { name: 'Thay đổi đang chờ thực hiện' })).toHaveCount(0)
  expect((await admin.request.get(`/admin/units/${successor.code}`)).status()).toBe(404)
})
