// Loads the Ba Chẽ demo (./demo-data.ts) into a migrated database, in one transaction.
// Idempotent: rows are matched on their stable keys (codes, usernames, task and unit); missing
// rows go in with one statement per table and changed ones are updated. Status updates are
// append-only (a trigger refuses deletes), so history is written only for assignments that have
// none, and the dates that history was laid out against (due dates, periods) are set only once.
import { hashPassword } from '../lib/auth/password.ts'
import { Prisma, type PrismaClient } from '../lib/db/client.ts'
import type { ReviewState, Role, TaskStatus, UnitKind } from '../lib/db/generated/enums.ts'
import { addDays, daysBetween, districtDay, type CalendarDay } from '../lib/domain/calendar.ts'
import { lastClosedCycle, previousCycle, type Cadence } from '../lib/domain/report-cycle.ts'
import {
  ADMIN,
  AGENCIES,
  COMMUNES,
  DISTRICT,
  GROUPS,
  MEMBERS,
  MISSED_LAST_CYCLE,
  OFFICE_UNIT,
  PAST_MERGE,
  PERIODS,
  PROGRAMME_START_DAY,
  PROVINCE,
  TASKS,
  UNIT_FIGURES,
  VILLAGES,
  type Indicator,
  type Outcome,
  type Review,
} from './demo-data.ts'

/** Rows per table after seeding. */
export type SeedCounts = {
  units: number
  members: number
  taskGroups: number
  tasks: number
  reportingPeriods: number
  users: number
  assignments: number
  statusUpdates: number
}

type Tx = Prisma.TransactionClient
type Ids = Map<string, string>

export async function seedDemoData(db: PrismaClient, options: { password: string; today?: Date }): Promise<SeedCounts> {
  const days = calendarFrom(districtDay(options.today ?? new Date()))
  // One hash for every demo account: they share the password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(options.password)
  await db.$transaction(
    async (tx) => {
      const members = await upsertMembers(tx)
      const units = await upsertUnits(tx, members)
      // The standing committee is the district's: members are read where the district is.
      await tx.member.updateMany({ where: { id: { in: [...members.values()] } }, data: { unitId: idOf(units, DISTRICT.code) } })
      // The demo's groups, tasks and periods are Ba Chẽ's own, which its administrator (at the district) manages.
      const groups = await upsertGroups(tx, members, idOf(units, DISTRICT.code))
      const tasks = await upsertTasks(tx, groups, days)
      await upsertPeriods(tx, days, idOf(units, DISTRICT.code))
      const users = await upsertUsers(tx, units, members, passwordHash)
      await recordPastMerge(tx, units, idOf(users, ADMIN.username))
      await upsertAssignments(tx, assignmentPlans({ members, units, tasks, users }, days), days)
      await addUnitFigures(tx, units, idOf(users, ADMIN.username))
    },
    { timeout: 60_000 },
  )
  return countRows(db)
}

// ---------------------------------------------------------------------------------------------
// Days relative to the seeding day, on the district's calendar.

type Calendar = {
  /** The district day of offset 0. */
  today: CalendarDay
  /** The value of a DATE column `offset` days from today. */
  date(offset: number): Date
  /** The instant `minutes` past midnight in Ba Chẽ, `offset` days from today. */
  at(offset: number, minutes: number): Date
}

const MS_PER_DAY = 86_400_000

function calendarFrom(today: CalendarDay): Calendar {
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * MS_PER_DAY).toISOString().slice(0, 10)
  const two = (n: number) => String(n).padStart(2, '0')
  return {
    today,
    date: (offset) => new Date(`${day(offset)}T00:00:00Z`),
    // Việt Nam keeps UTC+7 all year (no daylight saving).
    at: (offset, minutes) => new Date(`${day(offset)}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00+07:00`),
  }
}

// ---------------------------------------------------------------------------------------------
// Matching rows on a stable key.

type Row = Record<string, unknown>

/**
 * Makes the stored rows match `rows`, matched on `key`: inserts the missing ones in one statement
 * and updates those whose fields differ, leaving `createOnly` fields as first written.
 * Returns the id of every row by its key.
 */
async function upsertByKey<R extends Row, S extends { id: string } & { [F in keyof R]: unknown }>(
  rows: readonly R[],
  key: keyof R & string,
  store: {
    find: (keys: string[]) => Promise<S[]>
    create: (rows: R[]) => Promise<S[]>
    update: (id: string, changes: Partial<R>) => Promise<unknown>
  },
  createOnly: readonly (keyof R)[] = [],
): Promise<Ids> {
  const stored = new Map((await store.find(rows.map((r) => String(r[key])))).map((s) => [String(s[key]), s]))
  const created = await store.create(rows.filter((r) => !stored.has(String(r[key]))))
  for (const row of rows) {
    const existing = stored.get(String(row[key]))
    const changes = existing && changedFields(existing, row, createOnly)
    if (existing && changes) await store.update(existing.id, changes)
  }
  return new Map([...stored.values(), ...created].map((s) => [String(s[key]), s.id]))
}

function changedFields<R extends Row>(stored: { [F in keyof R]: unknown }, wanted: R, createOnly: readonly (keyof R)[]): Partial<R> | null {
  const changes: Partial<R> = {}
  for (const field of Object.keys(wanted) as (keyof R)[]) {
    if (!createOnly.includes(field) && !sameValue(stored[field], wanted[field])) changes[field] = wanted[field]
  }
  return Object.keys(changes).length > 0 ? changes : null
}

function sameValue(stored: unknown, wanted: unknown): boolean {
  // DECIMAL columns come back as Decimal objects; the demo data holds plain numbers.
  if (stored instanceof Prisma.Decimal) return typeof wanted === 'number' && stored.equals(wanted)
  return stored === wanted
}

function idOf(ids: Ids, key: string): string {
  const id = ids.get(key)
  if (!id) throw new Error(`demo data refers to an unknown record: ${key}`)
  return id
}

// ---------------------------------------------------------------------------------------------
// Members, units, task groups, tasks, periods and accounts.

function upsertMembers(tx: Tx): Promise<Ids> {
  const rows = MEMBERS.map((m, i) => ({ code: m.code, name: m.name, title: m.title, sortOrder: i + 1, active: true }))
  return upsertByKey(rows, 'code', {
    find: (codes) => tx.member.findMany({ where: { code: { in: codes } } }),
    create: (data) => tx.member.createManyAndReturn({ data }),
    update: (id, data) => tx.member.update({ where: { id }, data }),
  })
}

type UnitRow = {
  code: string
  name: string
  kind: UnitKind
  parentId: string | null
  inChargeMemberId: string | null
  sortOrder: number
  active: boolean
}

async function upsertUnits(tx: Tx, members: Ids): Promise<Ids> {
  const upsertLevel = (rows: UnitRow[]) =>
    upsertByKey(rows, 'code', {
      find: (codes) => tx.unit.findMany({ where: { code: { in: codes } } }),
      create: (data) => tx.unit.createManyAndReturn({ data }),
      update: (id, data) => tx.unit.update({ where: { id }, data }),
    })
  // Level by level, so that every parent has its id before its children go in.
  const province = await upsertLevel([{ ...PROVINCE, parentId: null, inChargeMemberId: null, sortOrder: 0, active: true }])
  const district = await upsertLevel([{ ...DISTRICT, parentId: idOf(province, PROVINCE.code), inChargeMemberId: null, sortOrder: 0, active: true }])
  const parentId = idOf(district, DISTRICT.code)
  const communesAndAgencies = await upsertLevel([
    ...COMMUNES.map((c, i) => ({
      code: c.code,
      name: c.name,
      kind: c.kind,
      parentId,
      inChargeMemberId: idOf(members, c.inCharge),
      sortOrder: i + 1,
      active: true,
    })),
    ...AGENCIES.map((a, i) => ({ ...a, parentId, inChargeMemberId: null, sortOrder: i + 1, active: true })),
    // Merged in 2018 (recordPastMerge): inactive, with no account and no work of this plan.
    ...PAST_MERGE.merged.map((a, i) => ({ ...a, parentId, inChargeMemberId: null, sortOrder: AGENCIES.length + i + 1, active: false })),
  ])
  const villages = await upsertLevel(
    VILLAGES.map((v, i) => ({
      code: v.code,
      name: v.name,
      kind: v.kind,
      parentId: idOf(communesAndAgencies, v.parent),
      inChargeMemberId: null,
      sortOrder: i + 1,
      active: true,
    })),
  )
  return new Map([...province, ...district, ...communesAndAgencies, ...villages])
}

function upsertGroups(tx: Tx, members: Ids, ownerUnitId: string): Promise<Ids> {
  const rows = GROUPS.map((g, i) => ({
    code: g.code,
    name: g.name,
    description: g.description,
    leadMemberId: idOf(members, g.lead),
    ownerUnitId,
    sortOrder: i + 1,
    active: true,
  }))
  return upsertByKey(rows, 'code', {
    find: (codes) => tx.taskGroup.findMany({ where: { code: { in: codes } } }),
    create: (data) => tx.taskGroup.createManyAndReturn({ data }),
    update: (id, data) => tx.taskGroup.update({ where: { id }, data }),
  })
}

function upsertTasks(tx: Tx, groups: Ids, days: Calendar): Promise<Ids> {
  const rows = TASKS.map((t) => ({
    code: t.code,
    groupId: idOf(groups, t.group),
    title: t.title,
    description: t.description,
    scope: t.scope,
    indicatorKind: t.indicator ? (t.indicator.kind ?? 'SUM') : null,
    indicatorUnit: t.indicator?.unit ?? null,
    indicatorBaseline: t.indicator && t.indicator.kind !== 'CONDITION' ? t.indicator.baseline : null,
    indicatorTarget: t.indicator && t.indicator.kind !== 'CONDITION' ? t.indicator.target : null,
    sortOrder: TASKS.filter((other) => other.group === t.group).indexOf(t) + 1,
    active: true,
    reportCadence: t.cadence?.kind ?? null,
    reportDay: t.cadence?.day ?? null,
    dueDate: days.date(t.dueDay),
    createdAt: days.at(PROGRAMME_START_DAY, 8 * 60),
  }))
  return upsertByKey(
    rows,
    'code',
    {
      find: (codes) => tx.task.findMany({ where: { code: { in: codes } } }),
      create: (data) => tx.task.createManyAndReturn({ data }),
      update: (id, data) => tx.task.update({ where: { id }, data }),
    },
    ['dueDate', 'createdAt'],
  )
}

function upsertPeriods(tx: Tx, days: Calendar, ownerUnitId: string): Promise<Ids> {
  const rows = PERIODS.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    startDate: days.date(p.startDay),
    endDate: days.date(p.endDay),
    lockedAt: p.lockedDay === undefined ? null : days.at(p.lockedDay, 16 * 60 + 30),
    ownerUnitId,
  }))
  return upsertByKey(
    rows,
    'code',
    {
      find: (codes) => tx.reportingPeriod.findMany({ where: { code: { in: codes } } }),
      create: (data) => tx.reportingPeriod.createManyAndReturn({ data }),
      update: (id, data) => tx.reportingPeriod.update({ where: { id }, data }),
    },
    ['startDate', 'endDate', 'lockedAt'],
  )
}

type UserRow = {
  username: string
  displayName: string
  role: Role
  unitId: string
  memberId: string | null
  active: boolean
  passwordHash: string
}

/** The accounts, keyed by username: admin, one LEADER per member, one STAFF per unit that reports (OFFICE for the Party Office). */
async function upsertUsers(tx: Tx, units: Ids, members: Ids, passwordHash: string): Promise<Ids> {
  const districtId = idOf(units, DISTRICT.code)
  const rows: UserRow[] = [
    { ...ADMIN, role: 'ADMIN', unitId: districtId, memberId: null, active: true, passwordHash },
    ...MEMBERS.map((m) => ({
      username: m.code,
      displayName: m.name,
      role: 'LEADER' as const,
      unitId: districtId,
      memberId: idOf(members, m.code),
      active: true,
      passwordHash,
    })),
    ...[...COMMUNES, ...AGENCIES].map((u) => ({
      username: u.code,
      // "Cán bộ xã Minh Cầm", "Cán bộ Phòng Giáo dục và Đào tạo".
      displayName: `Cán bộ ${u.kind === 'AGENCY' ? u.name : u.name.charAt(0).toLowerCase() + u.name.slice(1)}`,
      role: u.code === OFFICE_UNIT ? ('OFFICE' as const) : ('STAFF' as const),
      unitId: idOf(units, u.code),
      memberId: null,
      active: true,
      passwordHash,
    })),
  ]
  const ids = await upsertByKey(
    rows,
    'username',
    {
      find: (usernames) => tx.user.findMany({ where: { username: { in: usernames } } }),
      create: (data) => tx.user.createManyAndReturn({ data }),
      update: (id, data) => tx.user.update({ where: { id }, data }),
    },
    ['passwordHash'],
  )
  // The demo password is the one given to the latest seed, for accounts old and new.
  await tx.user.updateMany({ where: { username: { in: rows.map((r) => r.username) } }, data: { passwordHash } })
  return ids
}

/**
 * The past merge as the administration's merge records one (lib/actions/admin/unit-merge.ts): the
 * change with both sides, the merged units' names ending on its day, the successor's beginning
 * then. Once: a later seed finds it.
 */
async function recordPastMerge(tx: Tx, units: Ids, adminId: string): Promise<void> {
  const successorId = idOf(units, PAST_MERGE.successor)
  if (await tx.unitChange.count({ where: { kind: 'MERGE', parts: { some: { unitId: successorId } } } })) return
  const day = new Date(`${PAST_MERGE.effectiveDate}T00:00:00Z`)
  const successor = AGENCIES.find((a) => a.code === PAST_MERGE.successor)
  if (!successor) throw new Error(`the demo's merge: no agency ${PAST_MERGE.successor}`)
  const mergedIds = PAST_MERGE.merged.map((m) => idOf(units, m.code))
  await tx.unitChange.create({
    data: {
      kind: 'MERGE',
      effectiveDate: day,
      reason: PAST_MERGE.reason,
      createdById: adminId,
      appliedAt: day,
      parts: {
        create: [
          ...PAST_MERGE.merged.map((m) => ({ unitId: idOf(units, m.code), side: 'BEFORE' as const, name: m.name, code: m.code })),
          { unitId: successorId, side: 'AFTER', name: successor.name, code: successor.code },
        ],
      },
    },
  })
  await tx.unitName.updateMany({ where: { unitId: { in: mergedIds }, validTo: null }, data: { validTo: day } })
  await tx.unitName.updateMany({ where: { unitId: successorId, validFrom: null }, data: { validFrom: day } })
}

// ---------------------------------------------------------------------------------------------
// Assignments and their history.

type PlannedUpdate = {
  createdAt: Date
  status: TaskStatus
  progress: number
  indicatorActual: number | null
  note: string
  reviewState: ReviewState
  reviewedAt: Date | null
  reviewNote: string | null
}

type AssignmentPlan = {
  taskId: string
  unitId: string
  /** The member in charge of the commune, or the group's lead for a district task. */
  responsibleMemberId: string
  /** That member's account, which reviews the updates. */
  reviewerId: string
  /** The unit's staff account, which reports every update. */
  authorId: string
  /** The unit's own target of a PER_UNIT indicator. */
  indicatorTarget: number | null
  updates: PlannedUpdate[]
}

function assignmentPlans(ids: { members: Ids; units: Ids; tasks: Ids; users: Ids }, days: Calendar): AssignmentPlan[] {
  const leads = new Map<string, string>(GROUPS.map((g) => [g.code, g.lead]))
  const plans: AssignmentPlan[] = []
  for (const task of TASKS) {
    const targets =
      task.scope === 'DISTRICT'
        ? [{ unit: task.unit, member: idOf(leads, task.group), outcome: task.outcome }]
        : COMMUNES.map((c) => ({ unit: c.code, member: c.inCharge, outcome: task.outcomes[c.code], target: task.unitTargets?.[c.code] ?? null }))
    for (const target of targets) {
      const steps = stepsOf(target.outcome, task.indicator)
      plans.push({
        taskId: idOf(ids.tasks, task.code),
        unitId: idOf(ids.units, target.unit),
        responsibleMemberId: idOf(ids.members, target.member),
        reviewerId: idOf(ids.users, target.member), // a member's username is their code
        authorId: idOf(ids.users, target.unit),
        indicatorTarget: 'target' in target ? target.target : null,
        updates: withCycleReports(timed(steps, plans.length, days), task.cadence, target.unit, days),
      })
    }
  }
  return plans
}

type Step = { day: number; status: TaskStatus; progress: number; actual: number | null; note: string; review: Review }

/** Days between a first report and the next: reports in this district come every two weeks or so. */
const STEP_GAP = 14

/** The reports that lead to `outcome`, oldest first. */
function stepsOf(outcome: Outcome, indicator: Indicator | undefined): Step[] {
  const started = (day: number, progress: number, actual: number | null): Step => ({
    day,
    status: 'IN_PROGRESS',
    progress,
    actual,
    note: 'Đã ban hành kế hoạch thực hiện, đang triển khai.',
    review: 'CONFIRMED',
  })
  const halfway = (progress: number) => Math.round(progress / 20) * 10
  const doneNote = (actual: number | undefined) =>
    actual === undefined || !indicator
      ? 'Đã hoàn thành.'
      : indicator.kind === 'CONDITION'
        ? `Đã hoàn thành; ${actual === 1 ? 'đạt' : 'chưa đạt'} chỉ tiêu.`
        : `Đã hoàn thành; kết quả: ${actual} ${indicator.unit}.`
  switch (outcome.status) {
    case 'NOT_STARTED':
      return []
    case 'IN_PROGRESS': {
      const latest: Step = {
        day: outcome.on,
        status: 'IN_PROGRESS',
        progress: outcome.progress,
        actual: null,
        note: outcome.note ?? `Đang triển khai, ước đạt ${outcome.progress}% khối lượng công việc.`,
        review: outcome.review ?? reviewByAge(outcome.on),
      }
      // A small start is one report; a larger one had a first report before it.
      return outcome.progress > 30 ? [started(outcome.on - STEP_GAP, halfway(outcome.progress), null), latest] : [latest]
    }
    case 'BLOCKED':
      return [
        started(outcome.on - STEP_GAP, halfway(outcome.progress), null),
        {
          day: outcome.on,
          status: 'BLOCKED',
          progress: outcome.progress,
          actual: null,
          note: outcome.note,
          review: outcome.review ?? reviewByAge(outcome.on),
        },
      ]
    case 'DONE': {
      const returned = outcome.returnedBefore
      const actual = outcome.actual ?? null
      const steps: Step[] = [started((returned?.on ?? outcome.on) - STEP_GAP, 50, actual === null ? null : Math.floor(actual / 2))]
      if (returned)
        steps.push({
          day: returned.on,
          status: 'DONE',
          progress: 100,
          actual: returned.actual ?? null,
          note: doneNote(returned.actual),
          review: { returned: returned.reviewNote },
        })
      steps.push({
        day: outcome.on,
        status: 'DONE',
        progress: 100,
        actual,
        note: outcome.note ?? doneNote(outcome.actual),
        review: outcome.review ?? reviewByAge(outcome.on),
      })
      return steps
    }
  }
}

/** Members get to a report within days; the last week's reports still wait for them. */
function reviewByAge(day: number): Review {
  return day <= -7 ? 'CONFIRMED' : 'PENDING'
}

/** Gives each report a time in office hours and each review one a day or two later. */
function timed(steps: Step[], seq: number, days: Calendar): PlannedUpdate[] {
  return steps.map((step, i) => {
    const returned = typeof step.review === 'object'
    return {
      createdAt: days.at(step.day, 7 * 60 + 30 + ((seq * 53 + i * 97) % 540)),
      status: step.status,
      progress: step.progress,
      indicatorActual: step.actual,
      note: step.note,
      reviewState: returned ? 'RETURNED' : step.review === 'CONFIRMED' ? 'CONFIRMED' : 'PENDING',
      reviewedAt: step.review === 'PENDING' ? null : days.at(step.day + (returned ? 1 : 2), 14 * 60 + ((seq * 17) % 150)),
      reviewNote: typeof step.review === 'object' ? step.review.returned : null,
    }
  })
}

/**
 * A task reported monthly or quarterly: a report restating the standing state in each of the last two
 * closed cycles (two days before its deadline) that the history left without one; none from
 * MISSED_LAST_CYCLE in the last one; none in a cycle begun after the work was done (it owes none).
 */
function withCycleReports(updates: PlannedUpdate[], cadence: Cadence | undefined, unit: string, days: Calendar): PlannedUpdate[] {
  if (!cadence) return updates
  const last = lastClosedCycle(cadence, days.today)
  const cycles = [previousCycle(cadence, last), ...(unit === MISSED_LAST_CYCLE ? [] : [last])]
  const doneAt = updates.findLast((u) => u.status === 'DONE' && u.reviewState !== 'RETURNED')?.createdAt
  const owed = (cycle: typeof last) => !doneAt || districtDay(doneAt) >= cycle.startDay
  const reported = (cycle: typeof last) => updates.some((u) => districtDay(u.createdAt) >= cycle.startDay && districtDay(u.createdAt) <= cycle.deadline)
  const added = cycles
    .filter((cycle) => owed(cycle) && !reported(cycle))
    .map((cycle): PlannedUpdate => {
      const day = daysBetween(days.today, addDays(cycle.deadline, -2))
      const createdAt = days.at(day, 9 * 60)
      const standing = updates.findLast((u) => u.createdAt < createdAt && u.reviewState !== 'RETURNED')
      // Confirmed the next day: a report that changes nothing waits in no queue.
      return {
        createdAt,
        status: standing?.status ?? 'NOT_STARTED',
        progress: standing?.progress ?? 0,
        indicatorActual: standing?.indicatorActual ?? null,
        note: 'Báo cáo định kỳ: tiến độ không thay đổi so với báo cáo trước.',
        reviewState: 'CONFIRMED',
        reviewedAt: days.at(day + 1, 14 * 60),
        reviewNote: null,
      }
    })
  return [...updates, ...added].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/** An assignment's current fields: those of its latest update. */
/**
 * The assignment as its history leaves it. A returned report does not count (lib/actions/review.ts):
 * the state is that of the latest report still standing, and returning the latest one was one
 * more change of version.
 */
function currentState(plan: AssignmentPlan) {
  const standing = plan.updates.findLast((u) => u.reviewState !== 'RETURNED')
  return {
    status: standing?.status ?? 'NOT_STARTED',
    progress: standing?.progress ?? 0,
    indicatorActual: standing?.indicatorActual ?? null,
    version: plan.updates.length + (plan.updates.at(-1)?.reviewState === 'RETURNED' ? 1 : 0),
    completedAt: standing?.status === 'DONE' ? standing.createdAt : null,
    lastUpdateAt: standing?.createdAt ?? null,
    lastUpdateById: standing ? plan.authorId : null,
  }
}

async function upsertAssignments(tx: Tx, plans: AssignmentPlan[], days: Calendar): Promise<void> {
  const keyOf = (a: { taskId: string; unitId: string }) => `${a.taskId}/${a.unitId}`
  const stored = new Map(
    (
      await tx.assignment.findMany({
        where: { taskId: { in: plans.map((p) => p.taskId) } },
        select: { id: true, taskId: true, unitId: true, responsibleMemberId: true, indicatorTarget: true, _count: { select: { updates: true } } },
      })
    ).map((a) => [keyOf(a), a]),
  )
  const created = await tx.assignment.createManyAndReturn({
    data: plans
      .filter((p) => !stored.has(keyOf(p)))
      .map((p) => ({
        taskId: p.taskId,
        unitId: p.unitId,
        responsibleMemberId: p.responsibleMemberId,
        indicatorTarget: p.indicatorTarget,
        createdAt: days.at(PROGRAMME_START_DAY, 8 * 60),
        ...currentState(p),
      })),
    select: { id: true, taskId: true, unitId: true },
  })
  const createdIds = new Map(created.map((a) => [keyOf(a), a.id]))

  const needHistory: { assignmentId: string; plan: AssignmentPlan }[] = []
  for (const plan of plans) {
    const existing = stored.get(keyOf(plan))
    if (!existing) {
      needHistory.push({ assignmentId: idOf(createdIds, keyOf(plan)), plan })
      continue
    }
    // History the app has recorded since is left alone; only an empty history gets the demo's.
    const addHistory = existing._count.updates === 0 && plan.updates.length > 0
    if (addHistory) needHistory.push({ assignmentId: existing.id, plan })
    const targetChanged = (existing.indicatorTarget?.toNumber() ?? null) !== plan.indicatorTarget
    if (addHistory || targetChanged || existing.responsibleMemberId !== plan.responsibleMemberId)
      await tx.assignment.update({
        where: { id: existing.id },
        data: { responsibleMemberId: plan.responsibleMemberId, indicatorTarget: plan.indicatorTarget, ...(addHistory ? currentState(plan) : {}) },
      })
  }
  await tx.statusUpdate.createMany({
    data: needHistory.flatMap(({ assignmentId, plan }) =>
      plan.updates.map((u) => ({
        assignmentId,
        authorId: plan.authorId,
        ...u,
        reviewedById: u.reviewState === 'PENDING' ? null : plan.reviewerId,
      })),
    ),
  })
}

/** The article's figures, for a unit that has none yet: the profile is append-only, so a second seeding adds nothing. */
async function addUnitFigures(tx: Tx, units: Ids, adminId: string): Promise<void> {
  const unitIds = [...new Set(UNIT_FIGURES.map((f) => idOf(units, f.unit)))]
  const present = new Set((await tx.unitFigure.findMany({ where: { unitId: { in: unitIds } }, select: { unitId: true }, distinct: ['unitId'] })).map((f) => f.unitId))
  await tx.unitFigure.createMany({
    data: UNIT_FIGURES.filter((f) => !present.has(idOf(units, f.unit))).map((f) => ({
      unitId: idOf(units, f.unit),
      kind: f.kind,
      value: f.value,
      asOf: new Date(`${f.asOf}T00:00:00Z`),
      createdById: adminId,
    })),
  })
}

async function countRows(db: PrismaClient): Promise<SeedCounts> {
  const [units, members, taskGroups, tasks, reportingPeriods, users, assignments, statusUpdates] = await db.$transaction([
    db.unit.count(),
    db.member.count(),
    db.taskGroup.count(),
    db.task.count(),
    db.reportingPeriod.count(),
    db.user.count(),
    db.assignment.count(),
    db.statusUpdate.count(),
  ])
  return { units, members, taskGroups, tasks, reportingPeriods, users, assignments, statusUpdates }
}
