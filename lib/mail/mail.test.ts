// Mail from the queue, end to end on a real PostgreSQL and a real SMTP server: the notices made from
// the notification rows, one mail per notice whichever queue instance gets there, retries then
// FAILED, the unsubscribe link, the verification, and the settings form's refusals. The workers
// are driven by hand (fetch, run the handler, complete or fail) so nothing waits on a timer.
import { randomUUID } from 'node:crypto'
import PgBoss from 'pg-boss'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { readCommentForm } from '@/lib/validation/comment'
import { readMailSettingsForm } from '@/lib/validation/mail-settings'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { startSmtpServer } from '@/test/helpers/smtp'
import { recordComment } from '../actions/comment'
import { saveMailSettings, unsubscribe, verifyEmail } from '../actions/mail-settings'
import { recordReview } from '../actions/review'
import { recordStatusUpdate } from '../actions/status-update'
import { outboxList } from '../queries/mail'
import { POST as oneClickUnsubscribe } from '@/app/api/mail/unsubscribe/[token]/route'
import { deliverMail } from './outbox'
import { createMailQueue, SEND_QUEUE, SEND_RETRY, sendJobHandler, startMailQueue, sweepMail, type SendJobData } from './queue'
import { smtpTransport } from './transport'

const database = testDatabase()
const make = factories(() => database.db)
const ORIGIN = 'https://nq19.example.vn'
const FROM = 'Theo dõi NQ19 <no-reply@nq19.example.vn>'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let boss: PgBoss
let confirmer: Actor
let inChargeId: string
let groupId: string

beforeAll(async () => {
  process.env.AUTH_URL = ORIGIN
  smtp = await startSmtpServer({ refuse: (address) => address.startsWith('refused') })
  boss = createMailQueue(database.url)
  await startMailQueue(boss)
  const inCharge = await make.member('Nguyễn Văn Phụ Trách')
  inChargeId = inCharge.id
  groupId = (await make.group()).id
  confirmer = await make.user({ role: 'LEADER', unitId: (await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })).id, memberId: inCharge.id })
})

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true })
  await smtp?.close()
})

const at = (actor: Actor, now = new Date()) => ({ actor, now, ip: null })

/** A commune of its own (its staff alone are told of its work), the same member in charge of each. */
const commune = async () => (await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inChargeId })).id

/** A staff account of a commune of its own with a verified address that wants these notices at once. */
async function subscriber(email: string, notices = ['REPORT_RETURNED', 'QUESTION_ANSWERED'], locale = 'vi') {
  const staff = await make.user({ role: 'STAFF', unitId: await commune(), name: 'Lê Thị Văn Thư' })
  await database.db.user.update({ where: { id: staff.id }, data: { email, emailVerifiedAt: new Date(Date.now() - 60_000), mailNotices: notices as ('REPORT_RETURNED' | 'QUESTION_ANSWERED')[], mailLocale: locale } })
  return staff
}

async function returnedReport(staff: Actor, reason: string): Promise<string> {
  const assignment = await make.assignment({ taskId: (await make.task({ groupId })).id, unitId: staff.unitId })
  const saved = await recordStatusUpdate(
    at(staff),
    readStatusUpdateForm(formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '40' })).input,
  )
  if (saved.kind !== 'saved') throw new Error(saved.kind)
  const reviewed = await recordReview(at(confirmer), readReviewForm(formData({ updateId: saved.updateId, decision: 'RETURN', reason })).input)
  if (reviewed.kind !== 'saved') throw new Error(reviewed.kind)
  return assignment.id
}

async function answeredQuestion(staff: Actor): Promise<void> {
  const assignment = await make.assignment({ taskId: (await make.task({ groupId })).id, unitId: staff.unitId })
  for (const [actor, body] of [
    [staff, 'Chỉ tiêu này tính theo năm hay theo nhiệm kỳ?'],
    [confirmer, 'Tính theo năm.'],
  ] as const) {
    const saved = await recordComment(at(actor), readCommentForm(formData({ assignmentId: assignment.id, body })).input)
    if (saved.kind !== 'saved') throw new Error(saved.kind)
  }
}

/** One worker's turn, as pg-boss's `work` runs it: fetch a job, run the handler, complete or fail it. */
async function workOnce(worker: PgBoss, url = smtp.url): Promise<number> {
  const [job] = await worker.fetch<SendJobData>(SEND_QUEUE, { includeMetadata: true, ignoreStartAfter: true })
  if (!job) return 0
  await sendJobHandler(smtpTransport(url), FROM)([job]).then(
    () => worker.complete(SEND_QUEUE, job.id),
    (error: Error) => worker.fail(SEND_QUEUE, job.id, { message: error.message }),
  )
  return 1
}

async function drain(worker = boss): Promise<void> {
  while ((await workOnce(worker)) > 0);
}

const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address))

describe('notices by mail', () => {
  test('a returned report produces one mail with the reason and a link straight to it, with a one-click unsubscribe', async () => {
    const staff = await subscriber('van-thu@minhcam.vn')
    const assignmentId = await returnedReport(staff, 'Thiếu biên bản họp chi bộ tháng 11.')
    await sweepMail(boss)
    await sweepMail(boss)
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
    await sweepMail(boss)
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
      await Promise.all([sweepMail(boss), sweepMail(second)])
      await Promise.all([drain(boss), drain(second)])
    } finally {
      await second.stop({ graceful: false, wait: true })
    }
    expect(mailTo('hai-may@minhcam.vn')).toHaveLength(1)
    expect(await database.db.mailMessage.count({ where: { userId: staff.id } })).toBe(1)
  })

  test('a mail server that refuses is retried with backoff, then the mail is shown as failed with the error', async () => {
    const staff = await subscriber('refused@minhcam.vn')
    await returnedReport(staff, 'Trả lại.')
    await sweepMail(boss)
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    const job = await boss.getJobById<SendJobData>(SEND_QUEUE, mail.jobId!)
    expect(job).toMatchObject({ retryLimit: SEND_RETRY.retryLimit, retryBackoff: true, retryDelay: SEND_RETRY.retryDelay })
    expect(await workOnce(boss)).toBe(1)
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
    await sweepMail(boss)
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    await deliverMail(mail.id, { transport: null, from: FROM, lastTry: false })
    expect(await database.db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: 'KEPT', attempts: 0 })
    await drain()
    expect(mailTo('kept@minhcam.vn')).toHaveLength(0)
  })

  test('an unsubscribe link stops that notice kind only, and works once', async () => {
    const staff = await subscriber('mot-loai@minhcam.vn')
    await returnedReport(staff, 'Trả lại lần một.')
    await sweepMail(boss)
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    const token = decodeURIComponent(mail.unsubscribeUrl!.split('/').pop()!)
    expect(await unsubscribe({ now: new Date(), ip: null }, token)).toEqual({ kind: 'done', email: 'mot-loai@minhcam.vn', notice: 'REPORT_RETURNED' })
    expect(await unsubscribe({ now: new Date(), ip: null }, token)).toEqual({ kind: 'invalid' })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).mailNotices).toEqual(['QUESTION_ANSWERED'])
    await drain()
    await returnedReport(staff, 'Trả lại lần hai.')
    await answeredQuestion(staff)
    await sweepMail(boss)
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

    await sweepMail(boss, new Date(hour.getTime() - 60_000))
    expect(await database.db.mailMessage.count({ where: { userId: staff.id } })).toBe(0)
    await sweepMail(boss, new Date(hour.getTime() + 30 * 60_000))
    await sweepMail(boss, new Date(hour.getTime() + 31 * 60_000))
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

describe('the one-click unsubscribe and the outbox', () => {
  test('the List-Unsubscribe URL answers a POST without a session, once, stopping that kind only', async () => {
    const staff = await subscriber('mot-cham@minhcam.vn')
    await returnedReport(staff, 'Trả lại.')
    await sweepMail(boss)
    const mail = await database.db.mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    const post = () =>
      oneClickUnsubscribe(new Request(mail.unsubscribeUrl!, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), {
        params: Promise.resolve({ token: decodeURIComponent(mail.unsubscribeUrl!.split('/').pop()!) }),
      })
    expect((await post()).status).toBe(204)
    expect((await post()).status).toBe(404)
    expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).mailNotices).toEqual(['QUESTION_ANSWERED'])
    await drain()
  })

  test("an administrator's outbox holds the mail of their subtree's accounts, not another district's", async () => {
    // Below a province, a district's administrator reads their district only.
    const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
    const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
    await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
    const inside = await make.unit({ name: 'Xã Đạp Thanh', parentId: district.id, inChargeMemberId: inChargeId })
    const admin = await make.user({ role: 'ADMIN', unitId: district.id })
    const near = await make.user({ role: 'STAFF', unitId: inside.id })
    const far = await subscriber('xa@minhcam.vn')
    await database.db.user.update({ where: { id: near.id }, data: { email: 'gan@dapthanh.vn', emailVerifiedAt: new Date(Date.now() - 60_000), mailNotices: ['REPORT_RETURNED'] } })
    await returnedReport(near, 'Trả lại.')
    await returnedReport(far, 'Trả lại.')
    await sweepMail(boss)
    await drain()
    expect((await outboxList(admin, null)).map((mail) => mail.toAddress)).toEqual(['gan@dapthanh.vn'])
    expect(await outboxList(admin, 'FAILED')).toEqual([])
  })
})

describe('the address and its verification', () => {
  const settingsForm = (fields: Record<string, string | string[]>) => {
    const form = new FormData()
    const all = { email: '', delivery: 'AT_ONCE', digestHour: '7', dueWithinDays: '3', locale: 'vi', notices: ['REPORT_RETURNED'], ...fields }
    for (const [name, value] of Object.entries(all)) for (const item of [value].flat()) form.append(name, item)
    return readMailSettingsForm(form).input
  }

  test('an unverified address receives nothing but the verification; its link verifies it once', async () => {
    const staff = await make.user({ role: 'STAFF', unitId: await commune() })
    expect(await saveMailSettings(at(staff), settingsForm({ email: 'Chua.Xac.Nhan@MinhCam.vn' }))).toEqual({ kind: 'saved', verifyTo: 'chua.xac.nhan@minhcam.vn' })
    await returnedReport(staff, 'Trả lại khi chưa xác nhận.')
    await sweepMail(boss)
    await drain()
    const mails = mailTo('chua.xac.nhan@minhcam.vn')
    expect(mails).toHaveLength(1)
    const link = new RegExp(`${ORIGIN}/verify-email/([\\w-]+)`).exec(mails[0]!.text)
    expect(link).not.toBeNull()
    expect(await database.db.mailMessage.findMany({ where: { userId: staff.id }, select: { kind: true } })).toEqual([{ kind: 'VERIFY_ADDRESS' }])
    expect(await verifyEmail({ now: new Date(), ip: null }, link![1]!)).toMatchObject({ kind: 'done', email: 'chua.xac.nhan@minhcam.vn' })
    expect(await verifyEmail({ now: new Date(), ip: null }, link![1]!)).toEqual({ kind: 'invalid' })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).emailVerifiedAt).not.toBeNull()
  })

  test('an expired verification link, or one for an address since replaced, verifies nothing', async () => {
    const staff = await make.user({ role: 'STAFF', unitId: await commune() })
    await saveMailSettings(at(staff), settingsForm({ email: 'cu@minhcam.vn' }))
    await sweepMail(boss)
    await drain()
    const first = new RegExp(`${ORIGIN}/verify-email/([\\w-]+)`).exec(mailTo('cu@minhcam.vn')[0]!.text)![1]!
    await saveMailSettings(at(staff), settingsForm({ email: 'moi@minhcam.vn' }))
    await sweepMail(boss)
    await drain()
    const second = new RegExp(`${ORIGIN}/verify-email/([\\w-]+)`).exec(mailTo('moi@minhcam.vn')[0]!.text)![1]!
    expect(await verifyEmail({ now: new Date(), ip: null }, first)).toEqual({ kind: 'invalid' })
    expect(await verifyEmail({ now: new Date(Date.now() + 3 * 24 * 3600_000), ip: null }, second)).toEqual({ kind: 'invalid' })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).emailVerifiedAt).toBeNull()
  })

  test('bad input is refused beside its field and nothing is written', async () => {
    await subscriber('da-dung@minhcam.vn')
    const staff = await make.user({ role: 'STAFF', unitId: await commune() })
    const before = await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })
    const audits = await database.db.auditEvent.count()
    const mails = await database.db.mailMessage.count()
    expect(await saveMailSettings(at(staff), settingsForm({ email: 'khong-phai-dia-chi' }))).toEqual({ kind: 'invalid', problems: { email: 'emailInvalid' } })
    expect(await saveMailSettings(at(staff), settingsForm({ email: 'Da-Dung@MinhCam.vn' }))).toEqual({ kind: 'invalid', problems: { email: 'emailTaken' } })
    expect(await saveMailSettings(at(staff), settingsForm({ email: 'moi2@minhcam.vn', digestHour: '24' }))).toEqual({ kind: 'invalid', problems: { digestHour: 'hourInvalid' } })
    expect(await saveMailSettings(at(staff), settingsForm({ digestHour: '-1', dueWithinDays: '0' }))).toEqual({ kind: 'invalid', problems: { digestHour: 'hourInvalid', dueWithinDays: 'daysInvalid' } })
    expect(await saveMailSettings(at(staff), settingsForm({ notices: ['REPORT_RETURNED', 'EVERYTHING'], delivery: 'HOURLY' }))).toEqual({
      kind: 'invalid',
      problems: { notices: 'choiceInvalid', delivery: 'choiceInvalid' },
    })
    expect(await database.db.user.findUniqueOrThrow({ where: { id: staff.id } })).toEqual(before)
    expect(await database.db.auditEvent.count()).toBe(audits)
    expect(await database.db.mailMessage.count()).toBe(mails)
  })
})
