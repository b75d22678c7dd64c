// Notifications (WORKFLOWS.md "Events"): SQL written into the statement or transaction of the event
// that causes them, so an event and what it tells are saved together or not at all. One row per
// recipient, never to the one who acted. A row that asks for an act (confirm a report, answer a
// question, report again after a return) is settled when that act is done, by whoever did it.
import 'server-only'
import { accountReachesSql, reportConfirmerSql, type Actor } from '@/lib/auth/permissions'
import { ROLES, type Role } from '@/lib/auth/roles'
import { RULES } from '@/lib/auth/rules'
import { Prisma } from '@/lib/db/client'
import type { AssignmentNotificationKind, UnitChangeNotificationKind } from '@/lib/domain/notifications'
import type { ActionContext } from './context'

/**
 * Who is told:
 * - unitStaff: the active accounts that report for the assignment's unit as their own;
 * - confirmer: the account of the member who confirms the assignment's reports as a rule (rules.ts
 *   confirmerOf): who answers its questions;
 * - reportConfirmer: the account of the member who confirms the report the one acting has just made
 *   (rules.ts reportConfirmerOf, the author being the actor): the group's lead when the member in
 *   charge reported; when no member is left, the administrators, who confirm it.
 * - office: the Party Office's accounts.
 */
export type Recipients = 'unitStaff' | 'confirmer' | 'reportConfirmer' | 'office'

const rolesWith = (test: (role: Role) => boolean) => Prisma.join(ROLES.filter(test).map((role) => Prisma.sql`${role}::"Role"`))

/** The roles whose accounts report for their own unit: its staff, and the office for its own assignments. */
const UNIT_REPORTERS = rolesWith((role) => RULES[role]['assignment.update'] === 'ownUnit')
/** The roles that confirm reports as the one confirmer of an assignment. */
const CONFIRMERS = rolesWith((role) => RULES[role]['statusUpdate.review'] === 'confirmer')
/** The roles that may confirm any report (administrators): they confirm what no member may. */
const REVIEWERS_OF_ALL = rolesWith((role) => RULES[role]['statusUpdate.review'] === 'all')

/** The recipients' user ids (a column `id`) for the assignment whose id `assignment` gives, told of what `actor` did. */
/** The ancestors' ids of the assignment's unit: the office and administrators told are those whose subtree holds it. */
const unitAncestorsOf = (assignment: Prisma.Sql) => Prisma.sql`(SELECT un."ancestorIds" FROM "Assignment" a JOIN "Unit" un ON un.id = a."unitId" WHERE a.id = ${assignment})::uuid[]`

function recipientsSql(recipients: Recipients, assignment: Prisma.Sql, actor: Actor): Prisma.Sql {
  switch (recipients) {
    case 'unitStaff':
      return Prisma.sql`
        SELECT u.id FROM "User" u JOIN "Assignment" a ON a."unitId" = u."unitId"
         WHERE a.id = ${assignment} AND u.active AND u.role IN (${UNIT_REPORTERS})`
    case 'confirmer':
    case 'reportConfirmer': {
      // The confirmer of a report by its unit's staff (confirmerOf), or of one by the actor
      // (reportConfirmerOf). A report no member may confirm waits for an administrator: they are told.
      const authorMember = recipients === 'reportConfirmer' ? Prisma.sql`${actor.memberId}::uuid` : Prisma.sql`NULL::uuid`
      const confirmer = reportConfirmerSql({ unitInCharge: Prisma.sql`un."inChargeMemberId"`, groupLead: Prisma.sql`g."leadMemberId"`, authorMember })
      const chosen = Prisma.sql`
        SELECT ${confirmer} AS "memberId" FROM "Assignment" a
          JOIN "Unit" un ON un.id = a."unitId"
          JOIN "Task" t ON t.id = a."taskId"
          JOIN "TaskGroup" g ON g.id = t."groupId"
         WHERE a.id = ${assignment}`
      // Two reads by index: the member's account, or (none left, for a report) the administrators'.
      // Only an account whose subtree holds the unit: the lead of a task group shared by several
      // districts confirms nothing in another district, whose administrators are told instead.
      const reaches = accountReachesSql('u', unitAncestorsOf(assignment))
      const administrators =
        recipients === 'reportConfirmer'
          ? Prisma.sql`UNION ALL SELECT u.id FROM "User" u WHERE u.active AND u.role IN (${REVIEWERS_OF_ALL}) AND EXISTS (SELECT FROM chosen) AND NOT EXISTS (SELECT FROM confirmers) AND ${reaches}`
          : Prisma.empty
      return Prisma.sql`
        WITH chosen AS (${chosen}),
             confirmers AS (SELECT u.id FROM chosen JOIN "User" u ON u."memberId" = chosen."memberId" WHERE u.active AND u.role IN (${CONFIRMERS}) AND ${reaches})
        SELECT id FROM confirmers
        ${administrators}`
    }
    case 'office':
      return Prisma.sql`SELECT u.id FROM "User" u WHERE u.active AND u.role = 'OFFICE'::"Role" AND ${accountReachesSql('u', unitAncestorsOf(assignment))}`
  }
}

export type Notice = {
  kind: AssignmentNotificationKind
  to: Recipients
  /** SQL giving the assignment's id: a parameter, or a sub-select of an earlier part of the statement. */
  assignment: Prisma.Sql
  statusUpdate?: Prisma.Sql
  comment?: Prisma.Sql
  /** Shown from then on; by default at once. */
  showFrom?: Date
}

/** The INSERT of a notice's rows: a statement of its own, or a part (CTE) of the event's statement. */
export function notifySql(context: ActionContext, notice: Notice): Prisma.Sql {
  const { actor, now } = context
  return Prisma.sql`
    INSERT INTO "Notification" ("id", "recipientId", "kind", "assignmentId", "statusUpdateId", "commentId", "actorId", "createdAt", "showFrom")
    SELECT uuid_v7(${now}::timestamptz), r.id, ${notice.kind}::"NotificationKind", ${notice.assignment}, ${notice.statusUpdate ?? null}::uuid,
           ${notice.comment ?? null}::uuid, ${actor.id}::uuid, ${now}::timestamptz, ${notice.showFrom ?? now}::timestamptz
      FROM (${recipientsSql(notice.to, notice.assignment, actor)}) r
     WHERE r.id <> ${actor.id}::uuid`
}

/**
 * The UPDATE that settles the open rows of a kind on an assignment (only those of one report, when
 * `statusUpdate` is given): the act they asked for is done. Rows not yet shown are settled too.
 */
export function settleSql(context: ActionContext, settled: { kind: AssignmentNotificationKind; assignment: Prisma.Sql; statusUpdate?: Prisma.Sql }): Prisma.Sql {
  const report = settled.statusUpdate ? Prisma.sql`AND "statusUpdateId" = ${settled.statusUpdate}` : Prisma.empty
  return Prisma.sql`
    UPDATE "Notification" SET "readAt" = ${context.now}::timestamptz
     WHERE "assignmentId" = ${settled.assignment} AND "kind" = ${settled.kind}::"NotificationKind" AND "readAt" IS NULL ${report}`
}

/**
 * The INSERT of the rows telling of a change of units (a rename, a re-code, a merge), written by
 * the change's transaction once its parts are saved: to the active accounts that report for any
 * unit on either side as their own (after accounts moved to a successor), and to the accounts of
 * the members in charge of those units, as they stand then and as `formerInCharge` gives those
 * the change replaced. Never to the one who acted. `kind`: the change itself, or (a rename or
 * re-code dated ahead) its cancellation, told to the same people.
 */
export function unitChangeNoticeSql(context: ActionContext, change: string, formerInCharge: string[] = [], kind: UnitChangeNotificationKind = 'UNIT_CHANGED'): Prisma.Sql {
  const { actor, now } = context
  return Prisma.sql`
    WITH units AS (SELECT DISTINCT p."unitId" FROM "UnitChangePart" p WHERE p."changeId" = ${change}::uuid),
    members AS (
      SELECT un."inChargeMemberId" AS id FROM units JOIN "Unit" un ON un.id = units."unitId" WHERE un."inChargeMemberId" IS NOT NULL
      UNION SELECT unnest(${formerInCharge}::uuid[])
    ),
    told AS (
      SELECT u.id FROM "User" u WHERE u.active AND u.role IN (${UNIT_REPORTERS}) AND u."unitId" IN (SELECT "unitId" FROM units)
      UNION SELECT u.id FROM "User" u WHERE u.active AND u."memberId" IN (SELECT id FROM members)
    )
    INSERT INTO "Notification" ("id", "recipientId", "kind", "unitChangeId", "actorId", "createdAt", "showFrom")
    SELECT uuid_v7(${now}::timestamptz), told.id, ${kind}::"NotificationKind", ${change}::uuid, ${actor.id}::uuid, ${now}::timestamptz, ${now}::timestamptz
      FROM told
     WHERE told.id <> ${actor.id}::uuid`
}
