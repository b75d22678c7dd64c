// The questions page's read model and the office's publishing, in the real PostgreSQL: who reads
// which threads, waiting against answered, the order and the filters; who may publish, and that a
// published answer reaches every commune, naming the asking unit only when the office chose to.
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { publishQuestion } from '@/lib/actions/question-publish'
import { readQuestionPublishForm } from '@/lib/validation/question-publish'
import { questionFilterOf, type QuestionFilter } from '@/lib/validation/questions'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { answeredQuestions, publishedQuestions, questionThreads } from './questions'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-12-07T03:00:00Z')
const ALL: QuestionFilter = { state: null, unit: null, group: null }
const as = (actor: Actor) => ({ actor, now: NOW, ip: '198.51.100.7' })

let minhCamStaff: Actor
let namSonStaff: Actor
let memberInCharge: Actor
let otherLeader: Actor
let office: Actor
let admin: Actor
let groupCode: string
let otherGroupCode: string
const ids: Record<'old' | 'recent' | 'answered' | 'answer' | 'namSon', string> = { old: '', recent: '', answered: '', answer: '', namSon: '' }

/** A comment at a given day and hour (UTC), as the thread reads it. */
const say = async (author: Actor, assignmentId: string, body: string, at: string) =>
  (await database.db.comment.create({ data: { assignmentId, authorId: author.id, body, createdAt: new Date(at) } })).id

beforeAll(async () => {
  const secretary = await make.member('Bí thư Huyện ủy')
  const other = await make.member('Ủy viên khác')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: secretary.id })
  const namSon = await make.unit({ name: 'Xã Nam Sơn', inChargeMemberId: other.id })
  const officeUnit = await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })
  const group = await make.group()
  const otherGroup = await make.group()
  groupCode = group.code
  otherGroupCode = otherGroup.code
  const schools = await make.assignment({ taskId: (await make.task({ groupId: group.id })).id, unitId: minhCam.id })
  const roads = await make.assignment({ taskId: (await make.task({ groupId: otherGroup.id })).id, unitId: minhCam.id })
  const namSonWork = await make.assignment({ taskId: (await make.task({ groupId: group.id })).id, unitId: namSon.id })
  minhCamStaff = await make.user({ role: 'STAFF', unitId: minhCam.id, name: 'Cán bộ Minh Cầm' })
  namSonStaff = await make.user({ role: 'STAFF', unitId: namSon.id })
  memberInCharge = await make.user({ role: 'LEADER', unitId: officeUnit.id, memberId: secretary.id })
  otherLeader = await make.user({ role: 'LEADER', unitId: officeUnit.id, memberId: other.id })
  office = await make.user({ role: 'OFFICE', unitId: officeUnit.id })
  admin = await make.user({ role: 'ADMIN', unitId: officeUnit.id })

  // On the schools task: a question answered by the office, then a new one with a follow-up, waiting.
  ids.answered = await say(minhCamStaff, schools.id, 'Tiêu chí trường chuẩn tính thế nào?', '2026-11-20T02:00:00Z')
  ids.answer = await say(office, schools.id, 'Theo Thông tư 13/2021.', '2026-11-22T02:00:00Z')
  await say(memberInCharge, schools.id, 'Bổ sung: xem thêm hướng dẫn của Sở.', '2026-11-22T03:00:00Z')
  ids.recent = await say(minhCamStaff, schools.id, 'Hạn nộp minh chứng là ngày nào?', '2026-12-05T02:00:00Z')
  await say(minhCamStaff, schools.id, 'Xin trả lời sớm.', '2026-12-06T02:00:00Z')
  // On the roads task: an older question, waiting.
  ids.old = await say(minhCamStaff, roads.id, 'Kinh phí đường giao thông lấy từ đâu?', '2026-12-01T02:00:00Z')
  ids.namSon = await say(namSonStaff, namSonWork.id, 'Câu hỏi của Nam Sơn', '2026-12-02T02:00:00Z')
})

const questionIds = async (actor: Actor, filter: QuestionFilter = ALL) => (await questionThreads(actor, filter, NOW, 50, 0)).rows.map((r) => r.questionId)

describe('who reads which threads', () => {
  test('staff of Nam Sơn see none of Minh Cầm’s threads, only their own', async () => {
    expect(await questionIds(namSonStaff)).toEqual([ids.namSon])
  })

  test('Minh Cầm’s staff, the member in charge of Minh Cầm, the office and the administrator see Minh Cầm’s threads', async () => {
    expect(await questionIds(minhCamStaff)).toEqual([ids.old, ids.recent, ids.answered])
    expect(await questionIds(memberInCharge)).toEqual([ids.old, ids.recent, ids.answered])
    expect(await questionIds(office)).toEqual([ids.old, ids.namSon, ids.recent, ids.answered])
    expect(await questionIds(admin)).toEqual([ids.old, ids.namSon, ids.recent, ids.answered])
  })

  test('a leader in charge of another commune sees only that commune’s threads', async () => {
    expect(await questionIds(otherLeader)).toEqual([ids.namSon])
  })
})

describe('waiting and answered', () => {
  test('the waiting come first, the oldest first, with the days they have waited; the answered after, with the days to their answer', async () => {
    const { rows, total } = await questionThreads(minhCamStaff, ALL, NOW, 50, 0)
    expect(total).toBe(3)
    expect(rows.map((r) => [r.excerpt, r.answered, r.waitedDays, r.askedBy])).toEqual([
      ['Kinh phí đường giao thông lấy từ đâu?', false, 6, 'Cán bộ Minh Cầm'],
      ['Hạn nộp minh chứng là ngày nào?', false, 2, 'Cán bộ Minh Cầm'],
      ['Tiêu chí trường chuẩn tính thế nào?', true, 2, 'Cán bộ Minh Cầm'],
    ])
  })

  test('the filters narrow by state, unit and group, and a page holds its share', async () => {
    expect(await questionIds(office, { ...ALL, state: 'waiting' })).toEqual([ids.old, ids.namSon, ids.recent])
    expect(await questionIds(office, { ...ALL, state: 'answered' })).toEqual([ids.answered])
    const namSonCode = (await database.db.unit.findFirstOrThrow({ where: { name: 'Xã Nam Sơn' } })).code
    expect(await questionIds(office, { ...ALL, unit: namSonCode })).toEqual([ids.namSon])
    expect(await questionIds(office, { ...ALL, group: otherGroupCode })).toEqual([ids.old])
    expect(await questionIds(office, { ...ALL, group: groupCode, state: 'waiting' })).toEqual([ids.namSon, ids.recent])
    const second = await questionThreads(office, ALL, NOW, 2, 2)
    expect([second.rows.map((r) => r.questionId), second.total]).toEqual([[ids.recent, ids.answered], 4])
  })

  test('the URL’s filters are read leniently: anything malformed is no filter', () => {
    expect(questionFilterOf({ state: 'waiting', unit: 'minh-cam', group: 'g-1' })).toEqual({ state: 'waiting', unit: 'minh-cam', group: 'g-1' })
    expect(questionFilterOf({ state: 'soon', unit: 'Minh Cầm', group: ['a', 'b'] })).toEqual(ALL)
  })
})

describe('publishing to the district’s list', () => {
  const publishForm = (questionId: string, answerId: string, showUnit: boolean) =>
    readQuestionPublishForm(formData({ questionId, answerId, showUnit: showUnit ? 'on' : undefined })).input
  const refusals = (actor: Actor) => database.db.auditEvent.count({ where: { actorId: actor.id, action: 'question.publish.refused', entityId: ids.answered } })

  test('staff and a leader are answered as if the question were missing, nothing is published, and the refusal is audited', async () => {
    for (const actor of [minhCamStaff, memberInCharge]) {
      expect(await publishQuestion(as(actor), publishForm(ids.answered, ids.answer, true))).toEqual({ kind: 'notFound' })
      expect(await refusals(actor)).toBe(1)
    }
    expect(await database.db.publishedQuestion.count()).toBe(0)
  })

  test('a waiting question, or an answer that is not the question’s, is not published', async () => {
    expect(await publishQuestion(as(office), publishForm(ids.recent, ids.answer, true))).toEqual({ kind: 'notFound' })
    expect(await publishQuestion(as(office), publishForm(ids.answered, ids.recent, true))).toEqual({ kind: 'notFound' })
    expect(await database.db.publishedQuestion.count()).toBe(0)
  })

  test('the office publishes without the unit’s name: staff of another commune read the question and answer, not the unit', async () => {
    const result = await publishQuestion(as(office), publishForm(ids.answered, ids.answer, false))
    expect(result).toMatchObject({ kind: 'published' })
    expect(await publishQuestion(as(office), publishForm(ids.answered, ids.answer, true))).toEqual({ kind: 'alreadyPublished' })
    const audit = await database.db.auditEvent.findMany({ where: { actorId: office.id, action: 'question.publish' }, select: { entity: true, after: true } })
    expect(audit).toEqual([{ entity: 'PublishedQuestion', after: { questionId: ids.answered, answerId: ids.answer, showUnit: false } }])

    // Nam Sơn's staff read none of Minh Cầm's threads, but the published answer they do.
    const list = await publishedQuestions(fullReader, 20, 0)
    expect(list.rows.map((r) => [r.question, r.answer, r.unitName])).toEqual([['Tiêu chí trường chuẩn tính thế nào?', 'Theo Thông tư 13/2021.', null]])
    expect((await questionThreads(minhCamStaff, ALL, NOW, 50, 0)).rows.find((r) => r.questionId === ids.answered)?.published).toBe(true)
    expect(await answeredQuestions((await database.db.comment.findUniqueOrThrow({ where: { id: ids.answered } })).assignmentId)).toEqual([
      { questionId: ids.answered, answerId: ids.answer, published: true },
    ])
  })

  test('an administrator publishes naming the unit, and the list names it, the newest first', async () => {
    const assignmentId = (await database.db.comment.findUniqueOrThrow({ where: { id: ids.namSon } })).assignmentId
    // A follow-up before any answer belongs to Nam Sơn's first question, which the administrator's comment answers.
    await say(namSonStaff, assignmentId, 'Hỏi thêm', '2026-12-03T02:00:00Z')
    const answer = await say(admin, assignmentId, 'Trả lời', '2026-12-04T02:00:00Z')
    const later = { actor: admin, now: new Date(NOW.getTime() + 60_000), ip: null }
    expect(await publishQuestion(later, publishForm(ids.namSon, answer, true))).toMatchObject({ kind: 'published' })
    const list = await publishedQuestions(fullReader, 20, 0)
    expect(list.rows.map((r) => [r.question, r.unitName])).toEqual([
      ['Câu hỏi của Nam Sơn', 'Xã Nam Sơn'],
      ['Tiêu chí trường chuẩn tính thế nào?', null],
    ])
  })
})
