// Who may do what on an assignment, through the real actions on a real PostgreSQL: each kind of
// user × their own / another unit / a missing record × each write in the rule table
// (lib/auth/rules.ts), the expected answer read from the table. A refusal looks like a missing
// record, changes nothing, and is audited; the facts check and the SQL form of each scope answer the
// same. (District-wide actions: lib/auth/district-permissions.test.ts.)
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { Prisma } from '@/lib/db/client'
import { assignmentsScopeSql, can, type Actor } from '@/lib/auth/permissions'
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

type Write = 'update' | 'onBehalf' | 'comment' | 'review'

let actors: Record<string, Actor>
let units: Awaited<ReturnType<typeof makeMatrixFixture>>['units']
let groupId: string
let reporterId: string

beforeAll(async () => {
  ;({ actors, units, groupId } = await makeMatrixFixture(() => database.db))
  reporterId = actors['staff of Minh Cầm']!.id
})

const WRITES: Record<AssignmentAction, Write> = { 'assignment.update': 'update', 'assignment.reportOnBehalf': 'onBehalf', 'assignment.comment': 'comment', 'statusUpdate.review': 'review' }

/** A fresh assignment of the target unit (test/helpers/assignment-matrix.ts), with one report waiting for review. */
async function assignmentFor(target: Target) {
  const task = await make.task({ groupId })
  const assignment = await make.assignment({ taskId: task.id, unitId: units[target === 'missing' ? 'own' : target] })
  const update = await database.db.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: reporterId, status: 'IN_PROGRESS', progress: 10 } })
  return target === 'missing' ? { assignmentId: randomUUID(), updateId: randomUUID() } : { assignmentId: assignment.id, updateId: update.id }
}

const attempt: Record<Write, (actor: Actor, ids: { assignmentId: string; updateId: string }) => Promise<{ kind: string }>> = {
  update: (actor, { assignmentId }) =>
    recordStatusUpdate({ actor, now: NOW, ip: null }, readStatusUpdateForm(formData({ assignmentId, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '20' })).input),
  // A report the unit sent by phone: entered on its behalf by who may do that, and only them.
  onBehalf: (actor, { assignmentId }) =>
    recordStatusUpdate(
      { actor, now: NOW, ip: null },
      readStatusUpdateForm(formData({ assignmentId, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '20', onBehalfVia: 'PHONE' })).input,
    ),
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
    // Who reports for the unit saves a report that names a channel as their own report.
    const reportsAnyway = action === 'assignment.reportOnBehalf' && reaches(RULES[actor.role]['assignment.update'], actorName, target)
    if (reaches(RULES[actor.role][action], actorName, target) || reportsAnyway) {
      expect(result.kind).toBe('saved')
      expect(await stateOf(ids)).not.toEqual(before)
      if (action === 'assignment.reportOnBehalf') {
        const saved = await database.db.statusUpdate.findFirstOrThrow({ where: { assignmentId: ids.assignmentId, authorId: actor.id }, select: { onBehalfVia: true } })
        expect(saved.onBehalfVia).toBe(reportsAnyway ? null : 'PHONE')
      }
    } else if (action === 'assignment.update' && reaches(RULES[actor.role]['assignment.reportOnBehalf'], actorName, target)) {
      // Who may only enter a report on the unit's behalf is asked how the unit sent it; nothing is written.
      expect(result.kind).toBe('invalid')
      expect(await stateOf(ids)).toEqual(before)
    } else {
      expect(result.kind).toBe('notFound')
      expect(await stateOf(ids)).toEqual(before)
      const refusals = await database.db.auditEvent.count({ where: { actorId: actor.id, action: { endsWith: '.refused' }, entityId: { in: [ids.assignmentId, ids.updateId] } } })
      expect(refusals).toBe(1)
    }
  })
})

// The same table in the two other forms a scope takes: the facts check of the pages that already
// hold the assignment, and the SQL condition of the queries that count.
describe.each(MATRIX_CASES.filter(([, target]) => target !== 'missing'))('%s, on %s assignment, checked on its facts and in SQL', (actorName, target) => {
  test.each(ASSIGNMENT_ACTIONS)('%s', async (action) => {
    const actor = actors[actorName]!
    const { assignmentId } = await assignmentFor(target)
    const a = await database.db.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { unitId: true, unit: { select: { ancestorIds: true, inChargeMemberId: true } }, task: { select: { group: { select: { leadMemberId: true } } } } },
    })
    const expected = reaches(RULES[actor.role][action], actorName, target)
    expect(can(actor, action, { unitId: a.unitId, unitAncestorIds: a.unit.ancestorIds, unitInChargeMemberId: a.unit.inChargeMemberId, groupLeadMemberId: a.task.group.leadMemberId })).toBe(expected)
    const scope = assignmentsScopeSql(actor, action, 'a') ?? Prisma.sql`false`
    const [row] = await database.db.$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "Assignment" a WHERE a.id = ${assignmentId}::uuid AND ${scope}) AS "found"`
    expect(row!.found).toBe(expected)
  })
})
