// Who may read an assignment's details (lib/auth/rules.ts READ_RULES), through every read model
// that hands them out, on a real PostgreSQL: each kind of user × their own / another unit / a
// missing record (test/helpers/assignment-matrix.ts) × each read action × each surface, the expected
// answer read from the table. A refused read looks like a missing record. (The writes:
// lib/actions/permissions.test.ts.)
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { assignmentRecord } from '@/lib/queries/assignment-detail'
import { attachmentFile } from '@/lib/queries/attachment-file'
import { auditEventPage } from '@/lib/queries/audit-events'
import { progressSource } from '@/lib/queries/progress-source'
import { notesAsOf } from '@/lib/queries/review-report'
import { taskHistory } from '@/lib/queries/task-progress'
import { testDatabase } from '@/test/helpers/database'
import { makeMatrixFixture, MATRIX_CASES, reaches, type Target } from '@/test/helpers/assignment-matrix'
import { factories } from '@/test/helpers/factories'
import { ROLES } from './roles'
import { ASSIGNMENT_ACTIONS, READ_ACTIONS, READ_RULES, RULES, type ReadAction, type Scope } from './rules'

const database = testDatabase()
const make = factories(() => database.db)

let fixture: Awaited<ReturnType<typeof makeMatrixFixture>>

beforeAll(async () => {
  fixture = await makeMatrixFixture(() => database.db)
})

type Ids = { assignmentId: string; taskId: string; updateId: string; attachmentId: string }

/** A fresh assignment of the target unit with one report carrying a note and an evidence file. */
async function assignmentFor(target: Target): Promise<Ids> {
  const task = await make.task({ groupId: fixture.groupId })
  const assignment = await make.assignment({ taskId: task.id, unitId: fixture.units[target === 'missing' ? 'own' : target] })
  const update = await database.db.statusUpdate.create({
    data: { assignmentId: assignment.id, authorId: fixture.actors['staff of Minh Cầm']!.id, status: 'IN_PROGRESS', progress: 10, note: 'Biên bản đánh giá cán bộ' },
  })
  const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
  const file = await database.db.attachment.create({
    data: { statusUpdateId: update.id, fileName: 'bien-ban.pdf', mediaType: 'application/pdf', byteSize: bytes.byteLength, sha256: 'x', content: bytes },
  })
  return target === 'missing'
    ? { assignmentId: randomUUID(), taskId: randomUUID(), updateId: randomUUID(), attachmentId: randomUUID() }
    : { assignmentId: assignment.id, taskId: task.id, updateId: update.id, attachmentId: file.id }
}

/** Each audit event of these tests is written on a day of its own, so that the page filtered to that day lists it alone. */
let auditDays = 0

/**
 * Whether the audit trail shows the actor the reason of a return of the report. The app records
 * returns of reports that exist, so a missing one has no event to read.
 */
async function readsReturnReason(actor: Actor, updateId: string): Promise<boolean> {
  if (!(await database.db.statusUpdate.findUnique({ where: { id: updateId }, select: { id: true } }))) return false
  const day = new Date(Date.UTC(2000, 0, 1 + auditDays++)).toISOString().slice(0, 10)
  const reason = 'Biên bản thiếu chữ ký của chủ trì cuộc họp.'
  await database.db.auditEvent.create({
    data: { createdAt: new Date(`${day}T03:00:00Z`), action: 'statusUpdate.review', entity: 'StatusUpdate', entityId: updateId, after: { reviewState: 'RETURNED', reviewNote: reason } },
  })
  const [event, ...others] = (await auditEventPage(actor, { action: 'statusUpdate.review', from: day, to: day }, 1)).events
  if (others.length > 0) throw new Error(`the return of ${day} is not listed alone`)
  // Another district's event is not listed at all; one of the reader's subtree is, its reason only to who reads the details.
  return event !== undefined && JSON.stringify(event.after).includes(reason)
}

/** Each surface that hands out an assignment's details: whether the actor got them. */
const SURFACES: Record<ReadAction, Record<string, (actor: Actor, ids: Ids) => Promise<boolean>>> = {
  'assignment.readDetails': {
    "the assignment's page (history, notes, evidence list, questions)": async (actor, ids) => (await assignmentRecord(actor, ids.assignmentId)) !== null,
    'the evidence download': async (actor, ids) => (await attachmentFile(actor, ids.attachmentId)) !== null,
    "the task page's latest reports": async (actor, ids) =>
      (await taskHistory(progressSource(null, new Date()), actor, ids.taskId, 50)).some((entry) => entry.id === ids.updateId),
    "the review report's quoted note": async (actor, ids) => (await notesAsOf(actor, [ids.assignmentId], new Date())).has(ids.assignmentId),
    "the audit trail's reason for a return": (actor, ids) => readsReturnReason(actor, ids.updateId),
  },
}

const reads = READ_ACTIONS.flatMap((action) => Object.keys(SURFACES[action]).map((surface) => [action, surface] as const))

describe.each(MATRIX_CASES)('%s, on %s assignment', (actorName, target) => {
  test.each(reads)('%s: %s', async (action, surface) => {
    const actor = fixture.actors[actorName]!
    const ids = await assignmentFor(target)
    expect(await SURFACES[action][surface]!(actor, ids)).toBe(reaches(READ_RULES[actor.role][action], actorName, target))
  })
})

describe('the rule tables', () => {
  // The reports a member confirms lie among the assignments they lead.
  const covers = (read: Scope | undefined, write: Scope) => read === 'all' || read === write || (read === 'led' && write === 'confirmer')

  test('whoever may write on an assignment may read its details (a form is never shown without its history)', () => {
    for (const role of ROLES) {
      for (const action of ASSIGNMENT_ACTIONS) {
        const write = RULES[role][action]
        if (write) expect(covers(READ_RULES[role]['assignment.readDetails'], write), `${role} ${action}`).toBe(true)
      }
    }
  })
})
