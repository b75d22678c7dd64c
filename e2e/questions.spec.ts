// Questions and answers as the article describes them: a commune asks on its assignment, the
// Party Office finds the question waiting on "Hỏi - đáp", answers it and publishes it to the
// district's list without the commune's name, and another commune reads the answer there.
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const path = '/units/minh-cam/tasks/bi-thu-chi-bo-kiem-truong-thon'
const question = 'Trưởng thôn mới bầu có cần học lớp bồi dưỡng trước khi kiêm nhiệm không?'
const answer = 'Có: học lớp bồi dưỡng của Trung tâm Chính trị huyện trong 3 tháng đầu.'

/** Sends a question or an answer from the assignment's page. */
async function post(page: Page, text: string) {
  const form = page.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
  await form.getByLabel('Nội dung câu hỏi hoặc trả lời').fill(text)
  await form.getByRole('button', { name: 'Gửi' }).click()
  await expect(form.getByRole('status')).toHaveText('Đã gửi.')
}

test('staff of Minh Cầm ask a question on their assignment', async ({ page }) => {
  await signIn(page, 'minh-cam')
  await page.goto(path)
  await post(page, question)
})

test('the office finds it waiting on Hỏi - đáp, answers it on the assignment page and publishes it without the unit’s name', async ({ page }) => {
  await signIn(page, 'van-phong-huyen-uy')
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hỏi - đáp', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hỏi - đáp')
  const filter = page.getByRole('form', { name: 'Lọc câu hỏi' })
  await filter.getByLabel('Trả lời').selectOption('waiting')
  await filter.getByLabel('Đơn vị').selectOption('minh-cam')
  await filter.getByRole('button', { name: 'Lọc' }).click()
  await expect(page).toHaveURL(/\/questions\?state=waiting&unit=minh-cam/)
  const waiting = page.getByRole('region', { name: /câu hỏi$/ }).getByRole('listitem').filter({ hasText: question })
  await expect(waiting).toContainText('Chờ trả lời')
  await expect(waiting).toContainText('hỏi trong ngày')
  await expect(waiting).toContainText('Xã Minh Cầm')

  await waiting.getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`${path}$`))
  await post(page, answer)

  const asked = page.getByRole('region', { name: 'Hỏi - đáp' }).getByRole('listitem').filter({ hasText: question })
  const publish = asked.getByRole('form', { name: 'Công khai câu hỏi và trả lời này' })
  await expect(publish.getByLabel('Nêu tên đơn vị hỏi')).not.toBeChecked()
  await publish.getByRole('button', { name: 'Công khai trong chuyên mục hỏi - đáp' }).click()
  await expect(asked.getByRole('status')).toHaveText('Đã công khai trong chuyên mục hỏi - đáp của huyện.')

  await page.goto('/questions?state=answered&unit=minh-cam')
  const answered = page.getByRole('region', { name: /câu hỏi$/ }).getByRole('listitem').filter({ hasText: question })
  await expect(answered).toContainText('Đã trả lời')
  await expect(answered).toContainText('Đã công khai')
})

test('staff of another commune read the published answer on Hỏi - đáp, without the asking unit, and none of Minh Cầm’s threads', async ({ page }) => {
  await signIn(page, 'nam-son')
  await page.goto('/questions')
  await expect(page.getByRole('region', { name: /câu hỏi$/ }).getByText(question)).toHaveCount(0)
  const published = page.getByRole('region', { name: 'Đã công khai' }).getByRole('listitem').filter({ hasText: question })
  await expect(published).toContainText(answer)
  await expect(published).not.toContainText('Minh Cầm')
})

test('the staff who asked see their question answered, and no publish form', async ({ page }) => {
  await signIn(page, 'minh-cam')
  await page.goto('/questions?state=answered')
  await expect(page.getByRole('region', { name: /câu hỏi$/ }).getByRole('listitem').filter({ hasText: question })).toContainText('Đã trả lời')
  await page.goto(path)
  await expect(page.getByRole('form', { name: 'Công khai câu hỏi và trả lời này' })).toHaveCount(0)
})
