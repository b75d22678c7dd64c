// The rule tables of DESIGN.md's "Roles": what each role may do, and where. Pure data (no database),
// so the permission matrix tests can be generated from it; lib/auth/permissions.ts applies it to
// records. A role or action missing from a table is refused.
import type { Role } from './roles'

/** The writes on an assignment. Its status and progress every signed-in user reads; its details, READ_RULES below. */
/** 'assignment.reportOnBehalf': entering a report a unit sent on paper or by phone, marked as entered for it. */
export const ASSIGNMENT_ACTIONS = ['assignment.update', 'assignment.reportOnBehalf', 'assignment.comment', 'statusUpdate.review'] as const
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number]

/**
 * Which assignments an action reaches:
 * - ownUnit: assignments of the actor's own unit;
 * - led: assignments in the task groups the actor's member leads, or in the units they are in charge of;
 * - confirmer: the assignments whose reports the actor's member confirms as a rule, one member for
 *   each (confirmerOf): those of the units in their charge, and those of the task groups they lead
 *   in units that have no member in charge. Reviewing one report narrows it to that report's own
 *   confirmer (reportConfirmerOf), who differs when a member reported;
 * - all: every assignment of a unit in the actor's subtree (SCOPE_ROOT_KINDS).
 */
export type Scope = 'ownUnit' | 'led' | 'confirmer' | 'all'

/**
 * Scopes follow the unit tree (DESIGN.md "Roles"): an account reads and acts only within the
 * subtree of its scope root, the nearest unit of these kinds at or above its unit; an account whose
 * root is the top of the tree (or has none) reads the whole deployment. An account of a province reaches every district below it (and the
 * communes directly under it); a district's, that district alone; two districts see nothing of
 * each other. What every signed-in user reads (units, communes, tasks' units, members' units,
 * search) stops at the same root; outside it a record answers like a missing one.
 */
export const SCOPE_ROOT_KINDS = ['PROVINCE', 'DISTRICT'] as const

/** What decides who confirms one report: its assignment's two members, and the member its author is (null: none). */
export type ReportConfirmerFacts = { unitInChargeMemberId: string | null; groupLeadMemberId: string | null; authorMemberId: string | null }

/**
 * The one member who confirms a report (DESIGN.md "Roles"): the member in charge of its unit; where
 * the unit has none, or that member wrote the report (members report on what they lead), the lead of
 * its task group; never its author. null: no member is left, and an administrator confirms it (their
 * 'statusUpdate.review' is 'all'). The SQL form is reportConfirmerSql in ./permissions.ts.
 */
export function reportConfirmerOf(report: ReportConfirmerFacts): string | null {
  return [report.unitInChargeMemberId, report.groupLeadMemberId].find((member) => member !== null && member !== report.authorMemberId) ?? null
}

/**
 * The member who confirms an assignment's reports as a rule, those its unit's staff make (a report
 * by no member): the member in charge of its unit; where the unit has none, the lead of its task
 * group. The other member who leads it follows it (reads and comments) without confirming.
 */
export function confirmerOf(assignment: { unitInChargeMemberId: string | null; groupLeadMemberId: string | null }): string | null {
  return reportConfirmerOf({ ...assignment, authorMemberId: null })
}

export const RULES: Readonly<Record<Role, Partial<Record<AssignmentAction, Scope>>>> = {
  STAFF: { 'assignment.update': 'ownUnit', 'assignment.comment': 'ownUnit' },
  // A member reports and answers on everything they lead, and confirms only what falls to them:
  // the reports of which they are the confirmer (reportConfirmerOf), never their own.
  LEADER: { 'assignment.update': 'led', 'assignment.comment': 'led', 'statusUpdate.review': 'confirmer' },
  // The office reports for its own unit, enters for any unit what it sent on paper or by phone,
  // and answers questions anywhere; it confirms nothing.
  OFFICE: { 'assignment.update': 'ownUnit', 'assignment.reportOnBehalf': 'all', 'assignment.comment': 'all' },
  ADMIN: { 'assignment.update': 'all', 'assignment.comment': 'all', 'statusUpdate.review': 'all' },
}

/**
 * What concerns the district (the actor's subtree) as a whole, where no one record decides: the overview and the review
 * queue (leaders), the review report (downloaded by leaders too; written in the app as a draft and
 * issued by the office and administrators, 'report.write'), the audit trail, the reporting periods (created, locked and
 * unlocked by the office and administrators), the administration screens, and publishing a question
 * with its answer to the district's public list (the office and administrators).
 */
export const DISTRICT_ACTIONS = ['overview.read', 'review.queue', 'report.create', 'report.write', 'audit.read', 'period.manage', 'admin.manage', 'question.publish'] as const
export type DistrictAction = (typeof DISTRICT_ACTIONS)[number]

export const DISTRICT_RULES: Readonly<Record<Role, Readonly<Partial<Record<DistrictAction, true>>>>> = {
  STAFF: {},
  LEADER: { 'overview.read': true, 'review.queue': true, 'report.create': true, 'audit.read': true },
  OFFICE: { 'overview.read': true, 'report.create': true, 'report.write': true, 'audit.read': true, 'period.manage': true, 'question.publish': true },
  ADMIN: { 'overview.read': true, 'review.queue': true, 'report.create': true, 'report.write': true, 'audit.read': true, 'period.manage': true, 'admin.manage': true, 'question.publish': true },
}

/**
 * What an actor does for themself, where no other record decides: turning their own two-factor
 * authentication off (administrators must keep it, and are sent to enrol until they have), and
 * following the reminders of their own unit's deadlines (staff and the office, who report for it).
 */
export const OWN_ACTIONS = ['twoFactor.turnOff', 'reminders.read'] as const
export type OwnAction = (typeof OWN_ACTIONS)[number]

export const OWN_RULES: Readonly<Record<Role, Readonly<Partial<Record<OwnAction, true>>>>> = {
  STAFF: { 'twoFactor.turnOff': true, 'reminders.read': true },
  LEADER: { 'twoFactor.turnOff': true },
  OFFICE: { 'twoFactor.turnOff': true, 'reminders.read': true },
  ADMIN: {},
}

const isDistrictAction = (action: DistrictAction | OwnAction): action is DistrictAction => (DISTRICT_ACTIONS as readonly string[]).includes(action)

/** Whether the actor may do a district-wide action or one for themself; unknown roles and actions are refused. */
export function allows(actor: { role: Role }, action: DistrictAction | OwnAction): boolean {
  const rules = isDistrictAction(action) ? DISTRICT_RULES[actor.role]?.[action] : OWN_RULES[actor.role]?.[action]
  return rules === true
}


// ---- Reading the progress views: one rule per view, for its page and its downloads ----

/** The progress views: each is a page, and /exports/… hands it out as a spreadsheet. */
export const PROGRESS_VIEWS = ['overview', 'assignments', 'communes', 'members', 'tasks', 'units'] as const
export type ProgressView = (typeof PROGRESS_VIEWS)[number]

/**
 * What reading a view takes: a district-wide action of DISTRICT_RULES, or 'signedIn' for the views
 * every signed-in user reads (DESIGN.md "Roles": staff read other units' status and progress). The
 * whole register of assignments is offered on the overview, so it takes what the overview takes.
 */
export const VIEW_RULES: Readonly<Record<ProgressView, DistrictAction | 'signedIn'>> = {
  overview: 'overview.read',
  assignments: 'overview.read',
  communes: 'signedIn',
  members: 'signedIn',
  tasks: 'signedIn',
  units: 'signedIn',
}


// ---- Reading an assignment's details: who sees more than its status and progress ----

/**
 * An assignment's details: the notes of its reports, their evidence files, the report history with
 * the reviewers' reasons, and its questions and answers. Its status, progress, indicator figures and
 * due date every signed-in user reads (DESIGN.md "Roles").
 */
export const READ_ACTIONS = ['assignment.readDetails'] as const
export type ReadAction = (typeof READ_ACTIONS)[number]

/** Which assignments' details each role reads, in the scopes of RULES; a new role is one row. */
export const READ_RULES: Readonly<Record<Role, Partial<Record<ReadAction, Scope>>>> = {
  STAFF: { 'assignment.readDetails': 'ownUnit' },
  LEADER: { 'assignment.readDetails': 'led' },
  OFFICE: { 'assignment.readDetails': 'all' },
  ADMIN: { 'assignment.readDetails': 'all' },
}

/** An action on assignments: a write of RULES or a read of READ_RULES. */
export type ScopedAction = AssignmentAction | ReadAction

/** The scope a role has for an action on assignments; null when it has none (unknown roles too). */
export function scopeFor(role: Role, action: ScopedAction): Scope | null {
  const table: Partial<Record<ScopedAction, Scope>> = { ...RULES[role], ...READ_RULES[role] }
  return table[action] ?? null
}
