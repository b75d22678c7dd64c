// Staff log task status, the member in charge confirms (the group's lead follows, and confirms what the member in charge reports), questions and answers.
// The e2e database is shared with the other spec files: each test here works on Minh Cầm (or Đạp
// Thanh) assignments that no other spec touches, and reads only what it wrote itself.
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

const updateForm = (page: Page) => page.getByRole('form', { name: 'Cập nhật tiến độ' })
const history = (page: Page) => page.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('listitem').filter({ has: page.getByRole('article') })
/** A change in the history: an arrow on screen, "chuyển thành" for screen readers. */
const change = (from: string, to: string) => new RegExp(`${from}\\s*→\\s*chuyển thành\\s*${to}`)
const evidence = { name: 'bien-ban-hop.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') }

test.describe.serial('a Minh Cầm report, from the unit to the member in charge and back', () => {
  // "Đánh giá, xếp loại…" has not been started in Minh Cầm: its only history is what these tests write.
  const task = 'Đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã theo tiêu chí mới'
  const note = 'Đã xây dựng kế hoạch đánh giá.\nĐang lấy ý kiến các đoàn thể.'
  const comment = 'Đồng ý; đề nghị hoàn thành trước hội nghị tháng sau.'

  test('staff of Minh Cầm opens the task from the unit page, reports progress with a PDF, and sees the new state and the report in the history', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.getByRole('link', { name: task }).click()
    await expect(page).toHaveURL(/\/units\/minh-cam\/tasks\/danh-gia-xep-loai$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(task)
    await expect(page.getByText('Chưa có báo cáo tiến độ nào.')).toBeVisible()

    const form = updateForm(page)
    await form.getByLabel('Đang thực hiện').check()
    await form.getByLabel('Tiến độ (%)').fill('20')
    await form.getByLabel('Ghi chú').fill(note)
    await form.getByLabel('Tệp minh chứng').setInputFiles(evidence)
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()

    await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
    const current = page.getByRole('region', { name: 'Tình hình hiện tại' })
    await expect(current).toContainText('Đang thực hiện')
    await expect(current).toContainText('20%')
    await expect(history(page)).toHaveCount(1)
    const latest = history(page).first()
    await expect(latest).toContainText(change('Chưa triển khai', 'Đang thực hiện'))
    await expect(latest).toContainText(change('0%', '20%'))
    await expect(latest.getByText('Đã xây dựng kế hoạch đánh giá.')).toBeVisible()
    await expect(latest).toContainText('Chờ xác nhận')
    const file = latest.getByRole('link', { name: 'bien-ban-hop.pdf' })
    await expect(file).toBeVisible()

    // The evidence downloads as it was sent, never to be shown inline.
    const response = await page.request.get((await file.getAttribute('href'))!)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/pdf')
    expect(response.headers()['content-disposition']).toBe('attachment; filename="bien-ban-hop.pdf"')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect(await response.body()).toEqual(evidence.buffer)

    // The next report starts from the saved state.
    await expect(form.getByLabel('Đang thực hiện')).toBeChecked()
    await expect(form.getByLabel('Tiến độ (%)')).toHaveValue('20')
    await expect(form.getByLabel('Ghi chú')).toHaveValue('')
  })

  test('the lead of the task group follows the report under "Theo dõi", with no buttons, and the assignment page names the member in charge as its confirmer', async ({ page }) => {
    // "Công tác cán bộ…" is led by the Standing Deputy Secretary; Minh Cầm is in the Party Secretary's charge: he confirms.
    await signIn(page, 'pho-bi-thu-tt')
    await page.goto('/reviews')
    const toConfirm = page.getByRole('region', { name: 'Chờ đồng chí xác nhận' })
    const followed = page.getByRole('region', { name: 'Theo dõi' })
    await expect(toConfirm.getByRole('listitem').filter({ hasText: task }).filter({ hasText: 'Xã Minh Cầm' })).toHaveCount(0)
    const item = followed.getByRole('listitem').filter({ hasText: task }).filter({ hasText: 'Xã Minh Cầm' })
    await expect(item).toContainText('Đang thực hiện, 20%')
    await expect(item.getByRole('button')).toHaveCount(0)
    await item.getByRole('link', { name: task }).click()

    await expect(page).toHaveURL(/\/units\/minh-cam\/tasks\/danh-gia-xep-loai#update-/)
    await expect(page.locator('dt', { hasText: /^Người xác nhận$/ }).locator('xpath=following-sibling::dd[1]')).toContainText('Nguyễn Đình Khải')
    await expect(history(page).first().getByText('Đã xây dựng kế hoạch đánh giá.')).toBeVisible()
    await expect(page.getByRole('form', { name: 'Xác nhận báo cáo' })).toHaveCount(0)
    await expect(page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })).toBeVisible()
  })

  test('the member in charge of Minh Cầm finds the report among those awaiting confirmation and confirms it with a comment', async ({ page }) => {
    await signIn(page, 'bi-thu')
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /Chờ xác nhận/ }).click()
    await expect(page).toHaveURL(/\/reviews$/)
    const item = page.getByRole('region', { name: 'Chờ đồng chí xác nhận' }).getByRole('listitem').filter({ hasText: task }).filter({ hasText: 'Xã Minh Cầm' })
    await expect(item).toContainText('Đang thực hiện, 20%')
    await expect(item).toContainText('Cán bộ xã Minh Cầm')
    await item.getByRole('link', { name: task }).click()

    await expect(page).toHaveURL(/\/units\/minh-cam\/tasks\/danh-gia-xep-loai#update-/)
    const latest = history(page).first()
    const review = latest.getByRole('form', { name: 'Xác nhận báo cáo' })
    await expect(review.getByLabel('Ý kiến của người xác nhận')).toHaveAccessibleDescription(/Không bắt buộc khi xác nhận\./)
    await review.getByLabel('Ý kiến của người xác nhận').fill(comment)
    await review.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect(latest.getByRole('status')).toHaveText('Đã xác nhận kết quả báo cáo.')

    await page.goto('/reviews')
    await expect(page.getByRole('listitem').filter({ hasText: task })).toHaveCount(0)
  })

  test("staff of Minh Cầm then sees the report marked confirmed with the member's comment, on the task and on the unit page", async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto('/units/minh-cam/tasks/danh-gia-xep-loai')
    const latest = history(page).first()
    await expect(latest.getByText('Đã xác nhận', { exact: true })).toBeVisible()
    await expect(latest).toContainText('Đã được Nguyễn Đình Khải xác nhận lúc')
    await expect(latest).toContainText(`Ý kiến của Nguyễn Đình Khải: ${comment}`)

    await page.goto('/units/minh-cam')
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: task }) })
    await expect(card.getByText('Đã xác nhận', { exact: true })).toBeVisible()
    await expect(card).toContainText('Ý kiến của Nguyễn Đình Khải:')
    await expect(card).toContainText(comment)
  })

  test("staff of Đạp Thanh read Minh Cầm's unit page without the member's comment", async ({ page }) => {
    await signIn(page, 'dap-thanh')
    await page.goto('/units/minh-cam')
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: task }) })
    await expect(card.getByText('Đã xác nhận', { exact: true })).toBeVisible()
    await expect(page.getByText(comment)).toHaveCount(0)
  })
})

test.describe.serial('a returned report', () => {
  // "Bố trí kiêm nhiệm…" is done in Minh Cầm with 5 posts (chức danh); no other spec touches it.
  const path = '/units/minh-cam/tasks/kiem-nhiem-ban-chuyen-trach'
  const reason = 'Số liệu chưa khớp với quyết định phân công; đề nghị rà soát lại.'

  test('staff of Minh Cầm reports a new figure for the indicator, typed with a decimal comma', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto(path)
    const form = updateForm(page)
    await expect(form.getByLabel('Kết quả chỉ tiêu đạt được (chức danh)')).toHaveValue('5')
    await form.getByLabel('Kết quả chỉ tiêu đạt được (chức danh)').fill('6,5')
    await form.getByLabel('Ghi chú').fill('Bổ sung kiêm nhiệm chức danh văn hóa - xã hội.')
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
    await expect(history(page).first()).toContainText(change('5', '6,5'))
  })

  test('the member in charge must give a reason to return it, and then returns it', async ({ page }) => {
    await signIn(page, 'bi-thu')
    await page.goto(path)
    const latest = history(page).first()
    const review = latest.getByRole('form', { name: 'Xác nhận báo cáo' })
    await review.getByRole('button', { name: 'Trả lại' }).click()
    await expect(review.getByRole('alert')).toContainText('Chưa lưu được')
    const reasonField = review.getByLabel('Ý kiến của người xác nhận')
    await expect(reasonField).toHaveAttribute('aria-invalid', 'true')
    await expect(reasonField).toHaveAccessibleDescription(/Ghi rõ lý do trả lại để đơn vị bổ sung, hoàn thiện\./)

    await reasonField.fill(reason)
    await review.getByRole('button', { name: 'Trả lại' }).click()
    await expect(latest.getByRole('status')).toHaveText('Đã trả lại báo cáo cho đơn vị kèm lý do.')
  })

  test('staff of Minh Cầm sees the report marked returned with the reason, and the figure back at 5', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto(path)
    const latest = history(page).first()
    await expect(latest.getByText('Bị trả lại', { exact: true })).toBeVisible()
    await expect(latest).toContainText('Nguyễn Đình Khải đã trả lại lúc')
    await expect(latest).toContainText(`Lý do: ${reason}`)
    const current = page.getByRole('region', { name: 'Tình hình hiện tại' })
    await expect(current).toContainText('Đạt được5 chức danh')
    await expect(current).toContainText('Báo cáo gần nhất đã bị trả lại nên không được tính')
    await expect(updateForm(page).getByLabel('Kết quả chỉ tiêu đạt được (chức danh)')).toHaveValue('5')
  })

  test('staff of Minh Cầm finds the returned work, with the reason, under the unit page\'s "returned" filter', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto('/units/minh-cam')
    const filters = page.getByRole('form', { name: 'Lọc nhiệm vụ' })
    await filters.getByLabel(/^Bị trả lại, chưa báo cáo lại \(\d+\)$/).check()
    await filters.getByRole('button', { name: 'Lọc' }).click()
    await expect(page).toHaveURL(/[?&]review=returned/)
    await expect(page.getByText(/^Đang hiển thị \d+\/\d+ nhiệm vụ\.$/)).toBeVisible()
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã' }) })
    await expect(card.getByText('Bị trả lại', { exact: true })).toBeVisible()
    await expect(card).toContainText(reason)
    // Only returned work is listed: every card carries the returned badge.
    const cards = page.locator('.assignment-cards > li')
    await expect(cards).not.toHaveCount(0)
    await expect(cards.filter({ hasNot: page.getByText('Bị trả lại', { exact: true }) })).toHaveCount(0)
  })
})

test.describe('two people saving at once', () => {
  // "Ban hành quy chế làm việc…" is done in Minh Cầm; no other spec touches it.
  const path = '/units/minh-cam/tasks/quy-che-lam-viec-sau-sap-xep'

  test('staff of Minh Cầm saving over a report made in between is shown what was saved and keeps their input, then saves it on purpose', async ({ browser }) => {
    const first = await (await browser.newContext()).newPage()
    const second = await (await browser.newContext()).newPage()
    await signIn(first, 'minh-cam')
    await signIn(second, 'minh-cam')
    await first.goto(path)
    await second.goto(path)

    await updateForm(first).getByLabel('Ghi chú').fill('Đã trình Đảng ủy xã ban hành.')
    await updateForm(first).getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(updateForm(first).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')

    const form = updateForm(second)
    await form.getByLabel('Ghi chú').fill('Quy chế đã được niêm yết công khai.')
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    const alert = form.getByRole('alert')
    await expect(alert).toContainText('Cán bộ xã Minh Cầm vừa cập nhật nhiệm vụ này lúc')
    await expect(alert).toContainText('Đã trình Đảng ủy xã ban hành.')
    await expect(form.getByLabel('Ghi chú')).toHaveValue('Quy chế đã được niêm yết công khai.')

    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
    await expect(history(second).first()).toContainText('Quy chế đã được niêm yết công khai.')
    await expect(history(second).nth(1)).toContainText('Đã trình Đảng ủy xã ban hành.')
  })
})

test.describe('refused input', () => {
  // "Xây dựng báo cáo sơ kết đợt 2…" is in progress at 60% in Minh Cầm.
  const path = '/units/minh-cam/tasks/bao-cao-so-ket'

  test('staff of Minh Cầm who types progress 150, then reports blocked without a note, is told beside each field, keeps what was typed, and nothing is saved', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto(path)
    const before = await history(page).count()
    const form = updateForm(page)

    await form.getByLabel('Vướng mắc').check()
    await form.getByLabel('Tiến độ (%)').fill('150')
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(form.getByRole('alert')).toContainText('Chưa lưu được: vui lòng sửa các mục được đánh dấu bên dưới.')
    const progress = form.getByLabel('Tiến độ (%)')
    await expect(progress).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#progress-error')).toHaveText('Tiến độ phải là số nguyên từ 0 đến 100.')
    await expect(progress).toHaveAccessibleDescription(/Tiến độ phải là số nguyên từ 0 đến 100\./)
    await expect(progress).toHaveValue('150')
    await expect(form.getByLabel('Vướng mắc')).toBeChecked()
    await expect(form.getByText('vui lòng chọn lại tệp')).toBeVisible()

    await progress.fill('60')
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    const noteField = form.getByLabel('Ghi chú')
    await expect(noteField).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#note-error')).toHaveText('Ghi rõ vướng mắc để lãnh đạo có hướng xử lý.')
    await expect(progress).toHaveValue('60')
    await expect(progress).not.toHaveAttribute('aria-invalid')
    await expect(form.getByLabel('Vướng mắc')).toBeChecked()

    await page.reload()
    await expect(history(page)).toHaveCount(before)
    await expect(page.getByRole('region', { name: 'Tình hình hiện tại' })).toContainText('60%')
  })
})

test.describe('who may report', () => {
  test("staff of Đạp Thanh can read a Minh Cầm task's status, not its history, and get no update form and no question form", async ({ page }) => {
    await signIn(page, 'dap-thanh')
    await page.goto('/units/minh-cam/tasks/dua-don-hoc-sinh')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảo đảm điều kiện đi học cho học sinh sau sáp nhập điểm trường')
    await expect(page.getByRole('region', { name: 'Tình hình hiện tại' })).toContainText('Vướng mắc')
    await expect(page.getByRole('region', { name: 'Lịch sử cập nhật' })).toHaveCount(0)
    await expect(updateForm(page)).toHaveCount(0)
    await expect(page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })).toHaveCount(0)
    await expect(page.getByRole('form', { name: 'Xác nhận báo cáo' })).toHaveCount(0)
  })

  test('staff of Đạp Thanh gets the update form and the question form on its own task', async ({ page }) => {
    await signIn(page, 'dap-thanh')
    await page.goto('/units/dap-thanh/tasks/dua-don-hoc-sinh')
    await expect(updateForm(page)).toBeVisible()
    await expect(page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })).toBeVisible()
  })

  test('staff of Minh Cầm asking for the page of reports awaiting confirmation is told it does not exist', async ({ page }) => {
    await signIn(page, 'minh-cam')
    const response = await page.goto('/reviews')
    expect(response?.status()).toBe(404)
  })

  test('a task code that does not exist answers not found', async ({ page }) => {
    await signIn(page, 'minh-cam')
    const response = await page.goto('/units/minh-cam/tasks/khong-co-nhiem-vu-nay')
    expect(response?.status()).toBe(404)
  })

  test('evidence is not served to a visitor without a session', async ({ request }) => {
    const response = await request.get('/attachments/01930000-0000-7000-8000-000000000000')
    expect(response.status()).toBe(404)
  })
})

test.describe.serial('questions and answers', () => {
  // "Đối thoại trực tiếp…" in Minh Cầm: no other spec asks about it.
  const path = '/units/minh-cam/tasks/doi-thoai-nhan-dan'
  const question = 'Biên bản đối thoại gửi về đâu?\nCó cần bản ký số không?'
  const answer = 'Gửi về Văn phòng Huyện ủy; bản scan có chữ ký là được.'

  test('staff of Minh Cầm posts a question and sees it in the thread, line breaks kept', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto(path)
    const form = page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
    await form.getByLabel('Nội dung câu hỏi hoặc trả lời').fill(question)
    await form.getByRole('button', { name: 'Gửi' }).click()
    await expect(form.getByRole('status')).toHaveText('Đã gửi.')
    await expect(form.getByLabel('Nội dung câu hỏi hoặc trả lời')).toHaveValue('')
    const thread = page.getByRole('region', { name: 'Hỏi - đáp' })
    const asked = thread.getByRole('listitem').filter({ hasText: 'Biên bản đối thoại gửi về đâu?' })
    await expect(asked).toContainText('Cán bộ xã Minh Cầm')
    expect(await asked.locator('p').last().innerText()).toBe(question)
  })

  test('the member in charge answers the question under it', async ({ page }) => {
    await signIn(page, 'bi-thu')
    await page.goto(path)
    const form = page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
    await form.getByLabel('Nội dung câu hỏi hoặc trả lời').fill(answer)
    await form.getByRole('button', { name: 'Gửi' }).click()
    await expect(form.getByRole('status')).toHaveText('Đã gửi.')
    const items = page.getByRole('region', { name: 'Hỏi - đáp' }).getByRole('listitem')
    await expect(items.last()).toContainText(answer)
    await expect(items.last()).toContainText('Nguyễn Đình Khải')
    await expect(items.nth((await items.count()) - 2)).toContainText('Biên bản đối thoại gửi về đâu?')
  })
})

test('the member in charge who reports on a Minh Cầm assignment of a group he also leads gets no button to confirm that report, and it waits for an administrator', async ({ page }) => {
  // "Nhất thể hóa chức danh Bí thư…" is done in Minh Cầm; the report keeps its state and adds a note.
  // Its group is led by the Party Secretary, who is also in charge of Minh Cầm: no other member is left.
  const task = 'Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã'
  await signIn(page, 'bi-thu')
  await page.goto('/units/minh-cam/tasks/bi-thu-kiem-chu-tich-ubnd')
  await updateForm(page).getByLabel('Ghi chú').fill('Ban Thường vụ đã xem xét kết quả tại hội nghị tháng này.')
  await updateForm(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(updateForm(page).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
  const own = history(page).first()
  await expect(own).toContainText('Ban Thường vụ đã xem xét kết quả tại hội nghị tháng này.')
  await expect(own).toContainText('Đang chờ quản trị viên xác nhận.')
  await expect(own.getByRole('form', { name: 'Xác nhận báo cáo' })).toHaveCount(0)
  await page.goto('/reviews')
  await expect(page.getByRole('region', { name: 'Chờ đồng chí xác nhận' }).getByRole('listitem').filter({ hasText: task })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Theo dõi' }).getByRole('listitem').filter({ hasText: task }).filter({ hasText: 'Xã Minh Cầm' })).toHaveCount(1)
})

test.describe.serial("the member in charge's own report on a Minh Cầm assignment, confirmed by the group's lead", () => {
  // "Quán triệt Nghị quyết 19…" is led by the Head of Propaganda (Triệu Văn Lâm); Minh Cầm is in the
  // Party Secretary's charge. No other spec reports on it in Minh Cầm.
  const task = 'Quán triệt Nghị quyết 19-NQ/TU đến chi bộ và đảng viên'
  const note = 'Thường trực Huyện ủy đã dự hội nghị quán triệt tại xã.'

  test('the member in charge reports; the report waits for the group lead, named in the history, and he follows it', async ({ page }) => {
    await signIn(page, 'bi-thu')
    await page.goto('/units/minh-cam/tasks/quan-triet-nghi-quyet')
    await updateForm(page).getByLabel('Ghi chú').fill(note)
    await updateForm(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(updateForm(page).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
    const own = history(page).first()
    await expect(own).toContainText(note)
    await expect(own).toContainText('Đang chờ đồng chí Triệu Văn Lâm xác nhận.')
    await expect(own.getByRole('form', { name: 'Xác nhận báo cáo' })).toHaveCount(0)
    // The assignment's usual confirmer, for its staff's reports, is still the member in charge.
    await expect(page.locator('dt', { hasText: /^Người xác nhận$/ }).locator('xpath=following-sibling::dd[1]')).toContainText('Nguyễn Đình Khải')
    await page.goto('/reviews')
    await expect(page.getByRole('region', { name: 'Chờ đồng chí xác nhận' }).getByRole('listitem').filter({ hasText: task })).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Theo dõi' }).getByRole('listitem').filter({ hasText: task }).filter({ hasText: 'Xã Minh Cầm' })).toContainText(note)
  })

  test('the group lead is told, finds it in his queue and confirms it', async ({ page }) => {
    await signIn(page, 'truong-ban-tuyen-giao')
    await page.goto('/notifications')
    await expect(page.getByRole('link', { name: `Báo cáo của Xã Minh Cầm về nhiệm vụ “${task}” chờ đồng chí xác nhận` })).toHaveCount(1)
    await page.goto('/reviews')
    const item = page.getByRole('region', { name: 'Chờ đồng chí xác nhận' }).getByRole('listitem').filter({ hasText: task }).filter({ hasText: 'Xã Minh Cầm' })
    await expect(item).toContainText(note)
    await item.getByRole('link', { name: task }).click()
    await expect(page).toHaveURL(/\/units\/minh-cam\/tasks\/quan-triet-nghi-quyet#update-/)
    const latest = history(page).first()
    await latest.getByRole('form', { name: 'Xác nhận báo cáo' }).getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect(latest.getByRole('status')).toHaveText('Đã xác nhận kết quả báo cáo.')
    await page.goto('/reviews')
    await expect(page.getByRole('listitem').filter({ hasText: task })).toHaveCount(0)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  // "Rà soát số lượng cấp phó…" is blocked at 40% in Minh Cầm.
  const path = '/units/minh-cam/tasks/ra-soat-cap-pho-cap-xa'

  test('the update form refuses progress 150 with the message beside the field, then saves a corrected report', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto(path)
    const before = await history(page).count()
    const form = updateForm(page)
    await form.getByLabel('Đang thực hiện').check()
    await form.getByLabel('Tiến độ (%)').fill('150')
    await form.getByLabel('Ghi chú').fill('Đã có hướng dẫn của tỉnh, tiếp tục rà soát.')
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()

    await expect(page.locator('#progress-error')).toHaveText('Tiến độ phải là số nguyên từ 0 đến 100.')
    await expect(updateForm(page).getByLabel('Tiến độ (%)')).toHaveValue('150')
    await expect(updateForm(page).getByLabel('Ghi chú')).toHaveValue('Đã có hướng dẫn của tỉnh, tiếp tục rà soát.')
    await expect(updateForm(page).getByLabel('Đang thực hiện')).toBeChecked()

    await updateForm(page).getByLabel('Tiến độ (%)').fill('70')
    await updateForm(page).getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(updateForm(page).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
    await expect(history(page)).toHaveCount(before + 1)
    await expect(history(page).first()).toContainText(change('Vướng mắc', 'Đang thực hiện'))
    await expect(history(page).first()).toContainText(change('40%', '70%'))
  })

  test('a report with a 3 MB scan is saved too (a plain form post: more than the 1 MB any other form may send), and the scan arrives whole', async ({ page }) => {
    await signIn(page, 'minh-cam')
    await page.goto(path)
    const before = await history(page).count()
    const scan = { name: 'bien-ban-quet.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3_000_000, 0x33), Buffer.from('\n%%EOF\n')]) }
    const note = `Gửi kèm bản quét biên bản ${Date.now()}`
    const form = updateForm(page)
    await form.getByLabel('Ghi chú').fill(note)
    await form.getByLabel('Tệp minh chứng').setInputFiles(scan)
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()

    await expect(updateForm(page).getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
    await expect(history(page)).toHaveCount(before + 1)
    const latest = history(page).first()
    await expect(latest).toContainText(note)
    const file = latest.getByRole('link', { name: 'bien-ban-quet.pdf' })
    const response = await page.request.get((await file.getAttribute('href'))!)
    expect(response.status()).toBe(200)
    expect(await response.body()).toEqual(scan.buffer)
  })
})
