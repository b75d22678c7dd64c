// One commune's staff cannot reach another commune's assignment, by address or by a
// forged form naming the other's assignment, and the refusal reads like a missing record; the
// paired test shows each can still report on their own. Nam Sơn and Đồn Đạc, task
// "quy-che-lam-viec-sau-sap-xep": no other spec writes to them.
import { expect, test, type Page } from '@playwright/test'
import { signedIn } from './helpers'

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
      await form.getByRole('button', { name: 'Lưu báo cáo' }).click()
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
      await form.getByRole('button', { name: 'Lưu báo cáo' }).click()
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
