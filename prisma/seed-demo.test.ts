// The Ba Chẽ demo, as a specification: the district of the article, its figures, every status a
// leader must be able to see, and accounts to sign in with. Numbers are worked out by hand here.
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '@/lib/auth/password'
import type { PrismaClient } from '@/lib/db/client'
import { displayStatus, isDueSoon } from '@/lib/domain/status'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { fromKeptCounts } from '@/lib/queries/progress-source'
import { chosenCycle, unitAssignmentCycles } from '@/lib/queries/report-cycles'
import { testDatabase } from '@/test/helpers/database'
import { seedDemoData } from './seed-demo'

const PASSWORD = 'mat-khau-demo-2026'
// 03:00 on 29/11/2026 in Ba Chẽ while it is still 28/11 in UTC: the demo counts days as the district does.
const TODAY = new Date('2026-11-28T20:00:00Z')
const MIDNIGHT_IN_BA_CHE = new Date('2026-11-28T17:00:00Z')

const COMMUNE_CODES = ['thi-tran-ba-che', 'dap-thanh', 'thanh-lam', 'thanh-son', 'don-dac', 'nam-son', 'luong-mong', 'minh-cam']
const AGENCY_CODES = ['to-chuc-noi-vu', 'van-phong-huyen-uy', 'ban-tuyen-giao', 'phong-gd-dt', 'phong-tc-kh', 'trung-tam-truyen-thong']

const database = testDatabase()
beforeAll(() => seedDemoData(database.db, { password: PASSWORD, today: TODAY }))

const day = (date: Date) => date.toISOString().slice(0, 10)
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

async function countRows(db: PrismaClient) {
  const [units, members, taskGroups, tasks, reportingPeriods, users, assignments, statusUpdates, auditEvents] =
    await db.$transaction([
      db.unit.count(),
      db.member.count(),
      db.taskGroup.count(),
      db.task.count(),
      db.reportingPeriod.count(),
      db.user.count(),
      db.assignment.count(),
      db.statusUpdate.count(),
      db.auditEvent.count(),
    ])
  return { units, members, taskGroups, tasks, reportingPeriods, users, assignments, statusUpdates, auditEvents }
}

/** Each unit's reported figure for a task, by unit code. */
async function actualsOf(taskCode: string): Promise<Record<string, number>> {
  const rows = await database.db.assignment.findMany({
    where: { task: { code: taskCode } },
    select: { status: true, indicatorActual: true, unit: { select: { code: true } } },
  })
  expect(rows.every((r) => r.status === 'DONE')).toBe(true)
  return Object.fromEntries(rows.map((r) => [r.unit.code, r.indicatorActual?.toNumber() ?? Number.NaN]))
}

describe('the district', () => {
  it('is Ba Chẽ, in Quảng Ninh, with its 8 commune-level units, 6 district agencies and the 6 villages of Minh Cầm', async () => {
    const units = await database.db.unit.findMany({ include: { parent: { select: { code: true } } } })
    const byKind = (kind: string) => units.filter((u) => u.kind === kind)

    expect(byKind('PROVINCE').map((u) => [u.code, u.name, u.parent])).toEqual([['quang-ninh', 'Tỉnh Quảng Ninh', null]])
    expect(byKind('DISTRICT').map((u) => [u.code, u.name, u.parent])).toEqual([['ba-che', 'Huyện Ba Chẽ', { code: 'quang-ninh' }]])
    expect(byKind('TOWNSHIP').map((u) => [u.code, u.name])).toEqual([['thi-tran-ba-che', 'Thị trấn Ba Chẽ']])
    expect(byKind('COMMUNE').map((u) => u.name).sort()).toEqual(
      ['Xã Đạp Thanh', 'Xã Thanh Lâm', 'Xã Thanh Sơn', 'Xã Đồn Đạc', 'Xã Nam Sơn', 'Xã Lương Mông', 'Xã Minh Cầm'].sort(),
    )
    expect([...byKind('TOWNSHIP'), ...byKind('COMMUNE'), ...byKind('AGENCY')].every((u) => u.parent?.code === 'ba-che')).toBe(true)
    expect(byKind('AGENCY').filter((u) => u.active).map((u) => u.code).sort()).toEqual([...AGENCY_CODES].sort())
    expect(units.find((u) => u.code === 'to-chuc-noi-vu')?.name).toBe('Cơ quan Tổ chức - Nội vụ huyện')
    expect(byKind('VILLAGE').map((u) => u.parent?.code)).toEqual(Array(6).fill('minh-cam'))
    // 1 province + 1 district + 8 commune-level units + 6 agencies + 6 villages, and the 2 agencies merged in 2018.
    expect(units).toHaveLength(24)
    expect(units.filter((u) => !u.active).map((u) => u.code).sort()).toEqual(['ban-to-chuc-huyen-uy', 'phong-noi-vu'])
    expect(units.filter((u) => !unitCodeSchema.safeParse(u.code).success)).toEqual([])
  })

  it('shows one past merge: two agencies into Cơ quan Tổ chức - Nội vụ huyện on 01/03/2018, with no account left on them', async () => {
    const change = await database.db.unitChange.findFirstOrThrow({ where: { kind: 'MERGE' }, include: { parts: { orderBy: [{ side: 'asc' }, { code: 'asc' }] } } })
    expect(change.effectiveDate.toISOString().slice(0, 10)).toBe('2018-03-01')
    expect(change.parts.map((p) => [p.side, p.code])).toEqual([
      ['BEFORE', 'ban-to-chuc-huyen-uy'],
      ['BEFORE', 'phong-noi-vu'],
      ['AFTER', 'to-chuc-noi-vu'],
    ])
    expect(await database.db.user.count({ where: { unit: { code: { in: ['ban-to-chuc-huyen-uy', 'phong-noi-vu'] } } } })).toBe(0)
  })

  it('puts every commune-level unit in the charge of a standing-committee member', async () => {
    const communes = await database.db.unit.findMany({
      where: { kind: { in: ['COMMUNE', 'TOWNSHIP'] } },
      select: { code: true, inChargeMember: { select: { code: true } } },
    })
    expect(communes.map((c) => c.code).sort()).toEqual([...COMMUNE_CODES].sort())
    expect(communes.filter((c) => !c.inChargeMember)).toEqual([])
    // The article's Minh Cầm is followed by the district Party secretary in this demo.
    expect(communes.find((c) => c.code === 'minh-cam')?.inChargeMember?.code).toBe('bi-thu')
  })

  it('has 8 standing-committee members and 7 task groups, each group led by one of them', async () => {
    const members = await database.db.member.findMany({ select: { code: true, title: true } })
    expect(members).toHaveLength(8)
    expect(members.find((m) => m.code === 'bi-thu')?.title).toMatch(/^Bí thư Huyện ủy/)

    const groups = await database.db.taskGroup.findMany({ select: { code: true, leadMember: { select: { code: true } } } })
    expect(groups).toHaveLength(7)
    expect(groups.filter((g) => !g.leadMember)).toEqual([])
  })

  it('has the interim and final review periods laid out on the Ba Chẽ calendar', async () => {
    const periods = await database.db.reportingPeriod.findMany({ orderBy: { code: 'asc' } })
    // Today is 29/11/2026 in Ba Chẽ: 200 days earlier is 13/05/2026, 20 days later 19/12/2026.
    expect(periods.map((p) => [p.code, p.kind, day(p.startDate), day(p.endDate), p.lockedAt?.toISOString() ?? null])).toEqual([
      ['so-ket-dot-1', 'INTERIM', '2026-05-13', '2026-08-10', '2026-08-21T09:30:00.000Z'],
      ['so-ket-dot-2', 'INTERIM', '2026-08-11', '2026-12-19', null],
      ['tong-ket', 'FINAL', '2026-05-13', '2027-02-27', null],
    ])
  })
})

describe('tasks and assignments', () => {
  it('assigns each district task to one agency and each commune task to all 8 commune-level units', async () => {
    const tasks = await database.db.task.findMany({
      select: { code: true, scope: true, assignments: { select: { unit: { select: { code: true, kind: true } } } } },
    })
    expect(tasks.length).toBeGreaterThanOrEqual(25)
    expect(tasks.length).toBeLessThanOrEqual(40)
    for (const task of tasks) {
      const units = task.assignments.map((a) => a.unit)
      if (task.scope === 'DISTRICT') expect(units.map((u) => u.kind), task.code).toEqual(['AGENCY'])
      else expect(units.map((u) => u.code).sort(), task.code).toEqual([...COMMUNE_CODES].sort())
    }
    // 15 commune tasks × 8 units + 20 district tasks × 1 agency.
    expect(await database.db.assignment.count()).toBe(15 * 8 + 20)
  })
})

describe('indicators add up to the article’s results', () => {
  it('8 agencies, units and focal points fewer; 9 heads and 12 deputies fewer', async () => {
    expect(await actualsOf('giam-dau-moi')).toEqual({ 'to-chuc-noi-vu': 8 })
    expect(await actualsOf('giam-cap-truong')).toEqual({ 'to-chuc-noi-vu': 9 })
    expect(await actualsOf('giam-cap-pho')).toEqual({ 'to-chuc-noi-vu': 12 })
  })

  it('18 school sites and 33 classes fewer, over the 8 commune-level units', async () => {
    const sites = await actualsOf('giam-diem-truong')
    const classes = await actualsOf('giam-lop-hoc')
    expect(Object.keys(sites).sort()).toEqual([...COMMUNE_CODES].sort())
    expect(sum(Object.values(sites))).toBe(18)
    expect(sum(Object.values(classes))).toBe(33)
  })

  it('the Party secretary also chairs the People’s Committee in 4 of 8 communes (50%), the People’s Council in 1 of 8', async () => {
    const committee = await actualsOf('bi-thu-kiem-chu-tich-ubnd')
    expect(Object.values(committee).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
    expect(sum(Object.values(committee)) / Object.keys(committee).length).toBe(0.5)

    const council = await actualsOf('bi-thu-kiem-chu-tich-hdnd')
    expect(Object.keys(council)).toHaveLength(8)
    // The article: Minh Cầm's Party secretary is also chairman of its People's Council.
    expect(Object.entries(council).filter(([, v]) => v === 1)).toEqual([['minh-cam', 1]])
  })

  it('Minh Cầm merged 5 of its 12 semi-professional posts', async () => {
    expect((await actualsOf('kiem-nhiem-ban-chuyen-trach'))['minh-cam']).toBe(5)
    const minhCam = await database.db.assignment.findFirstOrThrow({
      where: { task: { code: 'kiem-nhiem-ban-chuyen-trach' }, unit: { code: 'minh-cam' } },
      select: { updates: { orderBy: { createdAt: 'desc' }, take: 1, select: { note: true } } },
    })
    expect(minhCam.updates[0]?.note).toContain('5/12')
  })

  it('every Party cell secretary of a village is also its head (100%); in Minh Cầm, 6 cells in 6 villages', async () => {
    const task = await database.db.task.findUniqueOrThrow({ where: { code: 'bi-thu-chi-bo-kiem-truong-thon' } })
    const cells = await actualsOf('bi-thu-chi-bo-kiem-truong-thon')
    expect(sum(Object.values(cells))).toBe(task.indicatorTarget?.toNumber())
    expect(cells['minh-cam']).toBe(6)
    expect(await database.db.unit.count({ where: { kind: 'VILLAGE', parent: { code: 'minh-cam' } } })).toBe(6)
  })

  it('gives Minh Cầm’s profile as the article does: 74 Party members in 6 cells, on 24/06/2020', async () => {
    const figures = await database.db.unitFigure.findMany({ where: { unit: { code: 'minh-cam' } }, select: { kind: true, value: true, asOf: true } })
    expect(figures.map((f) => [f.kind, f.value, day(f.asOf)]).sort()).toEqual([
      ['PARTY_CELLS', 6, '2020-06-24'],
      ['PARTY_MEMBERS', 74, '2020-06-24'],
      ['VILLAGES', 6, '2020-06-24'],
    ])
  })

  it('counts Minh Cầm’s posts against its own target of 12, and each commune’s against its own', async () => {
    const rows = await database.db.assignment.findMany({
      where: { task: { code: 'kiem-nhiem-ban-chuyen-trach', indicatorKind: 'PER_UNIT' } },
      select: { indicatorTarget: true, unit: { select: { code: true } }, task: { select: { indicatorTarget: true } } },
    })
    const targets = Object.fromEntries(rows.map((r) => [r.unit.code, r.indicatorTarget?.toNumber()]))
    expect(targets['minh-cam']).toBe(12)
    expect(sum(Object.values(targets).map(Number))).toBe(rows[0]?.task.indicatorTarget?.toNumber())
  })

  it('has every indicator task done; a sum’s actuals add up to its target, a condition is answered 1 or 0', async () => {
    const tasks = await database.db.task.findMany({
      where: { indicatorUnit: { not: null } },
      select: { code: true, indicatorKind: true, indicatorTarget: true, assignments: { select: { status: true, indicatorActual: true } } },
    })
    expect(tasks.map((t) => t.code).sort()).toEqual(
      [
        'giam-dau-moi',
        'giam-cap-truong',
        'giam-cap-pho',
        'giam-diem-truong',
        'giam-lop-hoc',
        'bi-thu-kiem-chu-tich-ubnd',
        'bi-thu-kiem-chu-tich-hdnd',
        'kiem-nhiem-ban-chuyen-trach',
        'bi-thu-chi-bo-kiem-truong-thon',
      ].sort(),
    )
    for (const task of tasks) {
      expect(task.assignments.every((a) => a.status === 'DONE'), task.code).toBe(true)
      const actuals = task.assignments.map((a) => a.indicatorActual?.toNumber() ?? 0)
      if (task.indicatorKind === 'SUM') expect(sum(actuals), task.code).toBe(task.indicatorTarget?.toNumber())
      if (task.indicatorKind === 'CONDITION') expect(actuals.every((a) => a === 0 || a === 1), task.code).toBe(true)
    }
    expect(tasks.filter((t) => t.indicatorKind === 'CONDITION').map((t) => t.code).sort()).toEqual(['bi-thu-kiem-chu-tich-hdnd', 'bi-thu-kiem-chu-tich-ubnd'])
  })
})

describe('statuses, relative to the day of seeding', () => {
  async function timings() {
    const rows = await database.db.assignment.findMany({
      select: { status: true, completedAt: true, task: { select: { dueDate: true } } },
    })
    return rows.map((r) => ({ status: r.status, completedAt: r.completedAt, dueDate: r.task.dueDate }))
  }

  it('shows every recorded status: not started, in progress, done and blocked', async () => {
    const statuses = new Set((await timings()).map((a) => a.status))
    expect([...statuses].sort()).toEqual(['BLOCKED', 'DONE', 'IN_PROGRESS', 'NOT_STARTED'])
  })

  it('shows work done on time and done late, overdue, blocked, in progress and not started within deadline', async () => {
    const shown = new Set((await timings()).map((a) => displayStatus(a, TODAY)))
    expect([...shown].sort()).toEqual(['blocked', 'doneLate', 'doneOnTime', 'inProgress', 'notStarted', 'overdue'])
  })

  it('has unfinished work due within the next 14 days', async () => {
    expect((await timings()).filter((a) => isDueSoon(a, TODAY)).length).toBeGreaterThan(0)
  })

  it('reports monthly by day 25 on two commune tasks and quarterly on one; Nam Sơn alone missed November, the last month closed', async () => {
    const source = fromKeptCounts('2026-11-29')
    expect(await chosenCycle(source, undefined, 20)).toMatchObject({ cycle: { key: '2026-11' }, rate: { expected: 8, reported: 7, missing: [{ code: 'nam-son', name: 'Xã Nam Sơn' }] } })
    expect((await chosenCycle(source, '2026-10', 20))?.rate).toEqual({ expected: 8, reported: 8, missing: [] })
    expect((await chosenCycle(source, '2026-Q3', 20))?.rate).toEqual({ expected: 1, reported: 1, missing: [] })
    const namSon = await database.db.unit.findUniqueOrThrow({ where: { code: 'nam-son' } })
    const states = [...(await unitAssignmentCycles(source, namSon.id)).values()].map((c) => c.last?.state)
    expect(states).toContain('missing')
  })

  it('dates every report before today and every review between its report and today', async () => {
    const updates = await database.db.statusUpdate.findMany({ select: { createdAt: true, reviewedAt: true } })
    // The plan was issued on 13/05/2026, 200 days before 29/11/2026, at 08:00 in Ba Chẽ.
    const planIssued = new Date('2026-05-13T01:00:00Z')
    expect(updates.filter((u) => u.createdAt < planIssued || u.createdAt >= MIDNIGHT_IN_BA_CHE)).toEqual([])
    expect(updates.filter((u) => u.reviewedAt && (u.reviewedAt <= u.createdAt || u.reviewedAt >= MIDNIGHT_IN_BA_CHE))).toEqual([])
  })
})

describe('history', () => {
  it('gives each assignment the current state of its latest update that was not returned', async () => {
    const assignments = await database.db.assignment.findMany({ include: { updates: { orderBy: { createdAt: 'asc' } } } })
    const current = assignments.map((a) => ({
      id: a.id,
      status: a.status,
      progress: a.progress,
      indicatorActual: a.indicatorActual?.toString() ?? null,
      version: a.version,
      completedAt: a.completedAt,
      lastUpdateAt: a.lastUpdateAt,
      lastUpdateById: a.lastUpdateById,
    }))
    const fromHistory = assignments.map((a) => {
      const latest = a.updates.findLast((u) => u.reviewState !== 'RETURNED')
      const returnedLast = a.updates.at(-1)?.reviewState === 'RETURNED'
      return {
        id: a.id,
        status: latest?.status ?? 'NOT_STARTED',
        progress: latest?.progress ?? 0,
        indicatorActual: latest?.indicatorActual?.toString() ?? null,
        version: a.updates.length + (returnedLast ? 1 : 0),
        completedAt: latest?.status === 'DONE' ? latest.createdAt : null,
        lastUpdateAt: latest?.createdAt ?? null,
        lastUpdateById: latest?.authorId ?? null,
      }
    })
    expect(current).toEqual(fromHistory)
  })

  it('makes the member in charge of the commune, or the group lead for a district task, responsible', async () => {
    const assignments = await database.db.assignment.findMany({
      select: {
        responsibleMemberId: true,
        unit: { select: { inChargeMemberId: true } },
        task: { select: { scope: true, group: { select: { leadMemberId: true } } } },
      },
    })
    const wrong = assignments.filter(
      (a) => a.responsibleMemberId !== (a.task.scope === 'COMMUNE' ? a.unit.inChargeMemberId : a.task.group.leadMemberId),
    )
    expect(wrong).toEqual([])
  })

  it("has reports written by the unit's own account (staff, or the Party Office for its own), reviewed only by the member responsible", async () => {
    const updates = await database.db.statusUpdate.findMany({
      select: {
        reviewState: true,
        reviewedBy: { select: { memberId: true } },
        reviewedAt: true,
        reviewNote: true,
        author: { select: { role: true, unitId: true } },
        assignment: { select: { unitId: true, responsibleMemberId: true } },
      },
    })
    expect(updates.filter((u) => !['STAFF', 'OFFICE'].includes(u.author.role) || u.author.unitId !== u.assignment.unitId)).toEqual([])
    const byState = (state: string) => updates.filter((u) => u.reviewState === state)
    expect(byState('CONFIRMED').length).toBeGreaterThan(0)
    expect(byState('PENDING').length).toBeGreaterThan(0)
    expect(byState('RETURNED').length).toBeGreaterThanOrEqual(1)
    expect(byState('RETURNED').length).toBeLessThanOrEqual(3)
    expect(
      [...byState('CONFIRMED'), ...byState('RETURNED')].filter(
        (u) => u.reviewedBy?.memberId !== u.assignment.responsibleMemberId || !u.reviewedAt,
      ),
    ).toEqual([])
    expect(byState('RETURNED').filter((u) => !u.reviewNote)).toEqual([])
    expect(byState('PENDING').filter((u) => u.reviewedBy || u.reviewedAt || u.reviewNote)).toEqual([])
  })
})

describe('accounts', () => {
  it('lets the administrator, every member, the Party Office and the staff of every reporting unit sign in', async () => {
    const users = await database.db.user.findMany({
      select: { username: true, role: true, unit: { select: { code: true } }, member: { select: { code: true } } },
    })
    const summary = (role: string) =>
      users
        .filter((u) => u.role === role)
        .map((u) => [u.username, u.unit.code, u.member?.code ?? null])
        .sort()

    expect(summary('ADMIN')).toEqual([['admin', 'ba-che', null]])
    const memberCodes = (await database.db.member.findMany({ select: { code: true } })).map((m) => m.code)
    expect(summary('LEADER')).toEqual(memberCodes.map((code) => [code, 'ba-che', code]).sort())
    // Staff sign in with their unit's code: 8 commune-level units and 5 agencies; the Party Office's account is OFFICE.
    expect(summary('STAFF')).toEqual([...COMMUNE_CODES, ...AGENCY_CODES.filter((code) => code !== 'van-phong-huyen-uy')].map((code) => [code, code, null]).sort())
    expect(summary('OFFICE')).toEqual([['van-phong-huyen-uy', 'van-phong-huyen-uy', null]])
    expect(users.filter((u) => u.username !== u.username.toLowerCase())).toEqual([])
  })

  it('gives every demo account the demo password', async () => {
    const hashes = await database.db.user.groupBy({ by: ['passwordHash'], _count: true })
    expect(hashes).toHaveLength(1)
    const hash = hashes[0]?.passwordHash ?? ''
    expect(await verifyPassword(hash, PASSWORD)).toBe(true)
    expect(await verifyPassword(hash, 'mat-khau-sai-2026')).toBe(false)
  })
})

// Last: these seed the database again.
describe('seeding again', () => {
  it('changes no row count and rewrites no history', async () => {
    const before = await countRows(database.db)
    const updatesBefore = await database.db.statusUpdate.findMany({ orderBy: { id: 'asc' } })
    await seedDemoData(database.db, { password: PASSWORD, today: TODAY })
    expect(await countRows(database.db)).toEqual(before)
    expect(await database.db.statusUpdate.findMany({ orderBy: { id: 'asc' } })).toEqual(updatesBefore)
  })

  it('keeps what staff have reported since and adds no demo history to it', async () => {
    const assignment = await database.db.assignment.findFirstOrThrow({
      where: { task: { code: 'danh-gia-xep-loai' }, unit: { code: 'dap-thanh' } },
    })
    expect(assignment.version).toBe(0)
    const staff = await database.db.user.findUniqueOrThrow({ where: { username: 'dap-thanh' } })
    const reportedAt = new Date('2026-11-28T21:00:00Z')
    await database.db.statusUpdate.create({
      data: { assignmentId: assignment.id, authorId: staff.id, status: 'IN_PROGRESS', progress: 10, note: 'Đã họp triển khai.', createdAt: reportedAt },
    })
    await database.db.assignment.update({
      where: { id: assignment.id },
      data: { status: 'IN_PROGRESS', progress: 10, version: 1, lastUpdateAt: reportedAt, lastUpdateById: staff.id },
    })

    await seedDemoData(database.db, { password: PASSWORD, today: TODAY })

    const after = await database.db.assignment.findUniqueOrThrow({ where: { id: assignment.id }, include: { updates: true } })
    expect([after.status, after.progress, after.version, after.updates.length]).toEqual(['IN_PROGRESS', 10, 1, 1])
  })

  it('restores the demo records and gives the accounts the latest demo password', async () => {
    await database.db.unit.update({ where: { code: 'minh-cam' }, data: { name: 'Xã Minh Cầm (đã sửa)', inChargeMemberId: null } })

    await seedDemoData(database.db, { password: 'mat-khau-moi-2026', today: TODAY })

    const minhCam = await database.db.unit.findUniqueOrThrow({ where: { code: 'minh-cam' }, include: { inChargeMember: true } })
    expect([minhCam.name, minhCam.inChargeMember?.code]).toEqual(['Xã Minh Cầm', 'bi-thu'])
    const staff = await database.db.user.findUniqueOrThrow({ where: { username: 'minh-cam' } })
    expect(await verifyPassword(staff.passwordHash, 'mat-khau-moi-2026')).toBe(true)
    expect(await verifyPassword(staff.passwordHash, PASSWORD)).toBe(false)
  })
})
