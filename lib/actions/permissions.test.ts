// Who may do what on an assignment, through the real actions on a real PostgreSQL: each kind of
// user × their own / another unit / a missing record × each write in the rule table
// (lib/auth/rules.ts), the expected answer read from the table. A refusal looks like a missing
// record, changes nothing, and is audited. (District-wide actions: lib/auth/district-permissions.test.ts.)
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { ASSIGNMENT_ACTIONS, RULES, type AssignmentAction } from '@/lib/auth/rules'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { recordComment } from './comment'
import { recordReview } from './review'
import { recordStatusUpdate } from './status-update'
import { readCommentForm } from '@/lib/validation/comment'
import { readReviewForm } from '@/lib/validation/review'
import { readStatusUpdateForm } from '@/lib/validation/status-update'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')

type Target = 'own' | 'other' | 'missing'
type Write = 'update' | 'comment' | 'review'

let actors: Record<string, Actor>
let units: { minhCam: string; dapThanh: string }
let groupId: string
let reporterId: string

beforeAll(async () => {
  const inChargeOfMinhCam = await make.member('Ủy viên phụ trách Minh Cầm')
  const inChargeOfDapThanh = await make.member('Ủy viên phụ trách Đạp Thanh')
  const groupLead = await make.member('Ủy viên phụ trách nhóm nhiệm vụ')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inChargeOfMinhCam.id })
  const dapThanh = await make.unit({ name: 'Xã Đạp Thanh', inChargeMemberId: inChargeOfDapThanh.id })
  const district = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT' })
  units = { minhCam: minhCam.id, dapThanh: dapThanh.id }
  groupId = (await make.group(groupLead.id)).id
  actors = {
    'staff of Minh Cầm': await make.user({ role: 'STAFF', unitId: minhCam.id }),
    'the member in charge of Minh Cầm': await make.user({ role: 'LEADER', unitId: district.id, memberId: inChargeOfMinhCam.id }),
    'the member leading the task group': await make.user({ role: 'LEADER', unitId: district.id, memberId: groupLead.id }),
    'a leader account with no member': await make.user({ role: 'LEADER', unitId: district.id }),
    'the administrator': await make.user({ role: 'ADMIN', unitId: district.id }),
  }
  reporterId = actors['staff of Minh Cầm']!.id
})

/**
 * How each actor stands to the "own" assignment (Minh Cầm's, in the led group) and the "other"
 * one (Đạp Thanh's, in the same group): facts of the fixture, from which the rule table
 * (lib/auth/rules.ts) decides what is allowed.
 */
const RELATION: Record<string, Record<'own' | 'other', { ownUnit: boolean; led: boolean }>> = {
  'staff of Minh Cầm': { own: { ownUnit: true, led: false }, other: { ownUnit: false, led: false } },
  'the member in charge of Minh Cầm': { own: { ownUnit: false, led: true }, other: { ownUnit: false, led: false } },
  'the member leading the task group': { own: { ownUnit: false, led: true }, other: { ownUnit: false, led: true } },
  'a leader account with no member': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
  'the administrator': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
}

/** Whether the rule table lets the actor's role do the action on the target. */
function expected(actorName: string, target: Target, action: AssignmentAction): boolean {
  if (target === 'missing') return false
  const facts = RELATION[actorName]![target]
  switch (RULES[actors[actorName]!.role][action]) {
    case 'all':
      return true
    case 'ownUnit':
      return facts.ownUnit
    case 'led':
      return facts.led
    default:
      return false
  }
}

const WRITES: Record<AssignmentAction, Write> = { 'assignment.update': 'update', 'assignment.comment': 'comment', 'statusUpdate.review': 'review' }

/** A fresh assignment of the target unit (Minh Cầm is "own", Đạp Thanh "other"), with one report waiting for review. */
async function assignmentFor(target: Target) {
  const task = await make.task({ groupId })
  const assignment = await make.assignment({ taskId: task.id, unitId: target === 'other' ? units.dapThanh : units.minhCam })
  const update = await database.db.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: reporterId, status: 'IN_PROGRESS', progress: 10 } })
  return target === 'missing' ? { assignmentId: randomUUID(), updateId: randomUUID() } : { assignmentId: assignment.id, updateId: update.id }
}

const attempt: Record<Write, (actor: Actor, ids: { assignmentId: string; updateId: string }) => Promise<{ kind: string }>> = {
  update: (actor, { assignmentId }) =>
    recordStatusUpdate({ actor, now: NOW, ip: null }, readStatusUpdateForm(formData({ assignmentId, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '20' })).input),
  comment: (actor, { assignmentId }) => recordComment({ actor, now: NOW, ip: null }, readCommentForm(formData({ assignmentId, body: 'Đề nghị hướng dẫn thêm.' })).input),
  review: (actor, { updateId }) => recordReview({ actor, now: NOW, ip: null }, readReviewForm(formData({ updateId, decision: 'CONFIRM' })).input),
}

async function stateOf(ids: { assignmentId: string; updateId: string }) {
  const [assignment, comments, update] = await Promise.all([
    database.db.assignment.findUnique({ where: { id: ids.assignmentId }, select: { version: true, progress: true } }),
    database.db.comment.count({ where: { assignmentId: ids.assignmentId } }),
    database.db.statusUpdate.findUnique({ where: { id: ids.updateId }, select: { reviewState: true } }),
  ])
  return { assignment, comments, update }
}

const cases = Object.keys(RELATION).flatMap((actorName) => (['own', 'other', 'missing'] as const).map((target) => [actorName, target] as const))

describe.each(cases)('%s, on %s assignment', (actorName, target) => {
  test.each(ASSIGNMENT_ACTIONS)(`%s`, async (action) => {
    const actor = actors[actorName]!
    const ids = await assignmentFor(target)
    const before = await stateOf(ids)
    const result = await attempt[WRITES[action]](actor, ids)
    if (expected(actorName, target, action)) {
      expect(result.kind).toBe('saved')
      expect(await stateOf(ids)).not.toEqual(before)
    } else {
      expect(result.kind).toBe('notFound')
      expect(await stateOf(ids)).toEqual(before)
      const refusals = await database.db.auditEvent.count({ where: { actorId: actor.id, action: { endsWith: '.refused' }, entityId: { in: [ids.assignmentId, ids.updateId] } } })
      expect(refusals).toBe(1)
    }
  })
})
