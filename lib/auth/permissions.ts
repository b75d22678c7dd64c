// Who may do what (DESIGN.md "Roles"). One table of rules; every action, route handler and page
// asks through it. Anything not in the table is refused (fail closed).
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import type { Role } from './roles'

export type Actor = { id: string; role: Role; unitId: string; memberId: string | null }

/** The writes on an assignment. Reading is open to every signed-in user of the district. */
export const ASSIGNMENT_ACTIONS = ['assignment.update', 'assignment.comment', 'statusUpdate.review'] as const
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number]

/**
 * Which assignments an action reaches:
 * - ownUnit: assignments of the actor's own unit;
 * - led: assignments in the task groups the actor's member leads, or in the units they are in charge of;
 * - all: every assignment.
 */
type Scope = 'ownUnit' | 'led' | 'all'

export const RULES: Readonly<Record<Role, Partial<Record<AssignmentAction, Scope>>>> = {
  STAFF: { 'assignment.update': 'ownUnit', 'assignment.comment': 'ownUnit' },
  LEADER: { 'assignment.update': 'led', 'assignment.comment': 'led', 'statusUpdate.review': 'led' },
  ADMIN: { 'assignment.update': 'all', 'assignment.comment': 'all', 'statusUpdate.review': 'all' },
}

function scopeOf(actor: Actor, action: AssignmentAction): Scope | null {
  return RULES[actor.role]?.[action] ?? null
}

/**
 * The assignments the actor may act on, as a Prisma filter, or null when the actor may act on
 * none. Look records up through it, so a foreign id is simply not found.
 */
export function assignmentsWhere(actor: Actor, action: AssignmentAction): Prisma.AssignmentWhereInput | null {
  switch (scopeOf(actor, action)) {
    case 'all':
      return {}
    case 'ownUnit':
      return { unitId: actor.unitId }
    case 'led':
      return actor.memberId
        ? { OR: [{ unit: { inChargeMemberId: actor.memberId } }, { task: { group: { leadMemberId: actor.memberId } } }] }
        : null
    default:
      return null
  }
}

/**
 * What concerns the district as a whole, where no one record decides: the overview and the review
 * queue (leaders), the review report, the audit trail, the administration screens.
 */
export const DISTRICT_ACTIONS = ['overview.read', 'review.queue', 'report.create', 'audit.read', 'admin.manage'] as const
export type DistrictAction = (typeof DISTRICT_ACTIONS)[number]

export const DISTRICT_RULES: Readonly<Record<Role, Readonly<Partial<Record<DistrictAction, true>>>>> = {
  STAFF: {},
  LEADER: { 'overview.read': true, 'review.queue': true, 'report.create': true, 'audit.read': true },
  ADMIN: { 'overview.read': true, 'review.queue': true, 'report.create': true, 'audit.read': true, 'admin.manage': true },
}

/** Whether the actor may do a district-wide action; unknown roles and actions are refused. */
export function allows(actor: Pick<Actor, 'role'>, action: DistrictAction): boolean {
  return DISTRICT_RULES[actor.role]?.[action] === true
}

/** What decides access to one assignment, for pages that already hold it. */
export type AssignmentFacts = { unitId: string; unitInChargeMemberId: string | null; groupLeadMemberId: string | null }

export function can(actor: Actor, action: AssignmentAction, assignment: AssignmentFacts): boolean {
  switch (scopeOf(actor, action)) {
    case 'all':
      return true
    case 'ownUnit':
      return assignment.unitId === actor.unitId
    case 'led':
      return actor.memberId !== null && [assignment.unitInChargeMemberId, assignment.groupLeadMemberId].includes(actor.memberId)
    default:
      return false
  }
}

/** The assignment with this id if the actor may act on it; null when it is missing or not theirs. */
export async function findAssignmentFor<S extends Prisma.AssignmentSelect>(actor: Actor, action: AssignmentAction, id: string, select: S) {
  const scope = assignmentsWhere(actor, action)
  return scope ? db().assignment.findFirst({ where: { AND: [{ id }, scope] }, select }) : null
}
