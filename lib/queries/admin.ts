// Reads of the administration pages (issue 6): every record, active or not, with what its edit
// form needs; and the choices its selects offer (records in use). Units, accounts and members are
// those of the administrator's subtree (DESIGN.md "Roles"); task groups, tasks and periods those they
// read (owned in their subtree or above it), each with whether they manage it (`managed`): what a unit
// above their scope root owns is shown read-only.
import 'server-only'
import { notFound } from 'next/navigation'
import { allows, inScope, membersWhere, ownersManagedWhere, ownersVisibleWhere, unitsWhere, type Actor } from '@/lib/auth/permissions'
import type { DistrictAction } from '@/lib/auth/rules'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { taskFields } from '@/lib/validation/admin'

/** The signed-in administrator (or, for `action`, who may do it); anyone else gets the page of a missing record. */
export async function requireAdmin(action: DistrictAction = 'admin.manage'): Promise<CurrentUser> {
  const user = await requireUser()
  if (!allows(user, action)) notFound()
  return user
}

const byOrder = [{ active: 'desc' as const }, { sortOrder: 'asc' as const }, { name: 'asc' as const }]

export function adminUnits(admin: Actor) {
  return db().unit.findMany({
    where: unitsWhere(admin),
    orderBy: [{ active: 'desc' }, { kind: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, code: true, name: true, kind: true, sortOrder: true, active: true, parent: { select: { name: true } }, inChargeMember: { select: { name: true } } },
  })
}

export function adminUnit(admin: Actor, code: string) {
  return db().unit.findFirst({ where: { code, ...unitsWhere(admin) }, select: { id: true, code: true, name: true, kind: true, parentId: true, inChargeMemberId: true, sortOrder: true, active: true } })
}

export function adminMembers(admin: Actor) {
  return db().member.findMany({
    where: membersWhere(admin),
    orderBy: byOrder,
    select: {
      id: true,
      code: true,
      name: true,
      title: true,
      active: true,
      leads: { select: { name: true }, orderBy: { sortOrder: 'asc' } },
      inCharge: { select: { name: true }, orderBy: { sortOrder: 'asc' } },
    },
  })
}

export function adminMember(admin: Actor, code: string) {
  return db().member.findFirst({
    where: { code, ...membersWhere(admin) },
    select: { id: true, code: true, name: true, title: true, sortOrder: true, active: true, leads: { select: { id: true } }, inCharge: { select: { id: true } } },
  })
}

/** Who owns a group or period, as its row selects it, and whether the administrator manages it. */
const ownerSelect = { select: { name: true, ancestorIds: true } } as const
const withManaged = <R extends { owner: { name: string; ancestorIds: string[] } }>(admin: Actor, row: R) => ({ ...row, owner: row.owner.name, managed: inScope(admin, row.owner.ancestorIds) })

export async function adminGroups(admin: Actor) {
  const rows = await db().taskGroup.findMany({
    where: { owner: await ownersVisibleWhere(admin) },
    orderBy: byOrder,
    select: { id: true, code: true, name: true, active: true, sortOrder: true, owner: ownerSelect, leadMember: { select: { name: true } }, _count: { select: { tasks: true } } },
  })
  return rows.map((row) => withManaged(admin, row))
}

export async function adminGroup(admin: Actor, code: string) {
  const row = await db().taskGroup.findFirst({
    where: { code, owner: await ownersVisibleWhere(admin) },
    select: { id: true, code: true, name: true, description: true, leadMemberId: true, sortOrder: true, active: true, reportCadence: true, reportDay: true, owner: ownerSelect },
  })
  return row && withManaged(admin, row)
}

/** The tasks the administrator reads, each with its assignments in their subtree counted. */
export async function adminTasks(admin: Actor) {
  const rows = await db().task.findMany({
    where: { group: { owner: await ownersVisibleWhere(admin) } },
    orderBy: [{ active: 'desc' }, { group: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }],
    select: {
      id: true,
      code: true,
      title: true,
      dueDate: true,
      active: true,
      group: { select: { name: true, owner: ownerSelect } },
      _count: { select: { assignments: { where: { unit: unitsWhere(admin) } } } },
    },
  })
  return rows.map(({ group, ...row }) => ({ ...withManaged(admin, { ...row, owner: group.owner }), group: { name: group.name } }))
}

/** The task, with its assignments in the administrator's subtree (their own targets are set there). */
export async function adminTask(admin: Actor, code: string) {
  const row = await db().task.findFirst({
    where: { code, group: { owner: await ownersVisibleWhere(admin) } },
    select: {
      ...taskFields,
      group: { select: { owner: ownerSelect } },
      assignments: { where: { unit: unitsWhere(admin) }, select: { id: true, unitId: true, indicatorTarget: true, indicatorBaseline: true, unit: { select: { name: true, sortOrder: true } } }, orderBy: [{ unit: { sortOrder: 'asc' } }, { unit: { name: 'asc' } }] },
    },
  })
  if (!row) return null
  const { group, ...task } = row
  return withManaged(admin, { ...task, owner: group.owner })
}

export async function adminPeriods(admin: Actor) {
  const rows = await db().reportingPeriod.findMany({
    where: { owner: await ownersVisibleWhere(admin) },
    orderBy: [{ endDate: 'desc' }],
    select: { id: true, code: true, name: true, kind: true, startDate: true, endDate: true, lockedAt: true, owner: ownerSelect },
  })
  return rows.map((row) => withManaged(admin, row))
}

export function adminUsers(admin: Actor) {
  return db().user.findMany({
    where: { unit: unitsWhere(admin) },
    orderBy: [{ active: 'desc' }, { role: 'desc' }, { username: 'asc' }],
    select: { id: true, username: true, displayName: true, role: true, active: true, lastLoginAt: true, unit: { select: { name: true } }, member: { select: { name: true } } },
  })
}

export function adminUser(admin: Actor, username: string) {
  return db().user.findFirst({ where: { username, unit: unitsWhere(admin) }, select: { id: true, username: true, displayName: true, role: true, unitId: true, memberId: true, active: true, lastLoginAt: true } })
}

/** What the selects and checkbox lists offer: records in use, plus those the record already points at. */
export async function adminChoices(admin: Actor, keep: string[] = []) {
  const inUse = { OR: [{ active: true }, { id: { in: keep } }] }
  const [units, members, groups] = await Promise.all([
    db().unit.findMany({ where: { ...inUse, ...unitsWhere(admin) }, orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true, kind: true, inChargeMember: { select: { name: true } } } }),
    db().member.findMany({ where: { ...inUse, ...membersWhere(admin) }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true, title: true } }),
    // A task goes into a group the administrator manages.
    db().taskGroup.findMany({ where: { ...inUse, owner: ownersManagedWhere(admin) }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true, leadMember: { select: { name: true } } } }),
  ])
  return { units, members, groups }
}
