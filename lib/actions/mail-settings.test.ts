// An account's address and the links mail carries, on a real PostgreSQL and a real SMTP server: the
// verification (the only mail an unverified address gets; single-use, expiring), the settings
// form's refusals (nothing written), the RFC 8058 one-click POST, and the outbox's scope.
import { describe, expect, test } from 'vitest'
import { POST as oneClickUnsubscribe } from '@/app/api/mail/unsubscribe/[token]/route'
import { sweepMail } from '@/lib/mail/queue'
import { outboxList } from '@/lib/queries/mail'
import { readMailSettingsForm } from '@/lib/validation/mail-settings'
import { at, mailFixture, ORIGIN } from '@/test/helpers/mail-fixture'
import { saveMailSettings, verifyEmail } from './mail-settings'

const fixture = mailFixture()
const { database, make, commune, subscriber, returnedReport, drain, mailTo } = fixture
const boss = () => fixture.boss

describe('the one-click unsubscribe and the outbox', () => {
  test('the List-Unsubscribe URL answers a POST without a session, once, stopping that kind only', async () => {
    const staff = await subscriber('mot-cham@minhcam.vn')
    await returnedReport(staff, 'Trả lại.')
    await sweepMail(boss())
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

  test("an administrator's outbox holds the mail of their subtree's accounts, not another district's, its links' tokens masked", async () => {
    // Below a province, a district's administrator reads their district only.
    const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
    const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
    await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
    // No member in charge there, nor a lead of the group: the district's administrator confirms.
    const inside = await make.unit({ name: 'Xã Đạp Thanh', parentId: district.id })
    const admin = await make.user({ role: 'ADMIN', unitId: district.id })
    const near = await make.user({ role: 'STAFF', unitId: inside.id })
    const far = await subscriber('xa@minhcam.vn')
    await database.db.user.update({ where: { id: near.id }, data: { email: 'gan@dapthanh.vn', emailVerifiedAt: new Date(Date.now() - 60_000), mailNotices: ['REPORT_RETURNED'] } })
    await returnedReport(near, 'Trả lại.', admin)
    await returnedReport(far, 'Trả lại.')
    await sweepMail(boss())
    await drain()
    const outbox = await outboxList(admin, null)
    expect(outbox.map((mail) => mail.toAddress)).toEqual(['gan@dapthanh.vn'])
    expect(await outboxList(admin, 'FAILED')).toEqual([])
    // The unsubscribe link is shown, its token masked: the administrator cannot act for the account.
    expect(outbox[0]!.text).toContain(`${ORIGIN}/unsubscribe/••••••`)
    const stored = await database.db.mailMessage.findFirstOrThrow({ where: { toAddress: 'gan@dapthanh.vn' } })
    const token = decodeURIComponent(stored.unsubscribeUrl!.split('/').pop()!)
    expect(outbox[0]!.text).not.toContain(token)
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
    await sweepMail(boss())
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
    await sweepMail(boss())
    await drain()
    const first = new RegExp(`${ORIGIN}/verify-email/([\\w-]+)`).exec(mailTo('cu@minhcam.vn')[0]!.text)![1]!
    await saveMailSettings(at(staff), settingsForm({ email: 'moi@minhcam.vn' }))
    await sweepMail(boss())
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
