// Progress per standing-committee member (/members, /members/[code]): what lies under each member,
// that is the assignments of the units in their charge and of the task groups they lead (the
// scope lib/auth/permissions.ts calls 'led'), counted in SQL over active tasks in the units that
// count on the source's day (a unit merged into another until its merge, ProgressSource.unitCounted).
// A report of a merged unit still waiting is still confirmed, so the waiting reports are those of
// the units on record (unit-history.ts unitOnRecord).
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { groupRowVisibleSql, memberRowInScopeSql, membersWhere, reportConfirmerSql, type Actor } from '@/lib/auth/permissions'
import type { UnitKind } from '@/lib/db/generated/enums'
import { pagedRows, type Paged } from '@/lib/domain/paging'
import type { ReportChannel } from '@/lib/domain/notifications'
import type { TaskStatus } from '@/lib/domain/status'
import { pathCodeSchema } from '@/lib/validation/admin'
import type { StatusCounts } from '@/lib/domain/status-counts'
import { STATUS_COUNTS, statusCountColumnsOf, summedStatusColumns } from './progress-counts'
import { countColumns, isOverdue } from './progress-rule'
import { latestReportOf, latestReportSql, type LatestReport, type LatestReportColumns } from './latest-report'
import type { ProgressSource } from './progress-source'
import { unitOnRecord } from './unit-history'

export type Member = { id: string; code: string; name: string; title: string }


/** null when no active member of the reader's subtree has this code (as a page's or a download's path gives it, unchecked). */
export const memberByCode = cache(async (reader: Pick<Actor, 'scopeUnitId'>, code: string): Promise<Member | null> => {
  const parsed = pathCodeSchema.safeParse(code)
  if (!parsed.success) return null
  return db().member.findFirst({ where: { code: parsed.data, active: true, ...membersWhere(reader) }, select: { id: true, code: true, name: true, title: true } })
})

/**
 * The ids of the assignments under one member, found through the indexes from both sides (the
 * units in their charge, the tasks of the groups they lead) rather than by testing every
 * assignment: a join that narrows a query to that member.
 */
const underMember = (memberId: string | null) =>
  memberId === null
    ? Prisma.empty
    : Prisma.sql`
  JOIN (SELECT x.id FROM "Unit" xu JOIN "Assignment" x ON x."unitId" = xu.id WHERE xu."inChargeMemberId" = ${memberId}::uuid
        UNION
        SELECT x.id FROM "TaskGroup" xg JOIN "Task" xt ON xt."groupId" = xg.id JOIN "Assignment" x ON x."taskId" = xt.id
         WHERE xg."leadMemberId" = ${memberId}::uuid) under ON under.id = a.id`

/**
 * Each assignment of an active task in a unit `units` picks, once per member it lies under: the
 * member in charge of its unit, and the lead of its task's group when that is someone else. Joins
 * `a`, `t`, `u`, `g` and `led("memberId")`; with `memberId`, only the assignments under that member
 * (the caller still picks their rows).
 */
const ledAssignments = (memberId: string | null, units: Prisma.Sql) => Prisma.sql`
  "Assignment" a
  ${underMember(memberId)}
  JOIN "Task" t ON t.id = a."taskId" AND t.active
  JOIN "Unit" u ON u.id = a."unitId" AND ${units}
  JOIN "TaskGroup" g ON g.id = t."groupId"
  CROSS JOIN LATERAL (VALUES (u."inChargeMemberId"), (NULLIF(g."leadMemberId", u."inChargeMemberId"))) led("memberId")`

/** Whose rows: one member's, those of the members listed (one page of /members), or every member's (null). */
export type Members = string | readonly string[] | null

const onlyMember = (column: Prisma.Sql, members: Members) =>
  members === null
    ? Prisma.empty
    : typeof members === 'string'
      ? Prisma.sql`AND ${column} = ${members}::uuid`
      : Prisma.sql`AND ${column} = ANY(${[...members]}::uuid[])`

export type MemberSummary = Member &
  StatusCounts & {
    /** Updates (PENDING) that the member confirms (reportConfirmerOf): never their own. */
    pending: number
    /** The committee's own order (protocol), the last tie-breaker. */
    sortOrder: number
  }

/**
 * Who needs help first, over summary rows `s`: the most overdue work, then the lowest share done on
 * time (onTimeShare; a member with nothing due yet comes after those who have a share), then the
 * committee's own order; the code last, so that the order is total and pages neither repeat nor skip.
 */
const byNeedForHelp = Prisma.sql`s."overdue" DESC,
  s."doneOnTime"::float8 / NULLIF(s."doneOnTime" + s."doneLate" + s."overdue", 0) NULLS LAST,
  s."sortOrder", s.name, s.code`

/** The additive columns of a row of counts `c`, each times `sign`. */
const signedCounts = (sign: 1 | -1) =>
  Prisma.join([...STATUS_COUNTS, 'progressSum'].map((column) => Prisma.sql`${sign} * c.${Prisma.raw(`"${column}"`)} AS ${Prisma.raw(`"${column}"`)}`))

/**
 * The counts under each member: those of the units in their charge, plus those of the tasks of the
 * groups they lead, less the assignments that are both (in their unit and their group), which alone
 * are counted here, a few. Rows `("memberId", counts…)`, to be summed per member.
 */
async function memberPairs(source: ProgressSource, memberId: string | null): Promise<Prisma.Sql> {
  return Prisma.sql`
      SELECT u."inChargeMemberId" AS "memberId", ${signedCounts(1)}
        FROM "Unit" u ${await source.unitCounts()}
       WHERE ${source.unitCounted()} ${onlyMember(Prisma.sql`u."inChargeMemberId"`, memberId)}
      UNION ALL
      SELECT g."leadMemberId", ${signedCounts(1)}
        FROM "TaskGroup" g JOIN "Task" t ON t."groupId" = g.id AND t.active ${await source.taskCounts()}
       WHERE true ${onlyMember(Prisma.sql`g."leadMemberId"`, memberId)}
      UNION ALL
      SELECT c."memberId", ${signedCounts(-1)}
        FROM (SELECT g."leadMemberId" AS "memberId", ${countColumns(source.day)}
                FROM "TaskGroup" g
                JOIN "Task" t ON t."groupId" = g.id AND t.active
                JOIN "Unit" u ON u."inChargeMemberId" = g."leadMemberId" AND ${source.unitCounted()}
                JOIN ${source.assignments} a ON a."unitId" = u.id AND a."taskId" = t.id
               WHERE true ${onlyMember(Prisma.sql`g."leadMemberId"`, memberId)}
               GROUP BY g."leadMemberId") c`
}

/**
 * The member who confirms a waiting report (lib/auth/rules.ts reportConfirmerOf, as
 * reportConfirmerSql): the member in charge of its unit `u`, else the lead of its task's group `g`;
 * never its author `author` (the lead confirms what the member in charge reported).
 */
const confirmer = reportConfirmerSql({ unitInCharge: Prisma.sql`u."inChargeMemberId"`, groupLead: Prisma.sql`g."leadMemberId"`, authorMember: Prisma.sql`author."memberId"` })

/**
 * The reports waiting for each member's confirmation. Every member's: each waiting report in live
 * tasks and units on record, a few thousand at national scale; one member's: found from that member's
 * assignments (ledAssignments), through the indexes: a report's confirmer is one who leads it.
 */
const pendingUnder = (source: ProgressSource, memberId: string | null) =>
  memberId === null
    ? Prisma.sql`
      SELECT ${confirmer} AS "memberId", COUNT(*)::int AS "pending"
        FROM ${source.pendingReports} p
        JOIN "Unit" u ON u.id = p."unitId" AND ${unitOnRecord()} AND ${source.unitInScope()}
        JOIN "Task" t ON t.id = p."taskId" AND t.active
        JOIN "TaskGroup" g ON g.id = t."groupId"
        JOIN "User" author ON author.id = p."authorId"
       WHERE ${confirmer} IS NOT NULL
       GROUP BY 1`
    : Prisma.sql`
      SELECT led."memberId", COUNT(*)::int AS "pending"
        FROM ${source.pendingReports} p
        JOIN (${ledAssignments(memberId, Prisma.sql`${unitOnRecord()} AND ${source.unitInScope()}`)}) ON a.id = p."assignmentId"
        JOIN "User" author ON author.id = p."authorId"
       WHERE led."memberId" = ${memberId}::uuid AND ${confirmer} = ${memberId}::uuid
       GROUP BY led."memberId"`

/**
 * Every active member (or the one given) with the counts of the work under them, unordered (a
 * subquery): the assignments of the units in their charge and of the groups they lead, an
 * assignment that is both counted once.
 */
async function summaryRows(source: ProgressSource, memberId: string | null): Promise<Prisma.Sql> {
  return Prisma.sql`
    WITH counts AS (${await memberPairs(source, memberId)}),
         pending AS (${pendingUnder(source, memberId)})
    SELECT m.id::text AS "id", m.code, m.name, m.title, m."sortOrder",
           ${summedStatusColumns()},
           COALESCE(pe."pending", 0) AS "pending"
      FROM "Member" m
      LEFT JOIN counts c ON c."memberId" = m.id
      LEFT JOIN pending pe ON pe."memberId" = m.id
     WHERE m.active AND ${memberRowInScopeSql(source.scope, 'm')} ${onlyMember(Prisma.sql`m.id`, memberId)}
     GROUP BY m.id, pe."pending"`
}

/** Every active member (or the one given) with their counts, ranked by byNeedForHelp. */
export const memberSummaries = cache(
  async (source: ProgressSource, memberId: string | null): Promise<MemberSummary[]> =>
    db().$queryRaw<MemberSummary[]>`SELECT s.* FROM (${await summaryRows(source, memberId)}) s ORDER BY ${byNeedForHelp}`,
)

/** `limit` active members from the `offset`-th in the ranking by byNeedForHelp, with their counts, and how many there are. */
export const memberSummaryPage = cache(
  async (source: ProgressSource, limit: number, offset: number): Promise<Paged<MemberSummary>> =>
    pagedRows(
      await db().$queryRaw<(MemberSummary & { total: number })[]>`
        SELECT s.*, (count(*) OVER ())::int AS "total" FROM (${await summaryRows(source, null)}) s
         ORDER BY ${byNeedForHelp} LIMIT ${limit} OFFSET ${offset}`,
    ),
)

export type GroupProgress = StatusCounts & { memberId: string; groupId: string; code: string; name: string }

/** The task groups led by active members (or by those given), each counted district-wide, in the groups' order. */
export const ledGroupProgress = cache(async (source: ProgressSource, members: Members): Promise<GroupProgress[]> => {
  return db().$queryRaw<GroupProgress[]>`
    SELECT g."leadMemberId"::text AS "memberId", g.id::text AS "groupId", g.code, g.name, ${summedStatusColumns()}
      FROM "TaskGroup" g
      JOIN "Member" m ON m.id = g."leadMemberId" AND m.active
      LEFT JOIN ("Task" t ${await source.taskCounts()}) ON t."groupId" = g.id AND t.active
     WHERE ${groupRowVisibleSql(source.scope, 'g')} ${onlyMember(Prisma.sql`g."leadMemberId"`, members)}
     GROUP BY g.id
     ORDER BY g."sortOrder", g.code`
})

export type UnitProgress = StatusCounts & {
  memberId: string
  unitId: string
  code: string
  name: string
  kind: UnitKind
  /** How many units the member is in charge of, whatever the limit. */
  unitCount: number
}

/**
 * The units counted on the source's day in the charge of active members (or of those given), each
 * with its counts and its name of that day;
 * the units needing help first (most overdue, then lowest progress). `perMember` caps each
 * member's list (null: no cap).
 */
export const inChargeUnitProgress = cache(async (source: ProgressSource, members: Members, perMember: number | null): Promise<UnitProgress[]> => {
  return db().$queryRaw<UnitProgress[]>`
    SELECT "memberId", "unitId", code, name, kind, "unitCount",
           "assigned", "doneOnTime", "doneLate", "inProgress", "blocked", "notStarted", "overdue", "dueSoon", "progress"
      FROM (
        SELECT c.*,
               ROW_NUMBER() OVER (PARTITION BY c."memberId" ORDER BY c."overdue" DESC, c."progress", c."sortOrder", c.name) AS "rank",
               (COUNT(*) OVER (PARTITION BY c."memberId"))::int AS "unitCount"
          FROM (
            SELECT u."inChargeMemberId"::text AS "memberId", u.id::text AS "unitId", u.code, ${source.unitName()} AS name, u.kind::text AS kind, u."sortOrder",
                   ${statusCountColumnsOf()}
              FROM "Unit" u
              JOIN "Member" m ON m.id = u."inChargeMemberId" AND m.active
              ${await source.unitCounts()}
             WHERE ${source.unitCounted()} ${onlyMember(Prisma.sql`u."inChargeMemberId"`, members)}
          ) c
      ) ranked
     WHERE ${perMember === null ? Prisma.sql`true` : Prisma.sql`"rank" <= ${perMember}`}
     ORDER BY "memberId", "rank"`
})

export type PendingUpdate = {
  id: string
  createdAt: Date
  status: TaskStatus
  progress: number
  authorName: string
  /** Set when the office entered the report on the unit's behalf: how the unit sent it. */
  onBehalfVia: ReportChannel | null
  unitCode: string
  unitName: string
  taskCode: string
  taskTitle: string
}

/**
 * The updates awaiting the member's confirmation (reportConfirmerOf: never their own; what the member
 * in charge reported, when they lead its group), the longest waiting first; `limit` rows, `total` counts all.
 */
export const memberPendingUpdates = cache(async (source: ProgressSource, memberId: string, limit: number): Promise<Paged<PendingUpdate>> => {
  const rows = await db().$queryRaw<(PendingUpdate & { total: number })[]>`
    SELECT s.id::text AS "id", s."createdAt", s.status::text AS "status", s.progress, author."displayName" AS "authorName", s."onBehalfVia"::text AS "onBehalfVia",
           u.code AS "unitCode", ${source.unitName()} AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           (COUNT(*) OVER ())::int AS "total"
      FROM ${source.pendingReports} p
      JOIN "StatusUpdate" s ON s.id = p."statusUpdateId"
      JOIN (${ledAssignments(memberId, Prisma.sql`${unitOnRecord()} AND ${source.unitInScope()}`)}) ON a.id = p."assignmentId"
      JOIN "User" author ON author.id = p."authorId"
     WHERE led."memberId" = ${memberId}::uuid AND ${confirmer} = ${memberId}::uuid
     ORDER BY s."createdAt", s.id
     LIMIT ${limit}`
  return pagedRows(rows)
})

export type OverdueAssignment = {
  id: string
  unitCode: string
  unitName: string
  taskCode: string
  taskTitle: string
  status: TaskStatus
  progress: number
  /** As Prisma returns a DATE column: midnight UTC of that day. */
  dueDate: Date
}

/** The overdue work's order: the oldest deadline first. */
const overdueOrder = Prisma.sql`"dueDate", "unitOrder", "unitName", "taskOrder", "taskCode"`

/** Work under the member that is not done and past its due date, the oldest deadline first; `more` adds columns read along each. */
function memberOverdueSql(source: ProgressSource, memberId: string, limit: number, more = { columns: Prisma.empty, join: Prisma.empty }): Prisma.Sql {
  // The two ways work lies under a member, each read from its own narrow side: the units in their
  // charge, and (for units in someone else's charge) the overdue tasks of the groups they lead.
  // As one join through ledAssignments, PostgreSQL 15 read every assignment of every overdue task
  // in the district; apart, each branch is an index lookup.
  const columns = Prisma.sql`a.id::text AS "id", u.code AS "unitCode", ${source.unitName()} AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           a.status::text AS "status", a.progress, t."dueDate", u."sortOrder" AS "unitOrder", t."sortOrder" AS "taskOrder"`
  const overdue = isOverdue(source.day)
  return Prisma.sql`
    SELECT o."id", o."unitCode", o."unitName", o."taskCode", o."taskTitle", o."status", o.progress, o."dueDate", o."total" ${more.columns}
      FROM (SELECT under.*, (COUNT(*) OVER ())::int AS "total"
              FROM (SELECT ${columns}
                      FROM "Unit" u
                      JOIN ${source.assignments} a ON a."unitId" = u.id
                      JOIN "Task" t ON t.id = a."taskId" AND t.active
                     WHERE u."inChargeMemberId" = ${memberId}::uuid AND ${source.unitCounted()} AND ${overdue}
                    UNION ALL
                    SELECT ${columns}
                      FROM "TaskGroup" g
                      JOIN "Task" t ON t."groupId" = g.id AND t.active
                      JOIN ${source.assignments} a ON a."taskId" = t.id
                      JOIN "Unit" u ON u.id = a."unitId" AND ${source.unitCounted()}
                     WHERE g."leadMemberId" = ${memberId}::uuid AND u."inChargeMemberId" IS DISTINCT FROM ${memberId}::uuid AND ${overdue}) under
             ORDER BY ${overdueOrder}
             LIMIT ${limit}) o
      ${more.join}
     ORDER BY ${overdueOrder}`
}

/** Work under the member that is not done and past its due date, the oldest deadline first. */
export const memberOverdueAssignments = cache(
  async (source: ProgressSource, memberId: string, limit: number): Promise<Paged<OverdueAssignment>> =>
    pagedRows(await db().$queryRaw<(OverdueAssignment & { total: number })[]>(memberOverdueSql(source, memberId, limit))),
)

export type OverdueReport = OverdueAssignment & LatestReport

/** The same, each with its latest report as `reader` may read it (./latest-report.ts): the member's download. */
export async function memberOverdueReports(source: ProgressSource, reader: Actor, memberId: string, limit: number): Promise<Paged<OverdueReport>> {
  const latest = latestReportSql(source, reader)
  const rows = await db().$queryRaw<(OverdueAssignment & LatestReportColumns & { total: number })[]>(
    memberOverdueSql(source, memberId, limit, { columns: Prisma.sql`, ${latest.columns}`, join: Prisma.sql`JOIN "Assignment" a ON a.id = o."id"::uuid ${latest.join}` }),
  )
  return pagedRows(rows.map((row) => ({ ...row, ...latestReportOf(row) })))
}

/** Rows of several members, by member. */
export function byMember<T extends { memberId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const list = map.get(row.memberId)
    if (list) list.push(row)
    else map.set(row.memberId, [row])
  }
  return map
}
