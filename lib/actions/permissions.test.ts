// Who may do what on an assignment, through the real actions on a real PostgreSQL: each kind of
// user × their own / another unit / a missing record × each write in the rule table
// (lib/auth/rules.ts), the expected answer read from the table. A refusal looks like a missing
// record, changes nothing, and is audited. (District-wide actions: lib/auth/district-permissions.test.ts.)
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { ASSIGNMENT_ACTIONS, RULES, type AssignmentAction } from '@/lib/auth/rules'
import { makeMatrixFixture, MATRIX_CASES, reaches, type Target } from '@/test/helpers/assignment-matrix'
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

type Write = 'update' | 'comment' | 'review'

let actors: Record<string, Actor>
let units: { minhCam: string; dapThanh: string }
let groupId: string
let reporterId: string

beforeAll(async () => {
  ;({ actors, units, groupId } = await makeMatrixFixture(() => database.db))
  reporterId = actors['staff of Minh Cầm']!.id
})

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

describe.each(MATRIX_CASES)('%s, on %s assignment', (actorName, target) => {
  test.each(ASSIGNMENT_ACTIONS)(`%s`, async (action) => {
    const actor = actors[actorName]!
    const ids = await assignmentFor(target)
    const before = await stateOf(ids)
    const result = await attempt[WRITES[action]](actor, ids)
    if (reaches(RULES[actor.role][action], actorName, target)) {
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
