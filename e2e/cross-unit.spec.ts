// One commune's staff cannot reach another commune's assignment, by address or by a
// forged form naming the other's assignment, and the refusal reads like a missing record; the
// paired test shows each can still report on their own. Nam Sơn and Đồn Đạc, task
// "quy-che-lam-viec-sau-sap-xep": no other spec writes to them. Nor do they write to Minh Cầm's
// assignment of that task, whose details (note, evidence, questions) only its unit and the
// leaders in charge read.
import { expect, test, type Page } from '@playwright/test'
import { database, signedIn } from './helpers'

const TASK = 'quy-che-lam-viec-sau-sap-xep'
const STAFF = { 'nam-son': 'don-dac', 'don-dac': 'nam-son' } as const

const updateForm = (page: Page) => page.getByRole('form', { name: 'Cập nhật tiến độ' })
const questionForm = (page: Page) => page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
const historyItems = (page: Page) => page.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('article')
const questions = (page: Page) => page.getByRole('region', { name: 'Hỏi - đáp' }).getByRole('listitem')

/** The assignment id the unit's own form carries, and how many reports and questions it has. */
async function ownAssignment(page: Page, unit: string) {
  await page.goto(`/units/${unit}/tasks/${TASK}`)
  const id = await updateForm(page).locator('input[name="assignmentId"]').inputValue()
  return { id, reports: await historyItems(page).count(), questions: await questions(page).count() }
}

for (const [unit, other] of Object.entries(STAFF)) {
  test.describe(`staff of ${unit} and the assignment of ${other}`, () => {
    test('opened by its address: readable, with no form to report or ask', async ({ browser }) => {
      const page = await signedIn(browser, unit)
      await page.goto(`/units/${other}/tasks/${TASK}`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(updateForm(page)).toHaveCount(0)
      await expect(questionForm(page)).toHaveCount(0)
    })

    test('a report or a question posted with its id is refused as not found, and nothing is written', async ({ browser }) => {
      const target = await ownAssignment(await signedIn(browser, other), other)
      const page = await signedIn(browser, unit)
      await ownAssignment(page, unit)
      // The unit's own forms, made to name the other unit's assignment, as a forged post would.
      await page.locator('input[name="assignmentId"]').evaluateAll((inputs, id) => inputs.forEach((input) => ((input as HTMLInputElement).value = id)), target.id)
      const form = updateForm(page)
      await form.getByLabel('Đang thực hiện').check()
      await form.getByLabel('Tiến độ (%)').fill('55')
      await form.getByLabel('Ghi chú').fill('Báo cáo gửi nhầm sang đơn vị khác')
      await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
      await expect(form.getByRole('alert')).toContainText('Không tìm thấy nhiệm vụ này, hoặc tài khoản không có quyền thực hiện thao tác này.')
      const ask = questionForm(page)
      await ask.getByRole('textbox').fill('Câu hỏi gửi nhầm sang đơn vị khác')
      await ask.getByRole('button').click()
      await expect(ask.getByRole('alert')).toContainText('Không tìm thấy')

      const after = await ownAssignment(await signedIn(browser, other), other)
      expect(after).toEqual(target)
    })

    test('its own assignment: the report and the question are saved', async ({ browser }) => {
      const page = await signedIn(browser, unit)
      const before = await ownAssignment(page, unit)
      const form = updateForm(page)
      await form.getByLabel('Đang thực hiện').check()
      await form.getByLabel('Tiến độ (%)').fill('60')
      await form.getByLabel('Ghi chú').fill(`Đã trình dự thảo quy chế (${unit})`)
      await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
      await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')
      const ask = questionForm(page)
      await ask.getByRole('textbox').fill(`Quy chế có cần gửi Văn phòng Huyện ủy thẩm định không? (${unit})`)
      await ask.getByRole('button').click()
      await expect(questions(page)).toHaveCount(before.questions + 1)
      await page.reload()
      await expect(historyItems(page)).toHaveCount(before.reports + 1)
    })
  })
}

test.describe("the details of a Minh Cầm assignment: its unit and those in charge read them, other communes' staff only its status", () => {
  const path = `/units/minh-cam/tasks/${TASK}`
  const fileName = 'bien-ban-danh-gia-can-bo.pdf'
  const question = 'Biên bản đánh giá cán bộ có cần gửi kèm bản ký số không?'
  let note = ''
  // Fixed ids: each worker that runs these tests adds the file and the question once between them.
  const ATTACHMENT_ID = '01930000-0000-7000-8000-00000000e2e1'
  const COMMENT_ID = '01930000-0000-7000-8000-00000000e2e2'

  // The demo report of Minh Cầm carries a note; the test adds an evidence file and a question to it.
  test.beforeAll(async () => {
    const { rows } = await database().query<{ id: string; note: string; authorId: string; assignmentId: string }>(
      `SELECT s.id, s.note, s."authorId", s."assignmentId" FROM "StatusUpdate" s
         JOIN "Assignment" a ON a.id = s."assignmentId" JOIN "Unit" u ON u.id = a."unitId" JOIN "Task" t ON t.id = a."taskId"
        WHERE u.code = 'minh-cam' AND t.code = $1 ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1`,
      [TASK],
    )
    const report = rows[0]!
    note = report.note
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
    await database().query(
      `INSERT INTO "Attachment" (id, "statusUpdateId", "fileName", "mediaType", "byteSize", sha256, content)
       VALUES ($1, $2, $3, 'application/pdf', $4, 'e2e', $5) ON CONFLICT (id) DO NOTHING`,
      [ATTACHMENT_ID, report.id, fileName, pdf.byteLength, pdf],
    )
    await database().query(
      `INSERT INTO "Comment" (id, "assignmentId", "authorId", body) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [COMMENT_ID, report.assignmentId, report.authorId, question],
    )
  })

  /** The evidence file's address, as its own unit's page links it. */
  async function evidenceHref(page: Page): Promise<string> {
    await page.goto(path)
    return (await page.getByRole('link', { name: fileName }).getAttribute('href'))!
  }

  for (const reader of ['minh-cam', 'bi-thu', 'admin']) {
    test(`${reader} reads the note, the question and the evidence file`, async ({ browser }) => {
      const page = await signedIn(browser, reader)
      const href = await evidenceHref(page)
      await expect(historyItems(page).first()).toContainText(note)
      await expect(questions(page).filter({ hasText: question })).toHaveCount(1)
      const file = await page.request.get(href)
      expect(file.status()).toBe(200)
      expect(file.headers()['content-type']).toBe('application/pdf')
    })
  }

  test('staff of Nam Sơn see its status and progress, no note, evidence or question, and get 404 on the evidence file', async ({ browser }) => {
    const href = await evidenceHref(await signedIn(browser, 'minh-cam'))
    const page = await signedIn(browser, 'nam-son')
    await page.goto(path)
    const current = page.getByRole('region', { name: 'Tình hình hiện tại' })
    await expect(current).toContainText('Hoàn thành')
    await expect(current).toContainText('100%')
    await expect(page.getByText('Chỉ đơn vị và lãnh đạo phụ trách xem được ghi chú, minh chứng, lịch sử cập nhật và hỏi đáp của nhiệm vụ này.')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Lịch sử cập nhật' })).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Hỏi - đáp' })).toHaveCount(0)
    await expect(page.getByText(note)).toHaveCount(0)
    await expect(page.getByText(question)).toHaveCount(0)
    await expect(page.getByRole('link', { name: fileName })).toHaveCount(0)

    // Refused like a file that does not exist: the same status and body.
    const refused = await page.request.get(href)
    const missing = await page.request.get('/attachments/01930000-0000-7000-8000-000000000000')
    expect(refused.status()).toBe(404)
    expect([refused.status(), await refused.text()]).toEqual([missing.status(), await missing.text()])

    // The task's latest reports, across its units, are Nam Sơn's own only.
    await page.goto(`/tasks/${TASK}`)
    const latest = page.getByRole('region', { name: 'Báo cáo gần đây' })
    await expect(latest).toContainText('Chỉ gồm báo cáo của các đơn vị bạn được xem chi tiết.')
    await expect(latest.getByRole('listitem').filter({ hasText: 'Xã Nam Sơn' }).first()).toBeVisible()
    await expect(latest.getByRole('listitem').filter({ hasNotText: 'Xã Nam Sơn' })).toHaveCount(0)

    await page.goto(path)
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `test-results/cross-unit-details-withheld-${width}.png`, fullPage: true })
    }
  })
})
