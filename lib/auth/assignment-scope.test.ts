// The scope of each action in the rule table, written twice (a Prisma filter and an SQL condition
// for hand-written queries): both must pick the same assignments for every kind of actor.
import { beforeAll, describe, expect, test } from 'vitest'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { assignmentsWhere, assignmentsWhereSql, type Actor } from './permissions'
import { ASSIGNMENT_ACTIONS } from './rules'

const database = testDatabase()
const make = factories(() => database.db)
let actors: Record<string, Actor>

beforeAll(async () => {
  const inCharge = await make.member('Ủy viên phụ trách xã')
  const groupLead = await make.member('Ủy viên phụ trách nhóm')
  const district = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT' })
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inCharge.id })
  const dapThanh = await make.unit({ name: 'Xã Đạp Thanh' })
  const led = await make.group(groupLead.id)
  const other = await make.group()
  for (const group of [led, other]) {
    const task = await make.task({ groupId: group.id })
    for (const unit of [minhCam, dapThanh, district]) await make.assignment({ taskId: task.id, unitId: unit.id })
  }
  actors = {
    'staff of Minh Cầm': await make.user({ role: 'STAFF', unitId: minhCam.id }),
    'the member in charge of Minh Cầm': await make.user({ role: 'LEADER', unitId: district.id, memberId: inCharge.id }),
    'the member leading a group': await make.user({ role: 'LEADER', unitId: district.id, memberId: groupLead.id }),
    'a leader account with no member': await make.user({ role: 'LEADER', unitId: district.id }),
    'the administrator': await make.user({ role: 'ADMIN', unitId: district.id }),
  }
})

async function throughPrisma(actor: Actor, action: (typeof ASSIGNMENT_ACTIONS)[number]): Promise<string[]> {
  const where = assignmentsWhere(actor, action)
  if (!where) return []
  return (await database.db.assignment.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } })).map((a) => a.id)
}

async function throughSql(actor: Actor, action: (typeof ASSIGNMENT_ACTIONS)[number]): Promise<string[]> {
  const scope = assignmentsWhereSql(actor, action)
  if (!scope) return []
  const rows = await database.db.$queryRaw<{ id: string }[]>`
    SELECT a.id::text FROM "Assignment" a
      JOIN "Unit" u ON u.id = a."unitId" JOIN "Task" t ON t.id = a."taskId" JOIN "TaskGroup" g ON g.id = t."groupId"
     WHERE ${scope} ORDER BY a.id`
  return rows.map((r) => r.id)
}

describe('assignmentsWhereSql picks what assignmentsWhere picks', () => {
  for (const action of ASSIGNMENT_ACTIONS)
    test(`${action}, for every kind of actor`, async () => {
      const picked: Record<string, number> = {}
      for (const [name, actor] of Object.entries(actors)) {
        const expected = await throughPrisma(actor, action)
        expect(await throughSql(actor, action), name).toEqual(expected)
        picked[name] = expected.length
      }
      // The fixture tells the scopes apart: nothing here passes by picking nothing.
      expect(new Set(Object.values(picked)).size).toBeGreaterThan(1)
    })
})
