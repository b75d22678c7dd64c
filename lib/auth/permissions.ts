// Who may do what (DESIGN.md "Roles"): the rule tables of ./rules.ts applied to records. Every
// action, route handler and page asks through this module. Anything not in the tables is refused
// (fail closed).
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { Role } from './roles'
import { confirmerOf, reportConfirmerOf, scopeFor, SCOPE_ROOT_KINDS, type Scope, type ScopedAction } from './rules'
import { allows, DISTRICT_RULES, VIEW_RULES, type ProgressView } from './rules'

export { allows } from './rules'

/**
 * scopeUnitId: the root of the subtree the actor reads and acts in (scopeRootSql), read with the
 * session; null for an account at the top of the tree, which reads the whole deployment.
 */
export type Actor = { id: string; role: Role; unitId: string; memberId: string | null; scopeUnitId: string | null }

/** What decides which assignments an actor may read or act on (assignmentsScopeSql): the actor but who they are. Readers alike in it are answered alike. */
export type Reader = Omit<Actor, 'id'>

/** The actor's Reader: all a kept result read through assignmentsScopeSql may be keyed by. */
export function readerOf({ role, unitId, memberId, scopeUnitId }: Actor): Reader {
  return { role, unitId, memberId, scopeUnitId }
}

// ---- The subtree: what every rule stops at (rules.ts SCOPE_ROOT_KINDS) ----

/**
 * The scope root of the unit row `unit` (an alias of "Unit"), as an SQL expression: the nearest
 * unit of SCOPE_ROOT_KINDS among its ancestors and itself; NULL when that is the top of the tree
 * (or there is none), whose accounts read the whole deployment, units not yet placed in the tree too.
 */
export function scopeRootSql(unit: string): Prisma.Sql {
  const row = Prisma.raw(unit)
  const kinds = Prisma.join(SCOPE_ROOT_KINDS.map((kind) => Prisma.sql`${kind}::"UnitKind"`))
  return Prisma.sql`(SELECT r.id FROM "Unit" r
     WHERE r.id = ANY(${row}."ancestorIds") AND r.kind IN (${kinds}) AND r."parentId" IS NOT NULL
     ORDER BY cardinality(r."ancestorIds") DESC LIMIT 1)`
}

/** The units in the actor's subtree, as a Prisma filter on Unit. Look units up through it: another district's is not found. */
export function unitsWhere(actor: Pick<Actor, 'scopeUnitId'>): Prisma.UnitWhereInput {
  return actor.scopeUnitId === null ? {} : { ancestorIds: { has: actor.scopeUnitId } }
}

/** Whether a unit id (an SQL expression) is of a unit in the actor's subtree; a semi-join, served by the index on "ancestorIds". */
export function unitInScopeSql(actor: Pick<Actor, 'scopeUnitId'>, unitId: Prisma.Sql): Prisma.Sql {
  return actor.scopeUnitId === null ? Prisma.sql`true` : Prisma.sql`${unitId} IN (SELECT s.id FROM "Unit" s WHERE s."ancestorIds" @> ARRAY[${actor.scopeUnitId}::uuid])`
}

/** Whether the unit row `alias` (of "Unit") lies in the actor's subtree, as SQL served by the index on "ancestorIds". */
export function unitRowInScopeSql(actor: Pick<Actor, 'scopeUnitId'>, alias: string): Prisma.Sql {
  return actor.scopeUnitId === null ? Prisma.sql`true` : Prisma.sql`${Prisma.raw(alias)}."ancestorIds" @> ARRAY[${actor.scopeUnitId}::uuid]`
}

/**
 * The audit events of the actor's subtree, as SQL on the event row `alias` (of "AuditEvent"; its
 * record id as a uuid in `ref`, NULL when it is none): what its accounts did, and what was done to
 * its units, its accounts and its assignments (their reports, questions and published answers).
 * Another district's events are not listed at all.
 */
export function auditEventsInScopeSql(actor: Pick<Actor, 'scopeUnitId'>, alias: string, ref: Prisma.Sql): Prisma.Sql {
  if (actor.scopeUnitId === null) return Prisma.sql`true`
  const e = Prisma.raw(alias)
  const units = Prisma.sql`SELECT s.id FROM "Unit" s WHERE s."ancestorIds" @> ARRAY[${actor.scopeUnitId}::uuid]`
  const accounts = Prisma.sql`SELECT x.id FROM "User" x WHERE x."unitId" IN (${units})`
  const assignments = Prisma.sql`SELECT a.id FROM "Assignment" a WHERE a."unitId" IN (${units})`
  return Prisma.sql`(${e}."actorId" IN (${accounts}) OR ${ref} IN (
      ${units} UNION ALL ${accounts} UNION ALL ${assignments}
      UNION ALL SELECT su.id FROM "StatusUpdate" su WHERE su."assignmentId" IN (${assignments})
      UNION ALL SELECT c.id FROM "Comment" c WHERE c."assignmentId" IN (${assignments})
      UNION ALL SELECT pq.id FROM "PublishedQuestion" pq JOIN "Comment" c ON c.id = pq."questionId" WHERE c."assignmentId" IN (${assignments})))`
}

/** The members of the actor's subtree (sitting on the committee of a unit in it), as a Prisma filter on Member; a member placed nowhere, to the top's accounts only. */
export function membersWhere(actor: Pick<Actor, 'scopeUnitId'>): Prisma.MemberWhereInput {
  return actor.scopeUnitId === null ? {} : { unit: unitsWhere(actor) }
}

/** The same as membersWhere, as SQL on the member row `alias` (of "Member"). */
export function memberRowInScopeSql(actor: Pick<Actor, 'scopeUnitId'>, alias: string): Prisma.Sql {
  return actor.scopeUnitId === null ? Prisma.sql`true` : unitInScopeSql(actor, Prisma.raw(`${alias}."unitId"`))
}

/**
 * Whether the account row `user` (of "User") reaches a unit whose ancestors' ids are `unitAncestors`
 * (an SQL uuid[]): its scope root is among them, or it is at the top of the tree. For choosing who
 * is told of an event: another district's office and administrators are not.
 */
export function accountReachesSql(user: string, unitAncestors: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT ${scopeRootSql('su')} FROM "Unit" su WHERE su.id = ${Prisma.raw(user)}."unitId") = ANY(${unitAncestors}), true)`
}

// ---- What a unit owns: task groups (their tasks with them) and reporting periods ----
// A district's administrators manage what their subtree's units own; what a unit above their scope
// root owns (the province's) they read but do not change; another district's they do not see. What a
// unit at the top of the tree owns is the whole deployment's, as its accounts read the whole deployment.

/** The units at or above the actor's scope root (its Unit.ancestorIds) and the tops of the tree, as an SQL list. */
const aboveRootSql = (root: string) =>
  Prisma.sql`SELECT unnest(r."ancestorIds") FROM "Unit" r WHERE r.id = ${root}::uuid UNION ALL SELECT t.id FROM "Unit" t WHERE t."parentId" IS NULL`

/**
 * Whether a unit id (an SQL expression) owns groups and periods the actor reads: a unit of their
 * subtree, or one at or above their scope root (a province's tasks are its districts' too).
 */
export function ownerVisibleSql(actor: Pick<Actor, 'scopeUnitId'>, ownerId: Prisma.Sql): Prisma.Sql {
  if (actor.scopeUnitId === null) return Prisma.sql`true`
  return Prisma.sql`${ownerId} IN (SELECT s.id FROM "Unit" s WHERE s."ancestorIds" @> ARRAY[${actor.scopeUnitId}::uuid] UNION ALL ${aboveRootSql(actor.scopeUnitId)})`
}

/** The task groups the actor reads (ownerVisibleSql), as SQL on the group row `alias` (of "TaskGroup"). */
export function groupRowVisibleSql(actor: Pick<Actor, 'scopeUnitId'>, alias: string): Prisma.Sql {
  return ownerVisibleSql(actor, Prisma.raw(`${alias}."ownerUnitId"`))
}

/** The units at or above the actor's scope root and the tops of the tree, as a Prisma filter on Unit (null: every unit, for an account at the top). */
async function aboveRootWhere(actor: Pick<Actor, 'scopeUnitId'>, client: Pick<Prisma.TransactionClient, 'unit'>): Promise<Prisma.UnitWhereInput | null> {
  if (actor.scopeUnitId === null) return null
  const root = await client.unit.findUnique({ where: { id: actor.scopeUnitId }, select: { ancestorIds: true } })
  return { OR: [{ id: { in: root?.ancestorIds ?? [] } }, { parentId: null }] }
}

/** The owners whose groups and periods the actor reads (ownerVisibleSql), as a Prisma filter on Unit; reads their scope root's ancestors. */
export async function ownersVisibleWhere(actor: Pick<Actor, 'scopeUnitId'>, client: Pick<Prisma.TransactionClient, 'unit'> = db()): Promise<Prisma.UnitWhereInput> {
  const above = await aboveRootWhere(actor, client)
  return above === null ? {} : { OR: [unitsWhere(actor), above] }
}

/** The owners of the reporting periods that apply to the actor's whole subtree: their scope root and the units above it. */
export async function ownersAboveWhere(actor: Pick<Actor, 'scopeUnitId'>, client: Pick<Prisma.TransactionClient, 'unit'> = db()): Promise<Prisma.UnitWhereInput> {
  return (await aboveRootWhere(actor, client)) ?? {}
}

/** The owners whose groups, tasks and periods the actor may change: the units of their subtree (unitsWhere); above or beside it, none. */
export function ownersManagedWhere(actor: Pick<Actor, 'scopeUnitId'>): Prisma.UnitWhereInput {
  return unitsWhere(actor)
}

/** The units what `owner` owns applies to (its tasks' units, its period's reports): its subtree; everything, for a top of the tree. */
export function ownedUnitsWhere(owner: { id: string; parentId: string | null }): Prisma.UnitWhereInput {
  return owner.parentId === null ? {} : { ancestorIds: { has: owner.id } }
}

/** Whether a unit, by its ancestors (Unit.ancestorIds), lies in the actor's subtree. */
export function inScope(actor: Pick<Actor, 'scopeUnitId'>, unitAncestorIds: readonly string[]): boolean {
  return actor.scopeUnitId === null || unitAncestorIds.includes(actor.scopeUnitId)
}

/** The actor a user is, with their scope root as a session reads it; null when there is no such user. Through `client`: a transaction's, where one reads it. */
export async function findActor(userId: string, client: Pick<Prisma.TransactionClient, '$queryRaw'> = db()): Promise<Actor | null> {
  const [actor] = await client.$queryRaw<Actor[]>`
    SELECT u.id::text AS "id", u.role::text AS "role", u."unitId"::text AS "unitId", u."memberId"::text AS "memberId", ${scopeRootSql('n')}::text AS "scopeUnitId"
      FROM "User" u JOIN "Unit" n ON n.id = u."unitId" WHERE u.id = ${userId}::uuid`
  return actor ?? null
}

/** The actor a user is (scripts and tests, which have no session). */
export async function actorOf(userId: string): Promise<Actor> {
  const actor = await findActor(userId)
  if (!actor) throw new Error(`actorOf: no user ${userId}`)
  return actor
}

function scopeOf(actor: Pick<Actor, 'role'>, action: ScopedAction): Scope | null {
  return scopeFor(actor.role, action)
}

/**
 * The assignments the actor may act on, as a Prisma filter, or null when the actor may act on
 * none. Look records up through it, so a foreign id is simply not found.
 */
export function assignmentsWhere(actor: Actor, action: ScopedAction): Prisma.AssignmentWhereInput | null {
  const scope = scopeWithinRoot(actor, action)
  return scope && { AND: [{ unit: unitsWhere(actor) }, scope] }
}

/** assignmentsWhere before the subtree is applied. */
function scopeWithinRoot(actor: Actor, action: ScopedAction): Prisma.AssignmentWhereInput | null {
  switch (scopeOf(actor, action)) {
    case 'all':
      return {}
    case 'ownUnit':
      return { unitId: actor.unitId }
    case 'led':
      return actor.memberId
        ? { OR: [{ unit: { inChargeMemberId: actor.memberId } }, { task: { group: { leadMemberId: actor.memberId } } }] }
        : null
    case 'confirmer':
      return actor.memberId
        ? { OR: [{ unit: { inChargeMemberId: actor.memberId } }, { unit: { inChargeMemberId: null }, task: { group: { leadMemberId: actor.memberId } } }] }
        : null
    default:
      return null
  }
}

/** The ids of the units in the member's charge (with null: of the units in no one's charge), as an SQL array. */
const unitsInCharge = (memberId: string | null) =>
  Prisma.sql`ARRAY(SELECT u.id FROM "Unit" u WHERE u."inChargeMemberId" ${memberId === null ? Prisma.sql`IS NULL` : Prisma.sql`= ${memberId}::uuid`})`

/** The ids of the tasks in the groups the member leads, as an SQL array. */
const tasksLed = (memberId: string) =>
  Prisma.sql`ARRAY(SELECT t.id FROM "Task" t JOIN "TaskGroup" g ON g.id = t."groupId" WHERE g."leadMemberId" = ${memberId}::uuid)`

/** The assignments the member leads (in the units in their charge, or of the groups they lead), as an SQL condition on their unit and task ids. */
const ledBy = (memberId: string, unitId: Prisma.Sql, taskId: Prisma.Sql) =>
  Prisma.sql`(${unitId} = ANY(${unitsInCharge(memberId)}) OR ${taskId} = ANY(${tasksLed(memberId)}))`

/**
 * The same scope as assignmentsWhere, as an SQL condition on a row's unit and task ids (`unitId`,
 * `taskId` of the alias given), for the queries that count in SQL; null when the actor may act on
 * none. Written as lists of ids, so that an index on either column can serve it.
 */
export function assignmentsScopeSql(actor: Reader, action: ScopedAction, row: string): Prisma.Sql | null {
  const unitId = Prisma.raw(`${row}."unitId"`)
  const taskId = Prisma.raw(`${row}."taskId"`)
  switch (scopeOf(actor, action)) {
    case 'all':
      return unitInScopeSql(actor, unitId)
    case 'ownUnit':
      return Prisma.sql`${unitId} = ${actor.unitId}::uuid`
    case 'led':
      // A member leads within their own subtree: a task group spans districts, its lead does not.
      return actor.memberId ? Prisma.sql`(${ledBy(actor.memberId, unitId, taskId)} AND ${unitInScopeSql(actor, unitId)})` : null
    case 'confirmer':
      return actor.memberId
        ? Prisma.sql`((${unitId} = ANY(${unitsInCharge(actor.memberId)})
                   OR (${taskId} = ANY(${tasksLed(actor.memberId)}) AND ${unitId} = ANY(${unitsInCharge(null)}))) AND ${unitInScopeSql(actor, unitId)})`
        : null
    default:
      return null
  }
}

/**
 * The member who confirms a report (rules.ts reportConfirmerOf) as an SQL expression, from the
 * expressions of the unit's member in charge, the group's lead, and the member the author is: the
 * first of the two that is not the author (NULLIF keeps its first value when the author is no
 * member). NULL: no member, an administrator confirms it.
 */
export function reportConfirmerSql(facts: { unitInCharge: Prisma.Sql; groupLead: Prisma.Sql; authorMember: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`COALESCE(NULLIF(${facts.unitInCharge}, ${facts.authorMember}), NULLIF(${facts.groupLead}, ${facts.authorMember}))`
}

/**
 * The reports the actor may confirm or return, as an SQL condition on a row of reports (`unitId`,
 * `taskId`, `authorId` of the alias given, as "PendingReview" has them); null when none. Never the
 * actor's own. A member's: those of which they are the confirmer (reportConfirmerSql), looked for
 * among the assignments they lead (through the indexes), where every report they confirm lies.
 * The same answer as canReview; never NULL, so that NOT of it is the reports another confirms.
 */
export function reportsReviewSql(actor: Actor, row: string): Prisma.Sql | null {
  const column = (name: string) => Prisma.raw(`${row}."${name}"`)
  const notOwn = Prisma.sql`${column('authorId')} <> ${actor.id}::uuid`
  if (scopeOf(actor, 'statusUpdate.review') !== 'confirmer') {
    const scope = assignmentsScopeSql(actor, 'statusUpdate.review', row)
    return scope && Prisma.sql`(${scope} AND ${notOwn})`
  }
  if (!actor.memberId) return null
  const confirmer = reportConfirmerSql({ unitInCharge: Prisma.sql`cu."inChargeMemberId"`, groupLead: Prisma.sql`cg."leadMemberId"`, authorMember: Prisma.sql`ca."memberId"` })
  return Prisma.sql`(${ledBy(actor.memberId, column('unitId'), column('taskId'))} AND ${unitInScopeSql(actor, column('unitId'))} AND ${notOwn} AND (
    SELECT ${confirmer} FROM "Unit" cu, "Task" ct JOIN "TaskGroup" cg ON cg.id = ct."groupId", "User" ca
     WHERE cu.id = ${column('unitId')} AND ct.id = ${column('taskId')} AND ca.id = ${column('authorId')}) IS NOT DISTINCT FROM ${actor.memberId}::uuid)`
}

/**
 * The same scope as whole units and whole tasks: the assignments of the units `units` picks (a
 * condition on "Unit" u) and of the tasks `tasks` picks (on "Task" t); null when the actor may act
 * on none. For the queries that read the counts kept per unit and per task.
 */
export function assignmentsScopeParts(actor: Actor, action: ScopedAction): { units: Prisma.Sql; tasks: Prisma.Sql } | null {
  const subtree = unitRowInScopeSql(actor, 'u')
  switch (scopeOf(actor, action)) {
    case 'all':
      return { units: subtree, tasks: Prisma.sql`false` }
    case 'ownUnit':
      return { units: Prisma.sql`u.id = ${actor.unitId}::uuid`, tasks: Prisma.sql`false` }
    case 'led':
      // The tasks' part reaches only units of the subtree: the readers join it to "Unit" u.
      return actor.memberId
        ? {
            units: Prisma.sql`(u."inChargeMemberId" = ${actor.memberId}::uuid AND ${subtree})`,
            tasks: Prisma.sql`t."groupId" IN (SELECT g.id FROM "TaskGroup" g WHERE g."leadMemberId" = ${actor.memberId}::uuid)`,
          }
        : null
    case 'confirmer':
      // A group lead confirms only in the units without a member in charge: not whole tasks.
      throw new Error('The confirmer scope is not made of whole units and whole tasks; use assignmentsScopeSql')
    default:
      return null
  }
}

/** What decides access to one assignment, for pages that already hold it; unitAncestorIds: its unit's Unit.ancestorIds. */
export type AssignmentFacts = { unitId: string; unitAncestorIds: readonly string[]; unitInChargeMemberId: string | null; groupLeadMemberId: string | null }

export function can(actor: Actor, action: ScopedAction, assignment: AssignmentFacts): boolean {
  return inScope(actor, assignment.unitAncestorIds) && canWithinRoot(actor, action, assignment)
}

function canWithinRoot(actor: Actor, action: ScopedAction, assignment: AssignmentFacts): boolean {
  switch (scopeOf(actor, action)) {
    case 'all':
      return true
    case 'ownUnit':
      return assignment.unitId === actor.unitId
    case 'led':
      return actor.memberId !== null && [assignment.unitInChargeMemberId, assignment.groupLeadMemberId].includes(actor.memberId)
    case 'confirmer':
      return actor.memberId !== null && confirmerOf(assignment) === actor.memberId
    default:
      return false
  }
}

/** What decides who may confirm one report: its assignment's facts, its author and the member the author is (null: none). */
export type ReportFacts = AssignmentFacts & { authorId: string; authorMemberId: string | null }

/**
 * Whether the actor may confirm or return the report: as its confirmer (rules.ts reportConfirmerOf)
 * where their scope is 'confirmer', else as their scope reaches its assignment; never their own.
 */
export function canReview(actor: Actor, report: ReportFacts): boolean {
  if (report.authorId === actor.id) return false
  if (scopeOf(actor, 'statusUpdate.review') !== 'confirmer') return can(actor, 'statusUpdate.review', report)
  return actor.memberId !== null && inScope(actor, report.unitAncestorIds) && reportConfirmerOf(report) === actor.memberId
}

/**
 * How the actor may report on the assignment: for the unit ('self'), or only by entering what the
 * unit sent on paper or by phone ('onBehalf', the office on other units); null: not at all.
 */
export function reportingAs(actor: Actor, assignment: AssignmentFacts): 'self' | 'onBehalf' | null {
  if (can(actor, 'assignment.update', assignment)) return 'self'
  return can(actor, 'assignment.reportOnBehalf', assignment) ? 'onBehalf' : null
}

/** The assignment with this id if the actor may act on it; null when it is missing or not theirs. */
export async function findAssignmentFor<S extends Prisma.AssignmentSelect>(actor: Actor, action: ScopedAction, id: string, select: S) {
  const scope = assignmentsWhere(actor, action)
  return scope ? db().assignment.findFirst({ where: { AND: [{ id }, scope] }, select }) : null
}

// ---- Reading the progress views (VIEW_RULES): the page and its downloads both ask here ----

/** Whether the user may read a progress view, on its page and as a download; an unknown role reads nothing. */
export function mayReadView(actor: { role: Role }, view: ProgressView): boolean {
  const rule = VIEW_RULES[view]
  return rule === 'signedIn' ? Object.hasOwn(DISTRICT_RULES, actor.role) : allows(actor, rule)
}
