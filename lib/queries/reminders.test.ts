import { beforeAll, describe, expect, it } from 'vitest'
import { can, type Actor } from '@/lib/auth/permissions'
import { districtDay, endOfDistrictDay } from '@/lib/domain/calendar'
import { isDueSoon, isOverdue, TASK_STATUSES } from '@/lib/domain/status'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { reminderCounts, reminders } from './reminders'

const database = testDatabase()
const make = factories(() => database.db)
const today = '2026-11-28'
/** Late in the district's day: the query's day and the domain's agree at the edge. */
const now = new Date(endOfDistrictDay(today).getTime() - 1)
let actors!: Record<'staff' | 'unitMember' | 'groupLead' | 'memberless' | 'admin', Actor>

const day = (offset: number) => new Date(Date.UTC(2026, 10, 28 + offset))

beforeAll(async () => {
  const d = database.db
  const unitMember = await make.member('Ủy viên phụ trách xã')
  const groupLead = await make.member('Trưởng nhóm nhiệm vụ')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: unitMember.id })
  // The group's lead is also in charge of Đạp Thanh: their scope counts its led tasks there once.
  const dapThanh = await make.unit({ name: 'Xã Đạp Thanh', inChargeMemberId: groupLead.id })
  await make.unit({ name: 'Xã không ai phụ trách' })
  const closed = await make.unit({ name: 'Xã cũ', inChargeMemberId: unitMember.id })
  await d.unit.update({ where: { id: closed.id }, data: { active: false } })
  const plain = await make.group()
  const led = await make.group(groupLead.id)
  // Due dates on both sides of each edge: yesterday, today, the last day of the window, the day after.
  const offsets = [-30, -1, 0, 14, 15, 60]
  for (const [g, group] of [plain, led].entries()) {
    for (const offset of offsets) {
      const task = await make.task({ groupId: group.id, dueDate: day(offset) })
      for (const [u, unit] of [minhCam, dapThanh, closed].entries()) {
        const assignment = await make.assignment({ taskId: task.id, unitId: unit.id })
        const status = TASK_STATUSES[(g + u + offsets.indexOf(offset)) % TASK_STATUSES.length]!
        await d.assignment.update({ where: { id: assignment.id }, data: { status, progress: status === 'DONE' ? 100 : 40 } })
      }
    }
  }
  const withdrawn = await make.task({ groupId: led.id, dueDate: day(-5) })
  await make.assignment({ taskId: withdrawn.id, unitId: minhCam.id })
  await d.task.update({ where: { id: withdrawn.id }, data: { active: false } })

  actors = {
    staff: await make.user({ role: 'STAFF', unitId: minhCam.id }),
    unitMember: await make.user({ role: 'LEADER', unitId: dapThanh.id, memberId: unitMember.id }),
    groupLead: await make.user({ role: 'LEADER', unitId: dapThanh.id, memberId: groupLead.id }),
    memberless: await make.user({ role: 'LEADER', unitId: dapThanh.id }),
    admin: await make.user({ role: 'ADMIN', unitId: dapThanh.id }),
  }
})

/** The definition: every assignment the actor reports on, overdue or due soon by the domain's rules. */
async function expected(actor: Actor) {
  const all = await database.db.assignment.findMany({
    where: { task: { active: true }, unit: { active: true } },
    select: { unitId: true, status: true, completedAt: true, unit: { select: { code: true, ancestorIds: true, inChargeMemberId: true } }, task: { select: { code: true, dueDate: true, group: { select: { leadMemberId: true } } } } },
  })
  return all
    .filter((a) => can(actor, 'assignment.update', { unitId: a.unitId, unitAncestorIds: a.unit.ancestorIds, unitInChargeMemberId: a.unit.inChargeMemberId, groupLeadMemberId: a.task.group.leadMemberId }))
    .map((a) => ({ key: `${a.unit.code}/${a.task.code}`, timing: { status: a.status, dueDate: a.task.dueDate, completedAt: a.completedAt } }))
    .filter(({ timing }) => isOverdue(timing, now) || isDueSoon(timing, now))
    .map(({ key, timing }) => ({ key, overdue: isOverdue(timing, now) }))
}

describe('reminders', () => {
  it('the district day of the test is the query day', () => {
    expect(districtDay(now)).toBe(today)
  })

  for (const name of ['staff', 'unitMember', 'groupLead', 'memberless', 'admin'] as const) {
    it(`${name}: lists exactly the overdue and soon-due work in scope, counted the same, the earliest deadline first`, async () => {
      const want = await expected(actors[name])
      const listed = await reminders(actors[name], today, 1000)
      expect(listed.map((r) => ({ key: `${r.unitCode}/${r.taskCode}`, overdue: r.overdue })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        want.sort((a, b) => a.key.localeCompare(b.key)),
      )
      const dueDays = listed.map((r) => r.dueDate.getTime())
      expect(dueDays).toEqual([...dueDays].sort((a, b) => a - b))
      expect(await reminderCounts(actors[name], today)).toEqual({ overdue: want.filter((r) => r.overdue).length, dueSoon: want.filter((r) => !r.overdue).length })
    })
  }

  it('scopes differ as the rules say: staff see their unit only, a member without a charge sees nothing', async () => {
    const staff = await reminders(actors.staff, today, 1000)
    expect(staff.length).toBeGreaterThan(0)
    expect(new Set(staff.map((r) => r.unitName))).toEqual(new Set(['Xã Minh Cầm']))
    expect(await reminders(actors.memberless, today, 1000)).toEqual([])
    expect((await reminders(actors.admin, today, 1000)).length).toBeGreaterThan(staff.length)
  })

  it('stops at the limit', async () => {
    expect(await reminders(actors.admin, today, 3)).toHaveLength(3)
  })
})
