// "Việc cần xử lý": what the leader says reaches the commune, and what the commune asks reaches the
// leader and the office, as rows counted in the header and listed on /notifications. Lương Mông
// (in the Standing Deputy Secretary's charge) is written to by no other spec, so the counts of its
// staff and of its member are this spec's alone.
import { expect, test, type Page } from '@playwright/test'
import { createAccount, database, signIn, signedIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const REPORTED = { path: '/units/luong-mong/tasks/bao-cao-so-ket', title: 'Xây dựng báo cáo sơ kết đợt 2 thực hiện Đề án 25' }
const ASKED = { path: '/units/luong-mong/tasks/dua-don-hoc-sinh', title: 'Bảo đảm điều kiện đi học cho học sinh sau sáp nhập điểm trường' }
const reason = 'Chưa gửi kèm dự thảo báo cáo; đề nghị bổ sung trước ngày 15.'
const question = 'Xe đưa đón học sinh do xã thuê có được hỗ trợ kinh phí từ ngân sách huyện không?'
const answer = 'Có: theo Nghị quyết của HĐND huyện, hỗ trợ 70% chi phí thuê xe.'

/** The header's link to "Việc cần xử lý" (the desktop navigation), named with its count. */
const headerLink = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /^Việc cần xử lý/ })
const expectCount = (page: Page, count: number) =>
  expect(headerLink(page)).toHaveAccessibleName(`Việc cần xử lý ${count} (${count === 0 ? 'không có mục chưa đọc' : `${count} mục chưa đọc`})`)
const unreadEntries = (page: Page) => page.getByRole('region', { name: /^Chưa đọc/ }).getByRole('listitem')

test('the leader sees the commune’s new report awaiting their confirmation in their count and their list', async ({ browser }) => {
  const commune = await signedIn(browser, 'luong-mong')
  await expectCount(commune, 0)
  await commune.goto(REPORTED.path)
  const form = commune.getByRole('form', { name: 'Cập nhật tiến độ' })
  await form.getByLabel('Đang thực hiện').check()
  await form.getByLabel('Tiến độ (%)').fill('30')
  await form.getByLabel('Ghi chú').fill('Đã lập đề cương báo cáo sơ kết.')
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(form.getByRole('status')).toHaveText('Đã lưu báo cáo tiến độ.')

  const leader = await signedIn(browser, 'pho-bi-thu-tt')
  await expectCount(leader, 1)
  await headerLink(leader).click()
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText('Việc cần xử lý')
  const entry = unreadEntries(leader).filter({ hasText: REPORTED.title })
  await expect(entry.getByRole('link')).toHaveText(`Báo cáo của Xã Lương Mông về nhiệm vụ “${REPORTED.title}” chờ đồng chí xác nhận`)
  await expect(entry).toContainText('Nội dung báo cáo: Đã lập đề cương báo cáo sơ kết.')
  await expect(entry).toContainText('Cán bộ xã Lương Mông')
})

test('a return with a reason reaches the commune’s header count, its list and its filter', async ({ browser }) => {
  // The confirmer finds the report at /reviews and returns it from the assignment's history.
  const leader = await signedIn(browser, 'pho-bi-thu-tt')
  await leader.goto('/reviews')
  await leader.getByRole('region', { name: 'Chờ đồng chí xác nhận' }).getByRole('listitem').filter({ hasText: 'Xã Lương Mông' }).getByRole('link', { name: REPORTED.title }).click()
  await expect(leader).toHaveURL(/\/units\/luong-mong\/tasks\/bao-cao-so-ket#update-/)
  const latest = leader.getByRole('region', { name: 'Lịch sử cập nhật' }).getByRole('listitem').filter({ has: leader.getByRole('article') }).first()
  const review = latest.getByRole('form', { name: 'Xác nhận báo cáo' })
  await review.getByLabel('Ý kiến của người xác nhận').fill(reason)
  await review.getByRole('button', { name: 'Trả lại' }).click()
  await expect(latest.getByRole('status')).toHaveText('Đã trả lại báo cáo cho đơn vị kèm lý do.')
  // Reviewed, the report no longer waits for them: their row is settled.
  await leader.goto('/notifications')
  await expectCount(leader, 0)
  await expect(leader.getByRole('region', { name: 'Đã đọc' }).getByRole('listitem').filter({ hasText: REPORTED.title })).toHaveCount(1)

  const commune = await signedIn(browser, 'luong-mong')
  await expectCount(commune, 1)
  await headerLink(commune).click()
  const entry = unreadEntries(commune).filter({ hasText: REPORTED.title })
  await expect(entry.getByRole('link')).toHaveText(`Báo cáo nhiệm vụ “${REPORTED.title}” bị trả lại`)
  await expect(entry).toContainText(`Lý do trả lại: ${reason}`)
  await expect(entry).toContainText('Lê Thị Thanh Hương')
  await commune.setViewportSize({ width: 1280, height: 800 })
  await commune.screenshot({ path: 'test-results/notifications-1280.png', fullPage: true })

  await entry.getByRole('link').click()
  await expect(commune).toHaveURL(/\/units\/luong-mong\/tasks\/bao-cao-so-ket#update-[0-9a-f-]+$/)
  await expect(commune.getByRole('heading', { level: 1 })).toHaveText(REPORTED.title)
  await expectCount(commune, 0)
  await commune.goto('/notifications')
  await expect(commune.getByRole('region', { name: 'Đã đọc' }).getByRole('listitem').filter({ hasText: reason })).toHaveCount(1)

  await commune.goto('/units/luong-mong')
  const filters = commune.getByRole('form', { name: 'Lọc nhiệm vụ' })
  await filters.getByLabel(/^Bị trả lại, chưa báo cáo lại \(\d+\)$/).check()
  await filters.getByRole('button', { name: 'Lọc' }).click()
  await expect(commune).toHaveURL(/[?&]review=returned/)
  const card = commune.getByRole('listitem').filter({ has: commune.getByRole('link', { name: REPORTED.title }) })
  await expect(card).toContainText(reason)
})

test('a question is answered by the office and the commune is notified', async ({ browser }) => {
  const commune = await signedIn(browser, 'luong-mong')
  await commune.goto(ASKED.path)
  const ask = commune.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
  await ask.getByLabel('Nội dung câu hỏi hoặc trả lời').fill(question)
  await ask.getByRole('button', { name: 'Gửi' }).click()
  await expect(ask.getByRole('status')).toHaveText('Đã gửi.')

  // The member in charge is told at once.
  const leader = await signedIn(browser, 'pho-bi-thu-tt')
  await expectCount(leader, 1)
  await leader.goto('/notifications')
  await expect(unreadEntries(leader).filter({ hasText: question }).getByRole('link')).toHaveText(`Câu hỏi của Xã Lương Mông về nhiệm vụ “${ASKED.title}” chờ trả lời`)

  const office = await signedIn(browser, 'van-phong-huyen-uy')
  await office.goto(ASKED.path)
  const reply = office.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
  await reply.getByLabel('Nội dung câu hỏi hoặc trả lời').fill(answer)
  await reply.getByRole('button', { name: 'Gửi' }).click()
  await expect(reply.getByRole('status')).toHaveText('Đã gửi.')

  // Answered by the office, the question no longer waits for the member.
  await leader.goto('/notifications')
  await expectCount(leader, 0)

  await commune.goto('/notifications')
  await expectCount(commune, 1)
  const entry = unreadEntries(commune).filter({ hasText: answer })
  await expect(entry.getByRole('link')).toHaveText(`Cán bộ Văn phòng Huyện ủy đã trả lời câu hỏi về nhiệm vụ “${ASKED.title}”`)
  await expect(entry).toContainText(`Trả lời: ${answer}`)
  await entry.getByRole('link').click()
  await expect(commune).toHaveURL(/\/units\/luong-mong\/tasks\/dua-don-hoc-sinh#comment-[0-9a-f-]+$/)
  const anchor = new URL(commune.url()).hash
  await expect(commune.locator(anchor)).toContainText(answer)
  await expectCount(commune, 0)
})

test('opening someone else’s entry is a plain 404, and “mark all as read” empties the count', async ({ browser }) => {
  const leader = await signedIn(browser, 'pho-bi-thu-tt')
  await leader.goto('/notifications')
  const someoneElses = await leader.getByRole('region', { name: 'Đã đọc' }).getByRole('link').first().getAttribute('href')

  const commune = await signedIn(browser, 'luong-mong')
  const response = await commune.request.get(someoneElses!, { maxRedirects: 0 })
  expect(response.status()).toBe(404)

  // A new question tells the member again; "mark all as read" clears it.
  await commune.goto(ASKED.path)
  const ask = commune.getByRole('form', { name: 'Gửi câu hỏi hoặc trả lời' })
  await ask.getByLabel('Nội dung câu hỏi hoặc trả lời').fill('Hồ sơ đề nghị hỗ trợ gửi về đâu?')
  await ask.getByRole('button', { name: 'Gửi' }).click()
  await expect(ask.getByRole('status')).toHaveText('Đã gửi.')
  await leader.goto('/notifications')
  await expectCount(leader, 1)
  await leader.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }).click()
  await expectCount(leader, 0)
  await expect(leader.getByRole('region', { name: /^Chưa đọc/ })).toHaveCount(0)
})

test('past 99 unread, the header says “99+” while the list counts every one', async ({ page }) => {
  // A clerk of Minh Cầm of this test's own, with 100 unread answers to questions on one of its tasks.
  const clerk = await createAccount()
  await database().query(
    `INSERT INTO "Notification" (id, "recipientId", kind, "assignmentId", "actorId", "createdAt", "showFrom")
     SELECT gen_random_uuid(), $1, 'QUESTION_ANSWERED', a.id, $1, now() - n * interval '1 minute', now() - n * interval '1 minute'
       FROM generate_series(1, 100) AS n,
            (SELECT a.id FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId" WHERE u.code = 'minh-cam' ORDER BY a.id LIMIT 1) AS a`,
    [clerk.id],
  )
  await signIn(page, clerk.username, clerk.password)
  await page.goto('/notifications')
  await expect(headerLink(page)).toHaveAccessibleName('Việc cần xử lý 99+ (hơn 99 mục chưa đọc)')
  await expect(page.getByRole('heading', { name: 'Chưa đọc (100)' })).toBeVisible()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })

  test('the top row holds the count beside the reminders, in one row, and the list fits the screen', async ({ page }) => {
    await signIn(page, 'luong-mong')
    await page.goto('/notifications')
    const header = page.getByRole('banner')
    const link = header.getByRole('link', { name: /^Việc cần xử lý/ })
    await expect(link).toBeVisible()
    await expect(header.getByRole('link', { name: /^Nhắc việc/ })).toBeVisible()
    await page.screenshot({ path: 'test-results/notifications-360.png', fullPage: true })
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(80)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
  })
})
