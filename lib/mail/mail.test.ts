// Mail from the queue, end to end on a real PostgreSQL and a real SMTP server: the notices made from
// the notification rows, one mail per notice whichever queue instance gets there, retries then
// FAILED, the outbox without a mail server, the unsubscribe link, the daily digest. The workers are
// driven by hand (fetch, run the handler, complete or fail) so nothing waits on a timer.
import { describe, expect, test } from 'vitest'
import { unsubscribe } from '@/lib/actions/mail-settings'
import { FROM, mailFixture, ORIGIN } from '@/test/helpers/mail-fixture'
import { deliverMail } from './outbox'
import { createMailQueue, SEND_QUEUE, SEND_RETRY, startMailQueue, sweepMail, type SendJobData } from './queue'

const fixture = mailFixture()
const { database, subscriber, returnedReport, answeredQuestion, workOnce, drain, mailTo } = fixture
const boss = () => fixture.boss

describe('notices by mail', () => {
  test('a returned report produces one mail with the reason and a link straight to it, with a one-click unsubscribe', async () => {
    const staff = await subscriber('van-thu@minhcam.vn')
    const assignmentId = await returnedReport(staff, 'Thiếu biên bản họp chi bộ tháng 11.')
    await sweepMail(boss())
    await sweepMail(boss())
    await drain()
    const mails = mailTo('van-thu@minhcam.vn')
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.text).toContain('Thiếu biên bản họp chi bộ tháng 11.')
    const notice = await database.db.notification.findFirstOrThrow({ where: { assignmentId, recipientId: staff.id, kind: 'REPORT_RETURNED' } })
    expect(mail.text).toContain(`${ORIGIN}/notifications/${notice.id}`)
    expect(mail.header('List-Unsubscribe')).toMatch(new RegExp(`^<${ORIGIN}/api/mail/unsubscribe/[\\w-]+>$`))
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(await database.db.mailMessage.findMany({ where: { userId: staff.id }, select: { status: true, attempts: true } })).toEqual([{ status: 'SENT', attempts: 1 }])
  })

  test('an account that chose English gets the mail in English', async () => {
    const staff = await subscriber('english@minhcam.vn', ['QUESTION_ANSWERED'], 'en')
    await answeredQuestion(staff)
    await sweepMail(boss())
    await drain()
    const [mail] = mailTo('english@minhcam.vn')
    expect(mail?.text).toContain('Answer: Tính theo năm.')
    expect(mail?.text).toContain('Stop this kind of notice')
  })

  test('two queue instances on the same database produce one mail, not two', async () => {
    const staff = await subscriber('hai-may@minhcam.vn')
    await returnedReport(staff, 'Số liệu chưa khớp.')
    const second = createMailQueue(database.url)
    await startMailQueue(second)
    try {
      await Promise.all([sweepMail(boss()), sweepMail(second)])
      await Promise.all([drain(boss()), drain(second)])
    } finally {
      await second.stop({ graceful: false, wait: true })
    }
    expect(mailTo('hai-may@minhcam.vn')).toHaveLength(1)
    expect(await database.db.mailMessage.count({ where: { userId: staff.id } })).toBe(1)
  })

  test('a mail server that refuses is retried with backoff, then the mail is shown as failed with the error', async () => {
    const staff = await subscriber('refused@minhcam.vn')
    await returnedReport(staff, 'Trả lại.')
    await sweepMail(boss())
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    const job = await boss().getJobById<SendJobData>(SEND_QUEUE, mail.jobId!)
    expect(job).toMatchObject({ retryLimit: SEND_RETRY.retryLimit, retryBackoff: true, retryDelay: SEND_RETRY.retryDelay })
    expect(await workOnce(boss())).toBe(1)
    // Failed once: still waiting for its next try, the error kept.
    expect(await database.db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: 'QUEUED', attempts: 1 })
    await drain()
    const failed = await database.db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })
    expect(failed).toMatchObject({ status: 'FAILED', attempts: SEND_RETRY.retryLimit + 1 })
    expect(failed.lastError).toContain('Mailbox unavailable')
    expect(mailTo('refused@minhcam.vn')).toHaveLength(0)
  })

  test('without a mail server the mail is kept in the outbox, not sent', async () => {
    const staff = await subscriber('kept@minhcam.vn')
    await returnedReport(staff, 'Trả lại.')
    await sweepMail(boss())
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    await deliverMail(mail.id, { transport: null, from: FROM, lastTry: false })
    expect(await database.db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: 'KEPT', attempts: 0 })
    await drain()
    expect(mailTo('kept@minhcam.vn')).toHaveLength(0)
  })

  test('an unsubscribe link stops that notice kind only, and works once', async () => {
    const staff = await subscriber('mot-loai@minhcam.vn')
    await returnedReport(staff, 'Trả lại lần một.')
    await sweepMail(boss())
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    const token = decodeURIComponent(mail.unsubscribeUrl!.split('/').pop()!)
    expect(await unsubscribe({ now: new Date(), ip: null }, token)).toEqual({ kind: 'done', email: 'mot-loai@minhcam.vn', notice: 'REPORT_RETURNED' })
    expect(await unsubscribe({ now: new Date(), ip: null }, token)).toEqual({ kind: 'invalid' })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).mailNotices).toEqual(['QUESTION_ANSWERED'])
    await drain()
    await returnedReport(staff, 'Trả lại lần hai.')
    await answeredQuestion(staff)
    await sweepMail(boss())
    await drain()
    const mails = mailTo('mot-loai@minhcam.vn')
    expect(mails).toHaveLength(2)
    expect(mails[1]!.text).toContain('Tính theo năm.')
    expect(await database.db.auditEvent.count({ where: { action: 'account.mail_unsubscribed', entityId: staff.id } })).toBe(1)
  })
})

describe('the daily digest', () => {
  /** The next time it is `hour`:00 in the district (UTC+7, no summer time) after `after`. */
  function nextDistrictHour(hour: number, after: Date): Date {
    const day = new Date(after.getTime() + 7 * 3600_000)
    const at = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour - 7))
    return at > after ? at : new Date(at.getTime() + 24 * 3600_000)
  }

  test('a digest at its hour holds exactly the unread notices of its kinds shown in the 24 hours before, once', async () => {
    const staff = await subscriber('tong-hop@minhcam.vn')
    await database.db.user.update({ where: { id: staff.id }, data: { mailDelivery: 'DAILY_DIGEST', mailDigestHour: 8 } })
    const returned = await returnedReport(staff, 'Lý do trong thư tổng hợp.')
    await answeredQuestion(staff)
    const read = await returnedReport(staff, 'Đã đọc trong ứng dụng.')
    const old = await returnedReport(staff, 'Đã quá 24 giờ.')
    const late = await returnedReport(staff, 'Sau giờ gửi.')
    const hour = nextDistrictHour(8, new Date())
    const notices = database.db.notification
    await notices.updateMany({ where: { assignmentId: read, recipientId: staff.id }, data: { readAt: new Date() } })
    await notices.updateMany({ where: { assignmentId: old, recipientId: staff.id }, data: { showFrom: new Date(hour.getTime() - 25 * 3600_000) } })
    await notices.updateMany({ where: { assignmentId: late, recipientId: staff.id }, data: { showFrom: new Date(hour.getTime() + 10 * 60_000) } })

    await sweepMail(boss(), new Date(hour.getTime() - 60_000))
    expect(await database.db.mailMessage.count({ where: { userId: staff.id } })).toBe(0)
    await sweepMail(boss(), new Date(hour.getTime() + 30 * 60_000))
    await sweepMail(boss(), new Date(hour.getTime() + 31 * 60_000))
    await drain()
    const mails = mailTo('tong-hop@minhcam.vn')
    expect(mails).toHaveLength(1)
    const text = mails[0]!.text
    const returnedNotice = await notices.findFirstOrThrow({ where: { assignmentId: returned, recipientId: staff.id } })
    expect(text).toContain('Lý do trong thư tổng hợp.')
    expect(text).toContain(`${ORIGIN}/notifications/${returnedNotice.id}`)
    expect(text).toContain('Nội dung trả lời: Tính theo năm.')
    for (const left of ['Đã đọc trong ứng dụng.', 'Đã quá 24 giờ.', 'Sau giờ gửi.']) expect(text).not.toContain(left)
    expect(await database.db.mailMessage.findMany({ where: { userId: staff.id }, select: { kind: true } })).toEqual([{ kind: 'DIGEST' }])

    const digest = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    expect(await unsubscribe({ now: new Date(), ip: null }, decodeURIComponent(digest.unsubscribeUrl!.split('/').pop()!))).toMatchObject({ kind: 'done', notice: null })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { mailDelivery: true, mailNotices: true } })).toEqual({
      mailDelivery: 'NONE',
      mailNotices: ['REPORT_RETURNED', 'QUESTION_ANSWERED'],
    })
  })
})
