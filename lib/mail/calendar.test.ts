// Mail from the reporting calendar and for members and the office, on a real PostgreSQL and a real
// SMTP server, the queue driven by hand at chosen instants (district time, UTC+7): due within the
// account's N days and overdue, once across passes and instances; a member's reports awaiting
// confirmation and units missing from the cycle; the office's questions unanswered after 2 working
// days and late units; the weekly digest's ranking; nothing from outside the reader's scope; an
// unsubscribe that stops one kind only.
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { unsubscribe } from '@/lib/actions/mail-settings'
import { recordComment } from '@/lib/actions/comment'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import type { Actor } from '@/lib/auth/permissions'
import { at, mailFixture, ORIGIN } from '@/test/helpers/mail-fixture'
import { formData } from '@/test/helpers/factories'
import { readCommentForm } from '@/lib/validation/comment'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { createMailQueue, startMailQueue, sweepCalendar, sweepMail } from './queue'

const fixture = mailFixture()
const { database, make, subscriber, verified, drain, mailTo } = fixture
const boss = () => fixture.boss
const db = () => database.db

/** `hour`:00 of a district day. */
const districtTime = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`)

/** An assignment of the staff's unit to a task named `title` due on `due`, in a group of its own (reporting monthly by the 28th when `monthly`). */
async function work(unitId: string, title: string, options: { due?: string; monthly?: boolean } = {}) {
  const group = await make.group()
  if (options.monthly) await db().taskGroup.update({ where: { id: group.id }, data: { reportCadence: 'MONTHLY', reportDay: 28 } })
  const task = await make.task({ groupId: group.id, ...(options.due ? { dueDate: new Date(options.due) } : {}) })
  await db().task.update({ where: { id: task.id }, data: { title } })
  return make.assignment({ taskId: task.id, unitId })
}

async function report(staff: Actor, assignmentId: string, progress: number, now = new Date(), version = 0) {
  const saved = await recordStatusUpdate(
    at(staff, now),
    readStatusUpdateForm(formData({ assignmentId, baseVersion: String(version), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: String(progress), note: 'Đã triển khai.' })).input,
  )
  if (saved.kind !== 'saved') throw new Error(saved.kind)
}

const tokenOf = (url: string | null) => decodeURIComponent(url!.split('/').pop()!)
const mailCount = (userId: string) => db().mailMessage.count({ where: { userId } })
/** The subjects of the account's mail as the outbox holds them (the received headers are MIME-encoded), oldest first. */
const subjectsOf = async (userId: string) => (await db().mailMessage.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { subject: true } })).map((m) => m.subject)
/** The plain-text part of a received mail (the HTML part follows it). */
const plainText = (mail: { text: string }) => mail.text.split('<!doctype')[0]!.replace(/\r\n/g, '\n')

describe('deadlines from the reporting calendar, to the unit staff', () => {
  test('a due-within-N notice goes on the first day within the account’s N days, once across passes and two instances', async () => {
    const five = await subscriber('nam-ngay@minhcam.vn', ['DUE_SOON', 'OVERDUE'])
    await db().user.update({ where: { id: five.id }, data: { mailDueWithinDays: 5 } })
    const three = await subscriber('ba-ngay@minhcam.vn', ['DUE_SOON', 'OVERDUE'])
    const assignment = await work(five.unitId, 'Rà soát hộ nghèo cuối năm', { due: '2027-01-10' })
    await work(three.unitId, 'Rà soát hộ nghèo cuối năm', { due: '2027-01-10' })

    await sweepCalendar(boss(), districtTime('2027-01-04'))
    expect([await mailCount(five.id), await mailCount(three.id)]).toEqual([0, 0])
    // Five days ahead, but before the account's hour (7:00): not yet.
    await sweepCalendar(boss(), districtTime('2027-01-05', 6))
    expect(await mailCount(five.id)).toBe(0)
    const second = createMailQueue(database.url)
    await startMailQueue(second)
    try {
      await Promise.all([sweepCalendar(boss(), districtTime('2027-01-05')), sweepCalendar(second, districtTime('2027-01-05'))])
    } finally {
      await second.stop({ graceful: false, wait: true })
    }
    await sweepCalendar(boss(), districtTime('2027-01-06'))
    expect([await mailCount(five.id), await mailCount(three.id)]).toEqual([1, 0])
    await sweepCalendar(boss(), districtTime('2027-01-07'))
    await sweepCalendar(boss(), districtTime('2027-01-08'))
    await drain()

    const [mail] = mailTo('nam-ngay@minhcam.vn')
    expect(mailTo('nam-ngay@minhcam.vn')).toHaveLength(1)
    expect(await subjectsOf(five.id)).toEqual(['Sắp đến hạn ngày 10/01/2027: Rà soát hộ nghèo cuối năm'])
    const unit = await db().unit.findUniqueOrThrow({ where: { id: five.unitId } })
    const task = await db().task.findFirstOrThrow({ where: { assignments: { some: { id: assignment.id } } } })
    expect(mail!.text).toContain(`${ORIGIN}/units/${unit.code}/tasks/${task.code}`)
    expect(mail!.header('List-Unsubscribe')).toMatch(new RegExp(`^<${ORIGIN}/api/mail/unsubscribe/[\\w-]+>$`))
    // The default three days: on the 7th.
    expect(mailTo('ba-ngay@minhcam.vn')).toHaveLength(1)
    expect((await db().mailMessage.findFirstOrThrow({ where: { userId: three.id } })).createdAt).toEqual(districtTime('2027-01-07'))
  })

  test('an overdue notice goes the day after the deadline, once; a reporting cycle missed is overdue too', async () => {
    const staff = await subscriber('qua-han@minhcam.vn', ['OVERDUE'])
    await work(staff.unitId, 'Báo cáo kết quả chuyển đổi số', { due: '2027-02-03' })
    await work(staff.unitId, 'Báo cáo tháng về an ninh trật tự', { monthly: true })
    await sweepCalendar(boss(), districtTime('2027-02-03'))
    // The 3rd: due today, not overdue; the January cycle (to 28/01) is missed already.
    await drain()
    expect(await subjectsOf(staff.id)).toEqual(['Quá hạn: Báo cáo tháng về an ninh trật tự'])
    expect(mailTo('qua-han@minhcam.vn')[0]!.text).toContain('Báo cáo kỳ tháng 1/2027 của nhiệm vụ “Báo cáo tháng về an ninh trật tự”')
    await sweepCalendar(boss(), districtTime('2027-02-04'))
    await sweepCalendar(boss(), districtTime('2027-02-05'))
    await drain()
    expect(mailTo('qua-han@minhcam.vn')).toHaveLength(2)
    expect(await subjectsOf(staff.id)).toEqual(['Quá hạn: Báo cáo tháng về an ninh trật tự', 'Quá hạn: Báo cáo kết quả chuyển đổi số'])
    expect(mailTo('qua-han@minhcam.vn')[1]!.text).toContain('đã quá hạn từ ngày 03/02/2027')
  })

  test('in the daily digest, a deadline is told once, on the first day it is due within N days', async () => {
    const staff = await subscriber('tong-hop-han@minhcam.vn', ['DUE_SOON'])
    await db().user.update({ where: { id: staff.id }, data: { mailDelivery: 'DAILY_DIGEST', mailDigestHour: 8 } })
    await work(staff.unitId, 'Tổng kết phong trào thi đua', { due: '2027-02-12' })
    await sweepMail(boss(), districtTime('2027-02-09', 8))
    await sweepMail(boss(), districtTime('2027-02-10', 8))
    await drain()
    const mails = mailTo('tong-hop-han@minhcam.vn')
    expect(mails).toHaveLength(1)
    expect(await subjectsOf(staff.id)).toEqual(['Tổng hợp thông báo ngày 09/02/2027 (1 thông báo)'])
    expect(mails[0]!.text).toContain('Nhiệm vụ “Tổng kết phong trào thi đua” của Xã Minh Cầm đến hạn ngày 12/02/2027')
  })

  test('an unsubscribe link stops that kind only: overdue notices still come', async () => {
    const staff = await subscriber('bo-nhac@minhcam.vn', ['DUE_SOON', 'OVERDUE'])
    await work(staff.unitId, 'Nhiệm vụ sắp đến hạn', { due: '2027-04-03' })
    await sweepCalendar(boss(), districtTime('2027-04-01'))
    const dueSoon = await db().mailMessage.findFirstOrThrow({ where: { userId: staff.id } })
    expect(dueSoon.kind).toBe('DUE_SOON')
    expect(await unsubscribe({ now: new Date(), ip: null }, tokenOf(dueSoon.unsubscribeUrl))).toMatchObject({ kind: 'done', notice: 'DUE_SOON' })
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).mailNotices).toEqual(['OVERDUE'])
    await work(staff.unitId, 'Nhiệm vụ khác sắp đến hạn', { due: '2027-04-20' })
    await sweepCalendar(boss(), districtTime('2027-04-18'))
    expect(await db().mailMessage.findMany({ where: { userId: staff.id }, select: { kind: true }, orderBy: { createdAt: 'asc' } })).toEqual([{ kind: 'DUE_SOON' }, { kind: 'OVERDUE' }])
  })
})

describe('for members', () => {
  test('a member gets the reports awaiting their confirmation, not those of units in another member’s charge', async () => {
    const member = await make.member('Trần Văn Thường Vụ')
    const other = await make.member('Phạm Thị Khác')
    const leader = await make.user({ role: 'LEADER', unitId: (await make.unit({ kind: 'DISTRICT' })).id, memberId: member.id })
    await verified(leader.id, 'thuong-vu@bache.vn', ['REPORT_AWAITING_CONFIRMATION'])
    const mine = await make.unit({ name: 'Xã Đồn Đạc', inChargeMemberId: member.id })
    const theirs = await make.unit({ name: 'Xã Lương Mông', inChargeMemberId: other.id })
    const mineStaff = await make.user({ role: 'STAFF', unitId: mine.id, name: 'Cán bộ Đồn Đạc' })
    const theirStaff = await make.user({ role: 'STAFF', unitId: theirs.id })
    const assignment = await work(mine.id, 'Xây dựng nông thôn mới nâng cao')
    await report(mineStaff, assignment.id, 40)
    await report(theirStaff, (await work(theirs.id, 'Việc của xã khác')).id, 10)
    await sweepMail(boss())
    await sweepMail(boss())
    await drain()
    const mails = mailTo('thuong-vu@bache.vn')
    expect(mails).toHaveLength(1)
    expect(await subjectsOf(leader.id)).toEqual(['Báo cáo chờ xác nhận: Xây dựng nông thôn mới nâng cao'])
    expect(mails[0]!.text).toContain('Cán bộ Đồn Đạc đã gửi báo cáo của Xã Đồn Đạc')
    const notice = await db().notification.findFirstOrThrow({ where: { recipientId: leader.id, kind: 'REPORT_AWAITING_CONFIRMATION' } })
    expect(mails[0]!.text).toContain(`${ORIGIN}/notifications/${notice.id}`)
  })

  test('a member gets, once, the units in their charge that reported nothing in the closed cycle', async () => {
    const member = await make.member('Hoàng Văn Chu Kỳ')
    const leader = await make.user({ role: 'LEADER', unitId: (await make.unit({ kind: 'DISTRICT' })).id, memberId: member.id })
    await verified(leader.id, 'chu-ky@bache.vn', ['UNITS_NOT_REPORTED'])
    const silent = await make.unit({ name: 'Xã Thanh Sơn', inChargeMemberId: member.id })
    const reported = await make.unit({ name: 'Xã Thanh Lâm', inChargeMemberId: member.id })
    const elsewhere = await make.unit({ name: 'Xã Nam Sơn', inChargeMemberId: (await make.member()).id })
    await work(silent.id, 'Báo cáo tháng', { monthly: true })
    const done = await work(reported.id, 'Báo cáo tháng', { monthly: true })
    await work(elsewhere.id, 'Báo cáo tháng', { monthly: true })
    await report(await make.user({ role: 'STAFF', unitId: reported.id }), done.id, 30, districtTime('2027-02-10'))

    await sweepCalendar(boss(), districtTime('2027-03-02'))
    await sweepCalendar(boss(), districtTime('2027-03-03'))
    await drain()
    const mails = mailTo('chu-ky@bache.vn')
    expect(mails).toHaveLength(1)
    expect(await subjectsOf(leader.id)).toEqual(['Đơn vị phụ trách chưa báo cáo kỳ tháng 2/2027'])
    expect(mails[0]!.text).toContain('1 đơn vị do đồng chí phụ trách chưa báo cáo đúng hạn kỳ tháng 2/2027 (hạn ngày 28/02/2027)')
    expect(mails[0]!.text).toContain('- Xã Thanh Sơn')
    expect(mails[0]!.text).not.toContain('Xã Thanh Lâm')
    expect(mails[0]!.text).not.toContain('Xã Nam Sơn')
    expect(mails[0]!.text).toContain(`${ORIGIN}/?cycle=2027-02`)
  })

  test('the weekly digest goes on Monday at the member’s hour and ranks exactly their units as the member page does', async () => {
    const member = await make.member('Đỗ Văn Tuần')
    const leader = await make.user({ role: 'LEADER', unitId: (await make.unit({ kind: 'DISTRICT' })).id, memberId: member.id })
    await verified(leader.id, 'hang-tuan@bache.vn', ['WEEKLY_DIGEST'])
    const late = await make.unit({ name: 'Xã Có Việc Quá Hạn', inChargeMemberId: member.id })
    const slow = await make.unit({ name: 'Xã Tiến Độ Thấp', inChargeMemberId: member.id })
    const ahead = await make.unit({ name: 'Xã Tiến Độ Cao', inChargeMemberId: member.id })
    const notMine = await make.unit({ name: 'Xã Không Phụ Trách', inChargeMemberId: (await make.member()).id })
    await work(late.id, 'Việc đã quá hạn', { due: '2027-01-05' })
    await report(await make.user({ role: 'STAFF', unitId: slow.id }), (await work(slow.id, 'Việc đang làm')).id, 10)
    await report(await make.user({ role: 'STAFF', unitId: ahead.id }), (await work(ahead.id, 'Việc đang làm')).id, 60)
    await work(notMine.id, 'Việc đã quá hạn', { due: '2027-01-05' })

    await sweepCalendar(boss(), districtTime('2027-01-10'))
    await sweepCalendar(boss(), districtTime('2027-01-11', 6))
    expect(await mailCount(leader.id)).toBe(0)
    await sweepCalendar(boss(), districtTime('2027-01-11', 7))
    await sweepCalendar(boss(), districtTime('2027-01-11', 8))
    await drain()
    const mails = mailTo('hang-tuan@bache.vn')
    expect(mails).toHaveLength(1)
    const lines = plainText(mails[0]!).split('\n').filter((line) => /^\d+\. /.test(line))
    expect(lines).toEqual([
      '1. Xã Có Việc Quá Hạn: 1 việc quá hạn, 0 việc sắp đến hạn, tiến độ 0%.',
      '2. Xã Tiến Độ Thấp: 0 việc quá hạn, 0 việc sắp đến hạn, tiến độ 10%.',
      '3. Xã Tiến Độ Cao: 0 việc quá hạn, 0 việc sắp đến hạn, tiến độ 60%.',
    ])
    expect(mails[0]!.text).toContain(`${ORIGIN}/members/${member.code}`)
    const weekly = await db().mailMessage.findFirstOrThrow({ where: { userId: leader.id } })
    expect(await unsubscribe({ now: new Date(), ip: null }, tokenOf(weekly.unsubscribeUrl))).toMatchObject({ kind: 'done', notice: 'WEEKLY_DIGEST' })
    await sweepCalendar(boss(), districtTime('2027-01-18'))
    expect(await mailCount(leader.id)).toBe(1)
  })
})

describe('for the office', () => {
  /** A province with two districts, a commune in each, and an office account of the first district. */
  async function twoDistricts(prefix: string) {
    const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
    const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
    const neighbour = await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
    const commune = await make.unit({ name: `${prefix} Xã Minh Cầm`, parentId: district.id })
    const outside = await make.unit({ name: `${prefix} Xã Hải Lạng`, parentId: neighbour.id })
    const office = await make.user({ role: 'OFFICE', unitId: district.id, name: 'Văn phòng Huyện ủy' })
    return { commune, outside, office }
  }

  async function ask(unitId: string, body: string, now: Date) {
    const staff = await make.user({ role: 'STAFF', unitId, name: 'Cán bộ xã hỏi' })
    const assignment = await work(unitId, 'Chỉ tiêu thu nhập bình quân')
    const saved = await recordComment(at(staff, now), readCommentForm(formData({ assignmentId: assignment.id, body })).input)
    if (saved.kind !== 'saved') throw new Error(saved.kind)
  }

  test('a question unanswered after 2 working days reaches the office, a weekend in between, once; not one from outside its district', async () => {
    const { commune, outside, office } = await twoDistricts('Q')
    await verified(office.id, 'van-phong@bache.vn', ['QUESTION_AWAITING_ANSWER'])
    // Friday 10:00: two working days later is Tuesday 10:00.
    await ask(commune.id, 'Thu nhập tính theo hộ hay theo người?', districtTime('2027-01-08', 10))
    await ask(outside.id, 'Câu hỏi của huyện khác?', districtTime('2027-01-08', 10))
    await sweepMail(boss(), districtTime('2027-01-11', 12))
    await sweepMail(boss(), districtTime('2027-01-12', 9))
    expect(await mailCount(office.id)).toBe(0)
    await sweepMail(boss(), new Date(districtTime('2027-01-12', 10).getTime() + 60_000))
    await sweepMail(boss(), districtTime('2027-01-12', 11))
    await drain()
    const mails = mailTo('van-phong@bache.vn')
    expect(mails).toHaveLength(1)
    expect(await subjectsOf(office.id)).toEqual(['Câu hỏi chưa được trả lời: Chỉ tiêu thu nhập bình quân'])
    expect(mails[0]!.text).toContain('Câu hỏi: Thu nhập tính theo hộ hay theo người?')
    expect(mails[0]!.text).not.toContain('huyện khác')
  })

  test('the office gets the units of its district late for the cycle, not those of another district', async () => {
    const { commune, outside, office } = await twoDistricts('L')
    await verified(office.id, 'cham-bao-cao@bache.vn', ['UNITS_LATE'])
    await work(commune.id, 'Báo cáo tháng', { monthly: true })
    await work(outside.id, 'Báo cáo tháng', { monthly: true })
    await sweepCalendar(boss(), districtTime('2027-05-03'))
    await sweepCalendar(boss(), districtTime('2027-05-04'))
    await drain()
    const mails = mailTo('cham-bao-cao@bache.vn')
    expect(mails).toHaveLength(1)
    expect(await subjectsOf(office.id)).toEqual(['Đơn vị chậm báo cáo kỳ tháng 4/2027'])
    expect(mails[0]!.text).toContain('- L Xã Minh Cầm')
    expect(mails[0]!.text).not.toContain('Hải Lạng')
  })
})
