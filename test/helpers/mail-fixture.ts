// The mail tests' world: a database of the file's own, a real SMTP server (refusing addresses that
// start with "refused"), the queue started but not worked (the tests drive it: fetch, run the
// handler, complete or fail), a member in charge, and the events that tell a commune's staff.
import { randomUUID } from 'node:crypto'
import PgBoss from 'pg-boss'
import { afterAll, beforeAll } from 'vitest'
import { recordComment } from '@/lib/actions/comment'
import { recordReview } from '@/lib/actions/review'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import type { Actor } from '@/lib/auth/permissions'
import type { MailNotice } from '@/lib/domain/mail'
import { createMailQueue, SEND_QUEUE, sendJobHandler, startMailQueue, type SendJobData } from '@/lib/mail/queue'
import { smtpTransport } from '@/lib/mail/transport'
import { readCommentForm } from '@/lib/validation/comment'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from './database'
import { factories, formData } from './factories'
import { startSmtpServer } from './smtp'

export const ORIGIN = 'https://nq19.example.vn'
export const FROM = 'Theo dõi NQ19 <no-reply@nq19.example.vn>'

export const at = (actor: Actor, now = new Date()) => ({ actor, now, ip: null })

export function mailFixture() {
  const database = testDatabase()
  const make = factories(() => database.db)

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
    // The district first: a task group belongs to a unit, by default the district nearest the top.
    const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
    groupId = (await make.group()).id
    confirmer = await make.user({ role: 'LEADER', unitId: district.id, memberId: inCharge.id })
  })

  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true })
    await smtp?.close()
  })

  /** A commune of its own (its staff alone are told of its work), the same member in charge of each. */
  const commune = async () => (await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inChargeId })).id

  /** A staff account of a commune of its own with a verified address that wants these notices at once. */
  async function subscriber(email: string, notices: MailNotice[] = ['REPORT_RETURNED', 'QUESTION_ANSWERED'], locale = 'vi') {
    const staff = await make.user({ role: 'STAFF', unitId: await commune(), name: 'Lê Thị Văn Thư' })
    await verified(staff.id, email, notices, locale)
    return staff
  }

  /** Gives an account a verified address that wants these notices. */
  async function verified(userId: string, email: string, notices: MailNotice[], locale = 'vi') {
    await database.db.user.update({ where: { id: userId }, data: { email, emailVerifiedAt: new Date(Date.now() - 60_000), mailNotices: notices, mailLocale: locale } })
  }

  /** A report by the staff account, returned with the reason by the member in charge (or `reviewer`). */
  async function returnedReport(staff: Actor, reason: string, reviewer = confirmer): Promise<string> {
    const assignment = await make.assignment({ taskId: (await make.task({ groupId })).id, unitId: staff.unitId })
    const saved = await recordStatusUpdate(
      at(staff),
      readStatusUpdateForm(formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '40' })).input,
    )
    if (saved.kind !== 'saved') throw new Error(saved.kind)
    const reviewed = await recordReview(at(reviewer), readReviewForm(formData({ updateId: saved.updateId, decision: 'RETURN', reason })).input)
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

  return {
    database,
    make,
    commune,
    subscriber,
    verified,
    returnedReport,
    answeredQuestion,
    workOnce,
    drain,
    mailTo,
    get boss() {
      return boss
    },
    get inChargeId() {
      return inChargeId
    },
  }
}
