import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { factories } from '@/test/helpers/factories'
import { testDatabase } from '@/test/helpers/database'
import { fullReader } from '@/test/helpers/reader'
import { choosePeriod, periodParamsSchema, reportingPeriods, reportingRate, type ReportingPeriod } from './reporting-rate'

const database = testDatabase()
const make = factories(() => database.db)

beforeAll(async () => {
  const d = database.db
  const unit = (code: string, kind: 'COMMUNE' | 'AGENCY' | 'VILLAGE', sortOrder: number, active = true) =>
    d.unit.create({ data: { code, name: `Đơn vị ${code}`, kind, sortOrder, active } })
  const minhCam = await unit('minh-cam', 'COMMUNE', 2)
  const dapThanh = await unit('dap-thanh', 'COMMUNE', 1)
  const namSon = await unit('nam-son', 'COMMUNE', 3)
  const agency = await unit('phong-gd', 'AGENCY', 1)
  await unit('thon-1', 'VILLAGE', 1)
  const closed = await unit('xa-cu', 'COMMUNE', 4, false)
  const withdrawnOnly = await unit('don-dac', 'COMMUNE', 5)

  // The periods belong to a unit (by default the top of the tree): made once the units stand.
  await d.reportingPeriod.createMany({
    data: [
      { code: 'tong-ket', name: 'Tổng kết', kind: 'FINAL', startDate: new Date('2026-05-01'), endDate: new Date('2027-02-28') },
      { code: 'dot-2', name: 'Sơ kết đợt 2', kind: 'INTERIM', startDate: new Date('2026-09-01'), endDate: new Date('2026-09-30') },
      { code: 'dot-1', name: 'Sơ kết đợt 1', kind: 'INTERIM', startDate: new Date('2026-05-01'), endDate: new Date('2026-08-31'), lockedAt: new Date('2026-09-05T09:00:00Z') },
    ],
  })

  const staff = await make.user({ role: 'STAFF', unitId: minhCam.id })
  const group = await make.group()
  const task = await make.task({ groupId: group.id })
  const withdrawn = await d.task.update({ where: { id: (await make.task({ groupId: group.id })).id }, data: { active: false } })
  const assign = (unitId: string, taskId = task.id) => make.assignment({ taskId, unitId })
  const report = (assignmentId: string, at: string, reviewState: 'CONFIRMED' | 'RETURNED' = 'CONFIRMED') =>
    d.statusUpdate.create({ data: { assignmentId, authorId: staff.id, status: 'IN_PROGRESS', progress: 10, createdAt: new Date(at), reviewState } })

  // Period dot-2 runs 01/09-30/09 in Ba Chẽ (UTC+7).
  // Minh Cầm: 00:10 on 1 September in Ba Chẽ (31 August in UTC): inside.
  await report((await assign(minhCam.id)).id, '2026-08-31T17:10:00Z')
  // Đạp Thanh: 23:50 on 31 August and 00:30 on 1 October in Ba Chẽ: both outside.
  const dapThanhWork = await assign(dapThanh.id)
  await report(dapThanhWork.id, '2026-08-31T16:50:00Z')
  await report(dapThanhWork.id, '2026-09-30T17:30:00Z')
  // Nam Sơn: 23:50 on 30 September, returned: the unit did report.
  await report((await assign(namSon.id)).id, '2026-09-30T16:50:00Z', 'RETURNED')
  // The agency has work and no report.
  await assign(agency.id)
  // Not expected to report: a closed commune (even though it reported), a commune whose only task was withdrawn.
  await report((await assign(closed.id)).id, '2026-09-10T03:00:00Z')
  await report((await assign(withdrawnOnly.id, withdrawn.id)).id, '2026-09-10T03:00:00Z')
})

afterAll(async () => {
  await db().$disconnect()
})

describe('reportingRate', () => {
  it('counts the units with work, and those of them that reported inside the period by the Ba Chẽ calendar', async () => {
    const rate = await reportingRate('2026-09-01', '2026-09-30', '2026-09-30', 10, Prisma.sql`true`)
    expect(rate).toEqual({
      expected: 4,
      reported: 2,
      // Communes before agencies, then in the district's order.
      missing: [
        { code: 'dap-thanh', name: 'Đơn vị dap-thanh' },
        { code: 'phong-gd', name: 'Đơn vị phong-gd' },
      ],
    })
  })

  it('caps the list of units that have not reported, not the counts', async () => {
    expect(await reportingRate('2026-09-01', '2026-09-30', '2026-09-30', 1, Prisma.sql`true`)).toEqual({ expected: 4, reported: 2, missing: [{ code: 'dap-thanh', name: 'Đơn vị dap-thanh' }] })
  })

  it('finds that nobody reported in a period with no reports', async () => {
    const rate = await reportingRate('2027-01-01', '2027-01-31', '2027-01-31', 10, Prisma.sql`true`)
    expect(rate).toMatchObject({ expected: 4, reported: 0 })
    expect(rate.missing).toHaveLength(4)
  })

  it('counts a report sent in the period on a task withdrawn since', async () => {
    const d = database.db
    const unit = await d.unit.create({ data: { code: 'luong-mong', name: 'Đơn vị luong-mong', kind: 'COMMUNE', sortOrder: 6 } })
    const [task, withdrawn] = await Promise.all([d.task.findFirstOrThrow({ where: { active: true } }), d.task.findFirstOrThrow({ where: { active: false } })])
    await d.assignment.create({ data: { unitId: unit.id, taskId: task.id } })
    const old = await d.assignment.create({ data: { unitId: unit.id, taskId: withdrawn.id } })
    const author = await d.user.findFirstOrThrow()
    await d.statusUpdate.create({ data: { assignmentId: old.id, authorId: author.id, status: 'DONE', progress: 100, createdAt: new Date('2026-09-15T02:00:00Z') } })
    expect(await reportingRate('2026-09-01', '2026-09-30', '2026-09-30', 10, Prisma.sql`true`)).toMatchObject({ expected: 5, reported: 3 })
  })
})

describe('reportingPeriods', () => {
  it('lists the periods oldest first, with their days and lock', async () => {
    const periods = await reportingPeriods(fullReader)
    expect(periods.map((p) => [p.code, p.startDay, p.endDay])).toEqual([
      ['dot-1', '2026-05-01', '2026-08-31'],
      ['tong-ket', '2026-05-01', '2027-02-28'],
      ['dot-2', '2026-09-01', '2026-09-30'],
    ])
    expect(periods[0]?.lockedAt).toEqual(new Date('2026-09-05T09:00:00Z'))
    expect(periods[1]).toMatchObject({ name: 'Tổng kết', kind: 'FINAL', lockedAt: null })
  })
})

describe('choosePeriod', () => {
  const period = (code: string, startDay: string, endDay: string): ReportingPeriod => ({ code, name: code, kind: 'INTERIM', startDay, endDay, lockedAt: null })
  const periods = [period('dot-1', '2026-05-01', '2026-08-31'), period('tong-ket', '2026-05-01', '2027-02-28'), period('dot-2', '2026-09-01', '2026-12-20')]
  const chosen = (code: string | undefined, today: string) => {
    const choice = choosePeriod(periods, code, today)
    return [choice.period?.code ?? null, choice.unknownCode]
  }

  it('takes the period asked for, even one that is over', () => {
    expect(chosen('dot-1', '2026-11-28')).toEqual(['dot-1', null])
  })

  it('by default takes the period containing today that started last', () => {
    expect(chosen(undefined, '2026-11-28')).toEqual(['dot-2', null])
    expect(chosen(undefined, '2026-08-31')).toEqual(['dot-1', null])
  })

  it('says when the code asked for is unknown, and shows the default', () => {
    expect(chosen('dot-9', '2026-11-28')).toEqual(['dot-2', 'dot-9'])
  })

  it('after every period takes the one that started last; before any, the first to come', () => {
    expect(chosen(undefined, '2027-03-10')).toEqual(['dot-2', null])
    expect(chosen(undefined, '2026-01-01')).toEqual(['dot-1', null])
    expect(choosePeriod([], undefined, '2026-11-28')).toEqual({ period: null, unknownCode: null })
  })

  it('reads ?period from the address, ignoring what is malformed', () => {
    expect(periodParamsSchema.parse({ period: 'dot-2' })).toEqual({ period: 'dot-2' })
    expect(periodParamsSchema.parse({ period: ['dot-1', 'dot-2'] })).toEqual({ period: undefined })
    expect(periodParamsSchema.parse({ period: '' })).toEqual({ period: undefined })
    expect(periodParamsSchema.parse({})).toEqual({ period: undefined })
  })
})
