// A task group reporting monthly by day 25 (cycle of November: 26/10 to 25/11): Minh Cầm reports on
// 20/11 (on time), Đạp Thanh on 27/11 (late), Nam Sơn not at all; all three reported in October; a
// fourth unit's assignment was done in September and owes nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { fromHistory, fromKeptCounts, withinScope } from './progress-source'
import { reminderCounts, reminders } from './reminders'
import { chosenCycle, unitAssignmentCycles } from './report-cycles'

const database = testDatabase()
const make = factories(() => database.db)
/** Noon in the district on `day`. */
const at = (day: CalendarDay) => new Date(`${day}T12:00:00+07:00`)

const u = {} as Record<'minhCam' | 'dapThanh' | 'namSon' | 'done' | 'elsewhere', { id: string; code: string }>
const a = {} as Record<'minhCam' | 'dapThanh' | 'namSon' | 'done' | 'soonAndLate', string>
let admin: Actor
let namSonStaff: Actor
let otherAdmin: Actor

beforeAll(async () => {
  const d = database.db
  // Two districts under a province: each district's accounts read their own subtree.
  const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
  const other = await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
  for (const [key, name] of [['minhCam', 'Xã Minh Cầm'], ['dapThanh', 'Xã Đạp Thanh'], ['namSon', 'Xã Nam Sơn'], ['done', 'Xã Đã Xong']] as const) {
    u[key] = await make.unit({ name, parentId: district.id })
  }
  u.elsewhere = await make.unit({ name: 'Xã Đông Ngũ', parentId: other.id })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  otherAdmin = await make.user({ role: 'ADMIN', unitId: other.id })
  namSonStaff = await make.user({ role: 'STAFF', unitId: u.namSon.id })
  const author = admin.id

  const group = await make.group()
  await d.taskGroup.update({ where: { id: group.id }, data: { reportCadence: 'MONTHLY', reportDay: 25 } })
  const task = await make.task({ groupId: group.id, dueDate: new Date('2027-12-31') })
  const report = (assignmentId: string, day: CalendarDay, status: 'IN_PROGRESS' | 'DONE' = 'IN_PROGRESS') =>
    d.statusUpdate.create({ data: { assignmentId, authorId: author, status, progress: status === 'DONE' ? 100 : 50, createdAt: at(day) } })
  const assign = async (unitId: string, taskId = task.id) => {
    const made = await make.assignment({ taskId, unitId })
    await d.assignment.update({ where: { id: made.id }, data: { createdAt: at('2026-09-01') } })
    return made.id
  }
  for (const key of ['minhCam', 'dapThanh', 'namSon'] as const) {
    a[key] = await assign(u[key].id)
    await report(a[key], '2026-10-20')
  }
  await report(a.minhCam, '2026-11-20')
  await report(a.dapThanh, '2026-11-27')
  a.done = await assign(u.done.id)
  await report(a.done, '2026-09-10', 'DONE')
  await d.assignment.update({ where: { id: a.done }, data: { status: 'DONE', progress: 100, completedAt: at('2026-09-10') } })
  // The other district's commune never reports: its administrator alone is reminded of it.
  await report(await assign(u.elsewhere.id), '2026-10-20')

  // A task of a group without a cadence that reports monthly by day 25 itself and is due within days.
  const own = await make.task({ groupId: (await make.group()).id, dueDate: new Date('2026-12-01') })
  await d.task.update({ where: { id: own.id }, data: { reportCadence: 'MONTHLY', reportDay: 25 } })
  a.soonAndLate = await assign(u.namSon.id, own.id)
  await report(a.soonAndLate, '2026-10-20')
})

const cyclesOn = async (day: CalendarDay, unit: keyof typeof u, past = true) =>
  (await unitAssignmentCycles(past ? fromHistory(day) : fromKeptCounts(day), u[unit].id)).get(a[unit as keyof typeof a])

describe('monthly cycles', () => {
  it('on the deadline day a unit that has not reported yet is due, not late; October was reported on time', async () => {
    expect(await cyclesOn('2026-11-25', 'namSon')).toMatchObject({
      cadence: { kind: 'MONTHLY', day: 25 },
      current: { cycle: { key: '2026-11', startDay: '2026-10-26', deadline: '2026-11-25' }, reported: false },
      last: { cycle: { key: '2026-10' }, state: 'onTime' },
    })
    expect(await cyclesOn('2026-11-25', 'minhCam')).toMatchObject({ current: { cycle: { key: '2026-11' }, reported: true } })
  })

  it('the day after the deadline the unit without a report is missing for November; a report after the deadline is late', async () => {
    expect(await cyclesOn('2026-11-26', 'namSon')).toMatchObject({ current: { cycle: { key: '2026-12' }, reported: false }, last: { cycle: { key: '2026-11' }, state: 'missing' } })
    expect(await cyclesOn('2026-11-26', 'dapThanh')).toMatchObject({ last: { cycle: { key: '2026-11' }, state: 'missing' } })
    expect(await cyclesOn('2026-11-28', 'dapThanh', false)).toMatchObject({ current: { cycle: { key: '2026-12' }, reported: true }, last: { cycle: { key: '2026-11' }, state: 'late' } })
    expect(await cyclesOn('2026-11-28', 'minhCam', false)).toMatchObject({ last: { cycle: { key: '2026-11' }, state: 'onTime' } })
  })

  it('a done assignment owes no cycle', async () => {
    expect(await cyclesOn('2026-11-28', 'done', false)).toMatchObject({ current: null, last: null })
  })
})

describe('the reporting rate per cycle', () => {
  it('November: one unit of the three that owed it reported on time; the done one owed nothing; October: all three', async () => {
    const source = withinScope(fromKeptCounts('2026-12-01'), admin)
    const november = await chosenCycle(source, '2026-11', 10)
    expect(november).toMatchObject({ cycle: { key: '2026-11' }, rate: { expected: 3, reported: 1 } })
    expect(november?.rate.missing.map((m) => m.code).sort()).toEqual([u.dapThanh.code, u.namSon.code].sort())
    expect((await chosenCycle(source, '2026-10', 10))?.rate).toEqual({ expected: 3, reported: 3, missing: [] })
  })

  it('by default the last month closed for every task; the picker offers six months', async () => {
    const choice = await chosenCycle(withinScope(fromKeptCounts('2026-12-01'), admin), undefined, 10)
    expect(choice?.cycle.key).toBe('2026-11')
    expect(choice?.offered.map((c) => c.key)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
    expect((await chosenCycle(withinScope(fromKeptCounts('2026-11-26'), admin), undefined, 10))?.cycle.key).toBe('2026-10')
  })

  it('a past day counts the reports made by then: on 26/11 Đạp Thanh had not reported', async () => {
    expect((await chosenCycle(withinScope(fromHistory('2026-11-26'), admin), '2026-11', 10))?.rate).toMatchObject({ expected: 3, reported: 1 })
    expect((await chosenCycle(withinScope(fromKeptCounts('2026-12-01'), otherAdmin), '2026-10', 10))?.rate).toMatchObject({ expected: 1, reported: 1 })
  })
})

describe('reminders of the cycles', () => {
  const listed = async (actor: Actor, day: CalendarDay) =>
    (await reminders(actor, day, 100)).map((r) => ({ unit: r.unitCode, overdue: r.overdue, cycle: r.cycle && { key: r.cycle.cycle.key, overdue: r.cycle.overdue } }))

  it('on the deadline day the unreported are due soon, the day after overdue; the header count agrees with the list', async () => {
    const onDeadline = await listed(admin, '2026-11-25')
    expect(onDeadline).toEqual(
      expect.arrayContaining([
        { unit: u.namSon.code, overdue: false, cycle: { key: '2026-11', overdue: false } },
        { unit: u.dapThanh.code, overdue: false, cycle: { key: '2026-11', overdue: false } },
      ]),
    )
    expect(onDeadline.find((r) => r.unit === u.minhCam.code)).toBeUndefined()
    const dayAfter = await listed(admin, '2026-11-26')
    expect(dayAfter).toEqual(
      expect.arrayContaining([
        { unit: u.namSon.code, overdue: true, cycle: { key: '2026-11', overdue: true } },
        { unit: u.dapThanh.code, overdue: true, cycle: { key: '2026-11', overdue: true } },
      ]),
    )
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-28']) {
      const list = await reminders(admin, day, 100)
      expect(await reminderCounts(admin, day), day).toEqual({ overdue: list.filter((r) => r.overdue).length, dueSoon: list.filter((r) => !r.overdue).length })
    }
  })

  it('a late report clears the reminder: on 28/11 Đạp Thanh is no longer reminded, Nam Sơn is', async () => {
    const list = await listed(admin, '2026-11-28')
    expect(list.filter((r) => r.unit === u.dapThanh.code)).toEqual([])
    expect(list.filter((r) => r.unit === u.namSon.code)).toHaveLength(2)
  })

  it('an assignment due soon by its task and late for its cycle counts once, as overdue', async () => {
    expect(await listed(namSonStaff, '2026-11-28')).toEqual([
      { unit: u.namSon.code, overdue: true, cycle: { key: '2026-11', overdue: true } },
      { unit: u.namSon.code, overdue: true, cycle: { key: '2026-11', overdue: true } },
    ])
    expect(await reminderCounts(namSonStaff, '2026-11-28')).toEqual({ overdue: 2, dueSoon: 0 })
  })

  it('each district is reminded of its own communes only', async () => {
    expect((await listed(otherAdmin, '2026-11-26')).map((r) => r.unit)).toEqual([u.elsewhere.code])
    expect(await reminderCounts(otherAdmin, '2026-11-26')).toEqual({ overdue: 1, dueSoon: 0 })
    expect((await listed(admin, '2026-11-26')).map((r) => r.unit)).not.toContain(u.elsewhere.code)
  })
})

it('the test day and the district day agree', () => {
  expect(endOfDistrictDay('2026-11-25') > at('2026-11-25')).toBe(true)
})
