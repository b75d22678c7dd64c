// Who may read an assignment's details (lib/auth/rules.ts READ_RULES), through every read model
// that hands them out, on a real PostgreSQL: each kind of user × their own / another unit / a
// missing record × each read action × each surface, the expected answer read from the table. A
// refused read looks like a missing record. (The writes: lib/actions/permissions.test.ts.)
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { assignmentRecord } from '@/lib/queries/assignment-detail'
import { attachmentFile } from '@/lib/queries/attachment-file'
import { progressSource } from '@/lib/queries/progress-source'
import { notesAsOf } from '@/lib/queries/review-report'
import { taskHistory } from '@/lib/queries/task-progress'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { ROLES } from './roles'
import { ASSIGNMENT_ACTIONS, READ_ACTIONS, READ_RULES, RULES, type ReadAction, type Scope } from './rules'

const database = testDatabase()
const make = factories(() => database.db)

type Target = 'own' | 'other' | 'missing'

let actors: Record<string, Actor>
let units: { minhCam: string; namSon: string }
let groupId: string
let reporterId: string

beforeAll(async () => {
  const inChargeOfMinhCam = await make.member('Ủy viên phụ trách Minh Cầm')
  const inChargeOfNamSon = await make.member('Ủy viên phụ trách Nam Sơn')
  const groupLead = await make.member('Ủy viên phụ trách nhóm nhiệm vụ')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inChargeOfMinhCam.id })
  const namSon = await make.unit({ name: 'Xã Nam Sơn', inChargeMemberId: inChargeOfNamSon.id })
  const district = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT' })
  units = { minhCam: minhCam.id, namSon: namSon.id }
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
 * How each actor stands to the "own" assignment (Minh Cầm's, in the led group) and the "other" one
 * (Nam Sơn's, in a group no one leads): facts of the fixture, from which READ_RULES decides.
 */
const RELATION: Record<string, Record<'own' | 'other', { ownUnit: boolean; led: boolean }>> = {
  'staff of Minh Cầm': { own: { ownUnit: true, led: false }, other: { ownUnit: false, led: false } },
  'the member in charge of Minh Cầm': { own: { ownUnit: false, led: true }, other: { ownUnit: false, led: false } },
  'the member leading the task group': { own: { ownUnit: false, led: true }, other: { ownUnit: false, led: false } },
  'a leader account with no member': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
  'the administrator': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
}

function expected(actorName: string, target: Target, action: ReadAction): boolean {
  if (target === 'missing') return false
  const facts = RELATION[actorName]![target]
  switch (READ_RULES[actors[actorName]!.role][action]) {
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

type Ids = { assignmentId: string; taskId: string; updateId: string; attachmentId: string }

/** A fresh assignment of the target unit with one report carrying a note and an evidence file. */
async function assignmentFor(target: Target): Promise<Ids> {
  const task = await make.task({ groupId: target === 'other' ? (await make.group()).id : groupId })
  const assignment = await make.assignment({ taskId: task.id, unitId: target === 'other' ? units.namSon : units.minhCam })
  const update = await database.db.statusUpdate.create({
    data: { assignmentId: assignment.id, authorId: reporterId, status: 'IN_PROGRESS', progress: 10, note: 'Biên bản đánh giá cán bộ' },
  })
  const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
  const file = await database.db.attachment.create({
    data: { statusUpdateId: update.id, fileName: 'bien-ban.pdf', mediaType: 'application/pdf', byteSize: bytes.byteLength, sha256: 'x', content: bytes },
  })
  return target === 'missing'
    ? { assignmentId: randomUUID(), taskId: randomUUID(), updateId: randomUUID(), attachmentId: randomUUID() }
    : { assignmentId: assignment.id, taskId: task.id, updateId: update.id, attachmentId: file.id }
}

/** Each surface that hands out an assignment's details: whether the actor got them. */
const SURFACES: Record<ReadAction, Record<string, (actor: Actor, ids: Ids) => Promise<boolean>>> = {
  'assignment.readDetails': {
    "the assignment's page (history, notes, evidence list, questions)": async (actor, ids) => (await assignmentRecord(actor, ids.assignmentId)) !== null,
    'the evidence download': async (actor, ids) => (await attachmentFile(actor, ids.attachmentId)) !== null,
    "the task page's latest reports": async (actor, ids) =>
      (await taskHistory(progressSource(null, new Date()), actor, ids.taskId, 50)).some((entry) => entry.id === ids.updateId),
    "the review report's quoted note": async (actor, ids) => (await notesAsOf(actor, [ids.assignmentId], new Date())).has(ids.assignmentId),
  },
}

const cases = Object.keys(RELATION).flatMap((actorName) => (['own', 'other', 'missing'] as const).map((target) => [actorName, target] as const))
const reads = READ_ACTIONS.flatMap((action) => Object.keys(SURFACES[action]).map((surface) => [action, surface] as const))

describe.each(cases)('%s, on %s assignment', (actorName, target) => {
  test.each(reads)('%s: %s', async (action, surface) => {
    const ids = await assignmentFor(target)
    expect(await SURFACES[action][surface]!(actors[actorName]!, ids)).toBe(expected(actorName, target, action))
  })
})

describe('the rule tables', () => {
  const covers = (read: Scope | undefined, write: Scope) => read === 'all' || read === write

  test('whoever may write on an assignment may read its details (a form is never shown without its history)', () => {
    for (const role of ROLES) {
      for (const action of ASSIGNMENT_ACTIONS) {
        const write = RULES[role][action]
        if (write) expect(covers(READ_RULES[role]['assignment.readDetails'], write), `${role} ${action}`).toBe(true)
      }
    }
  })
})
