// Bad input: the writes on an assignment (status report, comment, review) given a
// thousand hostile forms each, by the people who may act and by people who may not. Every one
// ends in a refusal (invalid, not found, conflict, already reviewed), never an exception, and
// writes nothing but the refusal's audit row.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { TASK_STATUSES } from '@/lib/domain/status'
import { describe as shown, FUZZ_RUNS, hostileFile, hostileForm, hostileText, idText, nonBlankText, toFormData, tooLongText, wrongTypeValue, type FieldValue } from '@/test/helpers/arbitraries'
import { testDatabase } from '@/test/helpers/database'
import { factories, pdfFile } from '@/test/helpers/factories'
import { writeGuard } from '@/test/helpers/write-guard'
import type { ActionContext } from './context'
import { recordComment } from './comment'
import { recordReview } from './review'
import { recordStatusUpdate } from './status-update'
import { readCommentForm } from '@/lib/validation/comment'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const NOW = new Date('2026-11-28T03:00:00Z')
/** The version the own assignment stands at: a report against any other is stale. */
const VERSION = 5

let ownStaff: Actor
let inCharge: Actor
let otherStaff: Actor
let thirdStaff: Actor
let otherLeader: Actor
let own: { id: string }
let foreign: { id: string }
let pending: { id: string }
let foreignPending: { id: string }
let reviewed: { id: string }

const at = (actor: Actor): ActionContext => ({ actor, now: NOW, ip: '203.0.113.9' })

beforeAll(async () => {
  const memberA = await make.member('Ủy viên phụ trách Minh Cầm')
  const memberB = await make.member('Ủy viên không phụ trách')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: memberA.id })
  const namSon = await make.unit({ name: 'Xã Nam Sơn' })
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const group = await make.group()
  const task = await make.task({ groupId: group.id, indicatorUnit: 'điểm trường' })
  ownStaff = await make.user({ role: 'STAFF', unitId: minhCam.id })
  otherStaff = await make.user({ role: 'STAFF', unitId: namSon.id })
  thirdStaff = await make.user({ role: 'STAFF', unitId: (await make.unit({ name: 'Xã Đạp Thanh' })).id })
  inCharge = await make.user({ role: 'LEADER', unitId: district.id, memberId: memberA.id })
  otherLeader = await make.user({ role: 'LEADER', unitId: district.id, memberId: memberB.id })
  own = await database.db.assignment.create({ data: { taskId: task.id, unitId: minhCam.id, version: VERSION, status: 'IN_PROGRESS', progress: 30 } })
  foreign = await make.assignment({ taskId: task.id, unitId: namSon.id })
  const report = (assignmentId: string, authorId: string, reviewState: 'PENDING' | 'CONFIRMED' = 'PENDING') =>
    database.db.statusUpdate.create({ data: { assignmentId, authorId, status: 'IN_PROGRESS', progress: 30, createdAt: new Date('2026-11-20T03:00:00Z'), reviewState } })
  pending = await report(own.id, ownStaff.id)
  reviewed = await report(own.id, ownStaff.id, 'CONFIRMED')
  foreignPending = await report(foreign.id, otherStaff.id)
})

/** Who acts: someone who may act on the own assignment (then the form is broken), or someone who may act on none of them. */
const actor = (allowed: () => Actor[], refused: () => Actor[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(0, 1).map((i) => allowed()[i % allowed().length]!), weight: 3 }, fc.constantFrom(0, 1).map((i) => refused()[i]!))

/** The first value a form field carries, as FormData.get reads it. */
const first = (value: FieldValue) => (Array.isArray(value) ? value[0] : value)

/** Ids the actor may not act on: other units' records, ids of nothing, ill-formed ids, wrong types, none. */
const foreignId = (realForeign: () => string) => fc.oneof(fc.constant(null).map(realForeign), idText, hostileText, wrongTypeValue, fc.constant(undefined))

/** Text a text field rejects whatever else is typed: starting with a character no number starts with. */
const notANumber = fc.tuple(fc.constantFrom('x', '-', '+', '<', "'", '%', 'e', '.', ','), hostileText).map(([c, t]) => c + t)

afterAll(() => guard.close())

async function expectRefusal<R extends { kind: string }>(run: () => Promise<R>, kinds: readonly string[], input: unknown): Promise<void> {
  const result = await guard.check(run, input)
  expect(kinds, `answer ${JSON.stringify(result).slice(0, 300)} for ${shown(input)}`).toContain(result.kind)
}

describe('the status report (recordStatusUpdate)', () => {
  const spec = {
    assignmentId: { good: fc.constant(null).map(() => own.id), bad: foreignId(() => foreign.id) },
    baseVersion: {
      good: fc.constant(String(VERSION)),
      // Stale or not a version at all (what Number() makes of it is what the form's schema reads).
      bad: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }).map(String), hostileText, wrongTypeValue).filter((v) => {
        const value = first(v)
        return typeof value !== 'string' || Number(value) !== VERSION
      }),
    },
    submissionKey: { good: fc.uuid(), bad: fc.oneof(hostileText.filter((t) => !/^[0-9a-f-]{36}$/i.test(t)), hostileFile, fc.constant(undefined)) },
    status: { good: fc.constantFrom(...TASK_STATUSES), bad: fc.oneof(hostileText, hostileFile, fc.constant(undefined)).filter((v) => !TASK_STATUSES.some((s) => s === first(v))) },
    progress: {
      good: fc.integer({ min: 0, max: 100 }).map(String),
      bad: fc.oneof(notANumber, fc.integer({ min: 101, max: 10 ** 9 }).map(String), fc.integer({ min: -(10 ** 9), max: -1 }).map(String)),
    },
    indicatorActual: {
      good: fc.constantFrom('', '12', '1.234,5', '0,25'),
      bad: fc.oneof(notANumber, fc.constantFrom('12.345', '1,234', '9999999999999', '1000000000000', '1.2.3,45')),
    },
    note: { good: fc.oneof(nonBlankText(2000), fc.constant(undefined)), bad: tooLongText(2000) },
    files: {
      good: fc.oneof(fc.constant(undefined), hostileText.map((t) => pdfFile(`${t.slice(0, 100)}.pdf`))),
      bad: fc.oneof(
        hostileFile.filter((f) => f.size > 0).map((f) => new File([f], `${f.name}.html`, { type: f.type })),
        fc.constant(null).map(() => Array.from({ length: 6 }, (_, i) => pdfFile(`bien-ban-${i}.pdf`))),
        fc.constantFrom(...['<script>alert(1)</script>', 'MZ\x90\x00']).map((content) => new File([content], 'bien-ban.pdf', { type: 'application/pdf' })),
      ),
    },
  }

  test(`${FUZZ_RUNS} hostile reports are refused and write nothing but the refusal's audit row`, async () => {
    await fc.assert(
      fc.asyncProperty(actor(() => [ownStaff, inCharge], () => [thirdStaff, otherLeader]), hostileForm(spec), async (who, { form }) => {
        await expectRefusal(() => recordStatusUpdate(at(who), readStatusUpdateForm(form).input), ['invalid', 'notFound', 'conflict', 'locked'], form)
      }),
      { numRuns: FUZZ_RUNS },
    )
    // Nothing of it reached the assignment.
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ version: VERSION, progress: 30 })
  })
})

describe('a comment (postComment)', () => {
  const spec = {
    assignmentId: { good: fc.constant(null).map(() => own.id), bad: foreignId(() => foreign.id) },
    body: {
      good: nonBlankText(2000),
      bad: fc.oneof(tooLongText(2000), fc.constantFrom('', ' ', '\t\r\n', '\u0000\u0000', '\u00a0\u2028\ufeff'), fc.constant(undefined), hostileFile),
    },
  }

  test(`${FUZZ_RUNS} hostile comments are refused and write nothing but the refusal's audit row`, async () => {
    await fc.assert(
      fc.asyncProperty(actor(() => [ownStaff, inCharge], () => [thirdStaff, otherLeader]), hostileForm(spec), async (who, { form }) => {
        await expectRefusal(() => recordComment(at(who), readCommentForm(form).input), ['invalid', 'notFound'], form)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

describe('a review (reviewStatusUpdate)', () => {
  const spec = {
    updateId: {
      good: fc.constant(null).map(() => pending.id),
      // Another unit's report, one already confirmed, ids of nothing.
      bad: fc.oneof(fc.constant(null).map(() => foreignPending.id), fc.constant(null).map(() => reviewed.id), idText, hostileText, wrongTypeValue, fc.constant(undefined)),
    },
    decision: { good: fc.constantFrom('CONFIRM', 'RETURN'), bad: fc.oneof(hostileText, hostileFile, fc.constant(undefined)).filter((v) => first(v) !== 'CONFIRM' && first(v) !== 'RETURN') },
    reason: { good: fc.oneof(nonBlankText(1000), fc.constant(undefined)), bad: tooLongText(1000) },
  }

  test(`${FUZZ_RUNS} hostile reviews are refused and write nothing but the refusal's audit row`, async () => {
    await fc.assert(
      fc.asyncProperty(actor(() => [inCharge], () => [ownStaff, otherLeader]), hostileForm(spec), async (who, { form }) => {
        await expectRefusal(() => recordReview(at(who), readReviewForm(form).input), ['invalid', 'notFound', 'alreadyReviewed', 'locked'], form)
      }),
      { numRuns: FUZZ_RUNS },
    )
    expect(await database.db.statusUpdate.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ reviewState: 'PENDING', reviewNote: null })
  })
})

test('the properties can fail: a sound report by the unit is saved (the guard sees the write)', async () => {
  const form = toFormData({ assignmentId: own.id, baseVersion: String(VERSION), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '40' })
  const changes = await guard.writesOf(async () => expect((await recordStatusUpdate(at(ownStaff), readStatusUpdateForm(form).input)).kind).toBe('saved'))
  expect(changes.tables).toEqual(expect.arrayContaining(['Assignment', 'StatusUpdate']))
  expect(changes.audit).toEqual(['statusUpdate.create'])
})
