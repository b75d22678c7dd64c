// Progress per standing-committee member (/members, /members/[code]): what lies under each member,
// that is the assignments of the units in their charge and of the task groups they lead (the
// scope lib/auth/permissions.ts calls 'led'), counted in SQL over active tasks in active units.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { UnitKind } from '@/lib/db/generated/enums'
import type { CalendarDay } from '@/lib/domain/calendar'
import { pagedRows, type Paged } from '@/lib/domain/paging'
import type { TaskStatus } from '@/lib/domain/status'
import { assignmentSource, madeBy, reviewStateAsOf } from './as-of'
import { progressCountsReady, STATUS_COUNTS, summedStatusColumns, unitCounts } from './progress-counts'
import { statusCountColumns, type StatusCounts } from './status-counts'

export type Member = { id: string; code: string; name: string; title: string }

/** null when no active member has this code. */
export const memberByCode = cache(
  (code: string): Promise<Member | null> =>
    db().member.findFirst({ where: { code, active: true }, select: { id: true, code: true, name: true, title: true } }),
)

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
 * Each live assignment once per member it lies under: the member in charge of its unit, and the
 * lead of its task's group when that is someone else. Joins `a`, `t`, `u`, `g` and `led("memberId")`;
 * with `memberId`, only the assignments under that member (the caller still picks their rows).
 */
const ledAssignments = (asOf: Date | null, memberId: string | null) => Prisma.sql`
  ${assignmentSource(asOf)} a
  ${underMember(memberId)}
  JOIN "Task" t ON t.id = a."taskId" AND t.active
  JOIN "Unit" u ON u.id = a."unitId" AND u.active
  JOIN "TaskGroup" g ON g.id = t."groupId"
  CROSS JOIN LATERAL (VALUES (u."inChargeMemberId"), (NULLIF(g."leadMemberId", u."inChargeMemberId"))) led("memberId")`

/** Reports (`s`) waiting for confirmation at `asOf`: made by then and not yet confirmed or returned then. */
const isPending = (asOf: Date | null) => Prisma.sql`(${madeBy(asOf)} AND ${reviewStateAsOf(asOf)} = 'PENDING')`

/** The reports `s` to test with isPending: now, only those kept as waiting (PendingReview), a few. */
const reportsMaybePending = (asOf: Date | null) =>
  asOf === null ? Prisma.sql`"PendingReview" pr JOIN "StatusUpdate" s ON s.id = pr."statusUpdateId"` : Prisma.sql`"StatusUpdate" s`

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
    /** Updates (PENDING) on assignments under the member: theirs to confirm. */
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

/** The additive columns of a row of counts `c` (UnitProgressCount, TaskProgressCount, or a count of assignments), each times `sign`. */
const countColumns = (sign: 1 | -1) =>
  Prisma.join([...STATUS_COUNTS, 'progressSum'].map((column) => Prisma.sql`${sign} * c.${Prisma.raw(`"${column}"`)} AS ${Prisma.raw(`"${column}"`)}`))

/**
 * Today's counts under each member from the counts the database keeps (lib/queries/progress-counts.ts):
 * those of the units in their charge, plus those of the tasks of the groups they lead, less the
 * assignments that are both (in their unit and their group), which alone are counted here, a few.
 * Rows `("memberId", counts…)`, to be summed per member.
 */
const keptPairs = (today: CalendarDay, memberId: string | null) => Prisma.sql`
      SELECT u."inChargeMemberId" AS "memberId", ${countColumns(1)}
        FROM "Unit" u JOIN "UnitProgressCount" c ON c."unitId" = u.id
       WHERE u.active ${onlyMember(Prisma.sql`u."inChargeMemberId"`, memberId)}
      UNION ALL
      SELECT g."leadMemberId", ${countColumns(1)}
        FROM "TaskGroup" g JOIN "Task" t ON t."groupId" = g.id AND t.active JOIN "TaskProgressCount" c ON c."taskId" = t.id
       WHERE true ${onlyMember(Prisma.sql`g."leadMemberId"`, memberId)}
      UNION ALL
      SELECT c."memberId", ${countColumns(-1)}
        FROM (SELECT g."leadMemberId" AS "memberId", ${statusCountColumns(today)}, SUM(a.progress) AS "progressSum"
                FROM "TaskGroup" g
                JOIN "Task" t ON t."groupId" = g.id AND t.active
                JOIN "Unit" u ON u."inChargeMemberId" = g."leadMemberId" AND u.active
                JOIN "Assignment" a ON a."unitId" = u.id AND a."taskId" = t.id
               WHERE true ${onlyMember(Prisma.sql`g."leadMemberId"`, memberId)}
               GROUP BY g."leadMemberId") c`

/** At `asOf`, counted from the history: each assignment once per pair (member in charge of the unit, lead of the group). */
const countedPairs = (today: CalendarDay, memberId: string | null, asOf: Date) => Prisma.sql`
      SELECT led."memberId", ${statusCountColumns(today)}, SUM(a.progress) AS "progressSum"
        FROM ${ledAssignments(asOf, memberId)}
       WHERE led."memberId" IS NOT NULL ${onlyMember(Prisma.sql`led."memberId"`, memberId)}
       GROUP BY led."memberId"`

/**
 * The reports waiting for confirmation under each member. Every member's now: those kept as waiting
 * (PendingReview) in live units and tasks, a few thousand at national scale; one member's, or at a
 * past moment: found from that member's assignments (ledAssignments), through the indexes.
 */
const pendingUnder = (memberId: string | null, asOf: Date | null) =>
  asOf === null && memberId === null
    ? Prisma.sql`
      SELECT led."memberId", COUNT(*)::int AS "pending"
        FROM "PendingReview" p
        JOIN "Unit" u ON u.id = p."unitId" AND u.active
        JOIN "Task" t ON t.id = p."taskId" AND t.active
        JOIN "TaskGroup" g ON g.id = t."groupId"
        CROSS JOIN LATERAL (VALUES (u."inChargeMemberId"), (NULLIF(g."leadMemberId", u."inChargeMemberId"))) led("memberId")
       WHERE led."memberId" IS NOT NULL
       GROUP BY led."memberId"`
    : Prisma.sql`
      SELECT led."memberId", COUNT(*)::int AS "pending"
        FROM ${reportsMaybePending(asOf)}
        JOIN (${ledAssignments(asOf, memberId)}) ON a.id = s."assignmentId"
       WHERE ${isPending(asOf)} AND led."memberId" IS NOT NULL ${onlyMember(Prisma.sql`led."memberId"`, memberId)}
       GROUP BY led."memberId"`

/**
 * Every active member (or the one given) with the counts of the work under them, unordered (a
 * subquery): the assignments of the units in their charge and of the groups they lead, an
 * assignment that is both counted once. Today's come from the kept counts (made today's first); a
 * past day's are counted from the history.
 */
async function summaryRows(today: CalendarDay, memberId: string | null, asOf: Date | null): Promise<Prisma.Sql> {
  if (asOf === null) await progressCountsReady(today)
  return Prisma.sql`
    WITH counts AS (${asOf === null ? keptPairs(today, memberId) : countedPairs(today, memberId, asOf)}),
         pending AS (${pendingUnder(memberId, asOf)})
    SELECT m.id::text AS "id", m.code, m.name, m.title, m."sortOrder",
           ${summedStatusColumns()},
           COALESCE(pe."pending", 0) AS "pending"
      FROM "Member" m
      LEFT JOIN counts c ON c."memberId" = m.id
      LEFT JOIN pending pe ON pe."memberId" = m.id
     WHERE m.active ${onlyMember(Prisma.sql`m.id`, memberId)}
     GROUP BY m.id, pe."pending"`
}

/** Every active member (or the one given) with their counts, ranked by byNeedForHelp. */
export const memberSummaries = cache(
  async (today: CalendarDay, memberId: string | null, asOf: Date | null = null): Promise<MemberSummary[]> =>
    db().$queryRaw<MemberSummary[]>`SELECT s.* FROM (${await summaryRows(today, memberId, asOf)}) s ORDER BY ${byNeedForHelp}`,
)

/** `limit` active members from the `offset`-th in the ranking by byNeedForHelp, with their counts, and how many there are. */
export const memberSummaryPage = cache(
  async (today: CalendarDay, limit: number, offset: number, asOf: Date | null = null): Promise<Paged<MemberSummary>> =>
    pagedRows(
      await db().$queryRaw<(MemberSummary & { total: number })[]>`
        SELECT s.*, (count(*) OVER ())::int AS "total" FROM (${await summaryRows(today, null, asOf)}) s
         ORDER BY ${byNeedForHelp} LIMIT ${limit} OFFSET ${offset}`,
    ),
)

export type GroupProgress = StatusCounts & { memberId: string; groupId: string; code: string; name: string }

/** The task groups led by active members (or by those given), each counted district-wide, in the groups' order. */
export const ledGroupProgress = cache(async (today: CalendarDay, members: Members, asOf: Date | null = null): Promise<GroupProgress[]> => {
  // Today's from the counts kept per task; a past moment's from the history.
  if (asOf === null) await progressCountsReady(today)
  const counts =
    asOf === null
      ? { join: Prisma.sql`LEFT JOIN ("Task" t JOIN "TaskProgressCount" c ON c."taskId" = t.id)`, columns: summedStatusColumns() }
      : { join: Prisma.sql`LEFT JOIN ("Task" t JOIN ${assignmentSource(asOf)} a ON a."taskId" = t.id JOIN "Unit" u ON u.id = a."unitId" AND u.active)`, columns: statusCountColumns(today) }
  return db().$queryRaw<GroupProgress[]>`
    SELECT g."leadMemberId"::text AS "memberId", g.id::text AS "groupId", g.code, g.name, ${counts.columns}
      FROM "TaskGroup" g
      JOIN "Member" m ON m.id = g."leadMemberId" AND m.active
      ${counts.join} ON t."groupId" = g.id AND t.active
     WHERE true ${onlyMember(Prisma.sql`g."leadMemberId"`, members)}
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
 * The active units in the charge of active members (or of those given), each with its counts;
 * the units needing help first (most overdue, then lowest progress). `perMember` caps each
 * member's list (null: no cap).
 */
export const inChargeUnitProgress = cache(async (today: CalendarDay, members: Members, perMember: number | null, asOf: Date | null = null): Promise<UnitProgress[]> => {
  const counts = await unitCounts(today, asOf)
  return db().$queryRaw<UnitProgress[]>`
    SELECT "memberId", "unitId", code, name, kind, "unitCount",
           "assigned", "doneOnTime", "doneLate", "inProgress", "blocked", "notStarted", "overdue", "dueSoon", "progress"
      FROM (
        SELECT c.*,
               ROW_NUMBER() OVER (PARTITION BY c."memberId" ORDER BY c."overdue" DESC, c."progress", c."sortOrder", c.name) AS "rank",
               (COUNT(*) OVER (PARTITION BY c."memberId"))::int AS "unitCount"
          FROM (
            SELECT u."inChargeMemberId"::text AS "memberId", u.id::text AS "unitId", u.code, u.name, u.kind::text AS kind, u."sortOrder",
                   ${counts.columns}
              FROM "Unit" u
              JOIN "Member" m ON m.id = u."inChargeMemberId" AND m.active
              ${counts.join}
             WHERE u.active ${onlyMember(Prisma.sql`u."inChargeMemberId"`, members)}
             ${counts.grouped ? Prisma.sql`GROUP BY u.id` : Prisma.empty}
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
  unitCode: string
  unitName: string
  taskCode: string
  taskTitle: string
}

/** The updates awaiting the member's confirmation (at `asOf`), the longest waiting first; `limit` rows, `total` counts all. */
export const memberPendingUpdates = cache(async (memberId: string, limit: number, asOf: Date | null = null): Promise<Paged<PendingUpdate>> => {
  const rows = await db().$queryRaw<(PendingUpdate & { total: number })[]>`
    SELECT s.id::text AS "id", s."createdAt", s.status::text AS "status", s.progress, author."displayName" AS "authorName",
           u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           (COUNT(*) OVER ())::int AS "total"
      FROM ${reportsMaybePending(asOf)}
      JOIN (${ledAssignments(asOf, memberId)}) ON a.id = s."assignmentId"
      JOIN "User" author ON author.id = s."authorId"
     WHERE ${isPending(asOf)} AND led."memberId" = ${memberId}::uuid
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

/** Work under the member that is not done and past its due date, the oldest deadline first. */
export const memberOverdueAssignments = cache(async (today: CalendarDay, memberId: string, limit: number, asOf: Date | null = null): Promise<Paged<OverdueAssignment>> => {
  // The two ways work lies under a member, each read from its own narrow side: the units in their
  // charge, and (for units in someone else's charge) the overdue tasks of the groups they lead.
  // As one join through ledAssignments, PostgreSQL 15 read every assignment of every overdue task
  // in the district (2.5 s on the national data set); apart, each branch is an index lookup.
  const columns = Prisma.sql`a.id::text AS "id", u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           a.status::text AS "status", a.progress, t."dueDate", u."sortOrder" AS "unitOrder", t."sortOrder" AS "taskOrder"`
  const overdue = Prisma.sql`a.status <> 'DONE' AND t."dueDate" < ${today}::date`
  const rows = await db().$queryRaw<(OverdueAssignment & { total: number })[]>`
    SELECT "id", "unitCode", "unitName", "taskCode", "taskTitle", "status", progress, "dueDate", (COUNT(*) OVER ())::int AS "total"
      FROM (SELECT ${columns}
              FROM "Unit" u
              JOIN ${assignmentSource(asOf)} a ON a."unitId" = u.id
              JOIN "Task" t ON t.id = a."taskId" AND t.active
             WHERE u."inChargeMemberId" = ${memberId}::uuid AND u.active AND ${overdue}
            UNION ALL
            SELECT ${columns}
              FROM "TaskGroup" g
              JOIN "Task" t ON t."groupId" = g.id AND t.active
              JOIN ${assignmentSource(asOf)} a ON a."taskId" = t.id
              JOIN "Unit" u ON u.id = a."unitId" AND u.active
             WHERE g."leadMemberId" = ${memberId}::uuid AND u."inChargeMemberId" IS DISTINCT FROM ${memberId}::uuid AND ${overdue}) under
     ORDER BY "dueDate", "unitOrder", "unitName", "taskOrder", "taskCode"
     LIMIT ${limit}`
  return pagedRows(rows)
})

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
