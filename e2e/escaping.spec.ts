// "Bad input": user text with markup, stored through the real forms, is shown as text on
// every page that shows it, never run: a note, a comment, an evidence file's name (and its
// download's Content-Disposition), a record name and an import file's cells and name. Works on the
// township's staff account, which no other spec uses, and reports the assignment's own state
// again, so no count on any progress page changes.
import { expect, test, type Page } from '@playwright/test'
import { database, signIn } from './helpers'

const run = Date.now().toString(36)
/** Markup that would set window.__xss, open a dialog or add an element if it were ever parsed as HTML. */
const payload = (where: string) => `${where} ${run} <script>window.__xss='${where}'</script><img src=x onerror="alert('${where}')">"'&amp;`
// Chromium sends a double quote in an upload's name as %22, so the name carries single quotes.
const fileName = `<img src=x onerror=alert(1)> '${run}'.pdf`
const evidence = { name: fileName, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') }

/** Fails the test on any dialog; afterwards, no markup of the payloads made an element or ran. */
function watchForScripts(page: Page) {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return async () => {
    expect(dialogs).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined()
    await expect(page.locator('img[src="x"], script:has-text("__xss")')).toHaveCount(0)
  }
}

test('a note, a comment and an evidence file name with markup show as text, and the download names the file safely', async ({ page }) => {
  const { rows } = await database().query<{ code: string }>(
    `SELECT t.code FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Unit" u ON u.id = a."unitId" WHERE u.code = 'thi-tran-ba-che' ORDER BY t.code LIMIT 1`,
  )
  const path = `/units/thi-tran-ba-che/tasks/${rows[0]!.code}`
  const noScripts = watchForScripts(page)
  await signIn(page, 'thi-tran-ba-che')
  await page.goto(path)

  // The report keeps the state as it stands (the form starts from it): only the note and the file are new.
  const form = page.getByRole('form', { name: 'Cập nhật tiến độ' })
  await form.getByLabel('Ghi chú').fill(payload('note'))
  await form.getByLabel('Tệp minh chứng').setInputFiles(evidence)
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')

  const thread = page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
  await thread.getByLabel('Nội dung câu hỏi hoặc trả lời').fill(payload('comment'))
  await thread.getByRole('button', { name: 'Gửi' }).click()
  await expect(thread.getByRole('status')).toHaveText('Đã gửi.')

  await page.reload()
  const history = page.getByRole('region', { name: 'Lịch sử cập nhật' })
  await expect(history.getByText(payload('note'), { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Hỏi - đáp' }).getByText(payload('comment'), { exact: true })).toBeVisible()
  const file = history.getByRole('link', { name: fileName })
  await expect(file).toBeVisible()
  await noScripts()

  // The download: an attachment, never rendered, the name inside its quotes.
  const response = await page.request.get((await file.getAttribute('href'))!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="${fileName}"`)
  expect(response.headers()['x-content-type-options']).toBe('nosniff')

  // The member in charge of the township reads the same note in the review queue.
  const leader = await (await page.context().browser()!.newContext()).newPage()
  const leaderNoScripts = watchForScripts(leader)
  await signIn(leader, 'chu-tich-ubnd')
  await leader.goto('/reviews')
  await expect(leader.getByText(payload('note'), { exact: true }).first()).toBeVisible()
  await leader.goto(path)
  await expect(leader.getByText(payload('comment'), { exact: true })).toBeVisible()
  await leaderNoScripts()
})

test('a unit named with markup through the administration form, and an import file with markup in its cells and its name, show as text', async ({ page }) => {
  const noScripts = watchForScripts(page)
  await signIn(page, 'admin')

  // A village of the township: on the administration pages only, so no progress figure moves.
  await page.goto('/admin/units')
  const form = page.getByRole('form', { name: 'Thêm đơn vị' })
  await form.getByLabel('Mã', { exact: true }).fill(`e2e-thon-${run}`)
  await form.getByLabel('Tên', { exact: true }).fill(payload('unit'))
  await form.getByLabel('Loại đơn vị').selectOption({ label: 'Thôn, bản' })
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/units/e2e-thon-${run}\\?created=1$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(payload('unit'))
  await page.goto('/admin/units')
  await expect(page.getByRole('link', { name: payload('unit') })).toBeVisible()
  await noScripts()

  // The check of an import writes nothing; its table shows the row's code as typed, the group code
  // inside the error message, and the file's name.
  const importName = `<img src=x onerror=alert(2)>${run}.csv`
  const header = 'Mã nhiệm vụ,Tên nhiệm vụ,Mã nhóm,Hạn hoàn thành,Phạm vi,Đơn vị tính chỉ tiêu,Giá trị ban đầu,Giá trị mục tiêu,Mô tả'
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`
  await page.goto('/admin/import')
  const check = page.getByRole('form', { name: 'Kiểm tra (chưa ghi)' })
  await check.getByLabel('Nhiệm vụ', { exact: true }).check()
  const line = [quoted(payload('code')), 'Nhiệm vụ', quoted(payload('group')), '30/06/2027', 'xã', '', '', '', ''].join(',')
  await check.getByLabel('Tệp dữ liệu').setInputFiles({ name: importName, mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n${line}\r\n`) })
  await check.getByRole('button', { name: 'Kiểm tra (chưa ghi)' }).click()
  const row = page.getByRole('region', { name: `Kết quả kiểm tra tệp ${importName}` }).getByRole('row', { name: /^2 / })
  await expect(row).toContainText(payload('code'))
  await expect(row).toContainText(payload('group'))
  await noScripts()
})
