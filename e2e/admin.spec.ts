// Administration: only the administrator reaches /admin; a task made and assigned there
// reaches the communes; an import is checked row by row before it is applied.
// The e2e database is shared with the other spec files: these tests make their own tasks (codes
// unique to the run), touch Lương Mông only (no other spec reads it), and deactivate what they made
// at the end, so the other specs' counts are as the demo data has them.
import { expect, test, type Page } from '@playwright/test'
import { signIn, signedIn } from './helpers'

const run = Date.now().toString(36)

async function deactivateTask(page: Page, code: string) {
  await page.goto(`/admin/tasks/${code}`)
  await page.getByRole('button', { name: 'Ngừng sử dụng' }).click()
  await expect(page.getByRole('form', { name: 'Sử dụng lại' })).toBeVisible()
}

test('a leader and a staff user get "not found" at /admin and see no link to it', async ({ browser }) => {
  for (const username of ['bi-thu', 'minh-cam']) {
    const page = await signedIn(browser, username)
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' })).toHaveCount(0)
    for (const path of ['/admin', '/admin/tasks', '/admin/import']) expect((await page.goto(path))?.status(), `${username} ${path}`).toBe(404)
    expect((await page.request.get('/admin/import/template?kind=tasks&format=csv')).status()).toBe(404)
  }
})

test('the administrator creates a task and assigns it to every commune in one step; Lương Mông staff find it on their unit page', async ({ browser }) => {
  const code = `e2e-giao-${run}`
  const title = `Kiểm tra giao nhiệm vụ toàn huyện ${run}`
  const admin = await signedIn(browser, 'admin')
  await admin.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click()
  await admin.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Nhiệm vụ', exact: true }).click()
  await expect(admin).toHaveURL(/\/admin\/tasks$/)

  const form = admin.getByRole('form', { name: 'Thêm nhiệm vụ' })
  // A first try without a due date is refused beside the field, with the typed values kept.
  await form.getByLabel('Mã', { exact: true }).fill(code)
  await form.getByLabel('Tên nhiệm vụ').fill(title)
  await form.getByLabel('Nhóm nhiệm vụ').selectOption({ label: 'Công tác cán bộ, tuyển dụng và thi tuyển' })
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(form.getByRole('alert')).toHaveText('Chưa lưu được: vui lòng sửa các mục được đánh dấu bên dưới.')
  await expect(form.getByLabel('Hạn hoàn thành')).toHaveAccessibleDescription('Nhập ngày.')
  await expect(form.getByLabel('Tên nhiệm vụ')).toHaveValue(title)

  await form.getByLabel('Hạn hoàn thành').fill('2027-12-31')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(admin).toHaveURL(new RegExp(`/admin/tasks/${code}\\?created=1$`))
  await expect(admin.getByRole('status').first()).toHaveText('Đã tạo mới.')

  const assign = admin.getByRole('form', { name: 'Giao nhiệm vụ' })
  await expect(assign.getByLabel('Tất cả xã, thị trấn đang hoạt động')).toBeChecked()
  await assign.getByRole('button', { name: 'Giao nhiệm vụ' }).click()
  await expect(assign.getByRole('status')).toHaveText('Đã giao cho 8 đơn vị; bỏ qua 0 đơn vị đã được giao trước đó.')
  // Again: every commune already has it.
  await assign.getByRole('button', { name: 'Giao nhiệm vụ' }).click()
  await expect(assign.getByRole('status')).toHaveText('Đã giao cho 0 đơn vị; bỏ qua 8 đơn vị đã được giao trước đó.')

  const staff = await signedIn(browser, 'luong-mong')
  await expect(staff).toHaveURL(/\/units\/luong-mong$/)
  await staff.getByRole('link', { name: title }).click()
  await expect(staff).toHaveURL(new RegExp(`/units/luong-mong/tasks/${code}$`))
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(title)

  await deactivateTask(admin, code)
  await staff.goto('/units/luong-mong')
  await expect(staff.getByRole('link', { name: title })).toHaveCount(0)
})

test('an import with a bad row shows the error with its row and column and writes nothing; the corrected file applies', async ({ page }) => {
  const header = 'Mã nhiệm vụ,Tên nhiệm vụ,Mã nhóm,Hạn hoàn thành,Phạm vi,Đơn vị tính chỉ tiêu,Giá trị ban đầu,Giá trị mục tiêu,Mô tả'
  const code = `e2e-nhap-${run}`
  const title = `Nhiệm vụ nhập từ tệp ${run}`
  const file = (...lines: string[]) => ({ name: 'nhiem-vu.csv', mimeType: 'text/csv', buffer: Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`) })
  const good = `${code},${title},cong-tac-can-bo,30/06/2027,xã,hồ sơ,0,12,`

  await signIn(page, 'admin')
  await page.goto('/admin/import')
  const check = page.getByRole('form', { name: 'Kiểm tra (chưa ghi)' })
  await check.getByLabel('Nhiệm vụ', { exact: true }).check()
  await check.getByLabel('Tệp dữ liệu').setInputFiles(file(good, `${code}-2,Dòng lỗi,nhom-khong-co,30/06/2027,xã,,,,`))
  await check.getByRole('button', { name: 'Kiểm tra (chưa ghi)' }).click()

  const result = page.getByRole('region', { name: 'Kết quả kiểm tra tệp nhiem-vu.csv' })
  await expect(result.getByRole('alert')).toHaveText('Tệp còn dòng lỗi: sửa tệp rồi kiểm tra lại. Chưa có gì được ghi.')
  await expect(result.getByRole('row', { name: /^2 / })).toContainText('Thêm mới')
  await expect(result.getByRole('row', { name: /^3 / })).toContainText('Dòng 3, cột "Mã nhóm": Không tìm thấy nhóm nhiệm vụ đang sử dụng có mã "nhom-khong-co".')
  await expect(page.getByRole('button', { name: 'Nhập tất cả' })).toHaveCount(0)
  await page.goto('/admin/tasks')
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)

  await page.goto('/admin/import')
  await check.getByLabel('Nhiệm vụ', { exact: true }).check()
  await check.getByLabel('Tệp dữ liệu').setInputFiles(file(good))
  await check.getByRole('button', { name: 'Kiểm tra (chưa ghi)' }).click()
  await expect(result.getByRole('status')).toHaveText('Tệp hợp lệ. Kiểm tra lại kết quả dưới đây rồi bấm Nhập tất cả.')
  await page.getByRole('button', { name: 'Nhập tất cả' }).click()
  await expect(page.getByRole('heading', { name: 'Đã nhập: 1 thêm mới, 0 cập nhật, 0 bỏ qua.' })).toBeVisible()

  await page.goto('/admin/tasks')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  await deactivateTask(page, code)
})
