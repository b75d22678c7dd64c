// What each user must see on arrival: the work in their scope that is overdue or due
// within DUE_SOON_DAYS days, not done; and the work whose task reports monthly or quarterly with
// its last closed cycle unreported (overdue) or its current cycle's deadline that near, unreported
// (./report-cycles.ts). The scope is the one in which they report
// (`assignment.update` of lib/auth/rules.ts): staff their unit, a member of the Standing Committee
// the units in their charge and the groups they lead, an administrator the whole district. Leaders
// also see the reports awaiting their confirmation (lib/queries/pending-reviews.ts).
import 'server-only'
import { cache } from 'react'
import { assignmentsScopeParts, assignmentsScopeSql, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { snapshotCache } from '@/lib/db/snapshot-cache'
import type { CalendarDay } from '@/lib/domain/calendar'
import { cycleOf, lastClosedCycle, type Cadence } from '@/lib/domain/report-cycle'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import type { OverdueAssignment } from './member-progress'
import { progressCountsReady } from './progress-counts'
import { cycleRemindersSql, type CycleReminder } from './report-cycles'

export type ReminderCounts = { overdue: number; dueSoon: number }

/**
 * An assignment to chase: the member page's overdue row, also when it is only due soon; `overdue`
 * when its task or its last reporting cycle is, `cycle` when a cycle is what it is reminded of.
 */
export type Reminder = Omit<OverdueAssignment, 'id'> & { assignmentId: string; overdue: boolean; cycle: CycleReminder | null }

/** The cycle reminders (./report-cycles.ts) of the assignments not done, of active units, in the actor's scope `scope` (on a). */
const cycleReminders = (scope: Prisma.Sql, today: CalendarDay, dueSoonDays = DUE_SOON_DAYS) =>
  cycleRemindersSql(today, dueSoonDays, Prisma.sql`u.active AND a.status <> 'DONE' AND ${scope}`)

/**
 * How many assignments in the actor's scope are overdue, and how many due soon: the navigation's
 * count, on every page. Read from the counts kept per unit and per task (a scope is whole units and
 * whole tasks), less the assignments counted in both, so it costs a few index reads at any scale.
 */
const keptReminders = snapshotCache<ReminderCounts>('reminder counts', 256)
export const reminderCounts = cache((actor: Actor, today: CalendarDay): Promise<ReminderCounts> =>
  keptReminders(`${actor.id} ${actor.role} ${actor.unitId} ${actor.memberId ?? ''} ${actor.scopeUnitId ?? ''} ${today}`, () => countReminders(actor, today)),
)

async function countReminders(actor: Actor, today: CalendarDay): Promise<ReminderCounts> {
  const scope = assignmentsScopeParts(actor, 'assignment.update')
  if (!scope) return { overdue: 0, dueSoon: 0 }
  await progressCountsReady(today)
  // A task's kept counts are the whole deployment's: within a subtree, its assignments there are counted.
  const taskCounts =
    actor.scopeUnitId === null
      ? Prisma.sql`SELECT c.overdue, c."dueSoon" FROM "TaskProgressCount" c JOIN tasks ON tasks.id = c."taskId"`
      : Prisma.sql`SELECT (t."dueDate" < ${today}::date)::int, (t."dueDate" >= ${today}::date)::int
                     FROM "Unit" su JOIN "Assignment" a ON a."unitId" = su.id JOIN tasks ON tasks.id = a."taskId" JOIN "Task" t ON t.id = a."taskId"
                    WHERE su.active AND ${unitRowInScopeSql(actor, 'su')} AND a.status <> 'DONE' AND t."dueDate" <= ${today}::date + ${DUE_SOON_DAYS}::int`
  const [counts] = await db().$queryRaw<ReminderCounts[]>`
    WITH units AS (SELECT u.id FROM "Unit" u WHERE u.active AND ${scope.units}),
         tasks AS (SELECT t.id FROM "Task" t WHERE t.active AND ${scope.tasks}),
         kept AS (
           SELECT c.overdue, c."dueSoon" FROM "UnitProgressCount" c JOIN units ON units.id = c."unitId"
           UNION ALL
           ${taskCounts}
           UNION ALL
           SELECT -(t."dueDate" < ${today}::date)::int, -(t."dueDate" >= ${today}::date)::int
             FROM units JOIN "Assignment" a ON a."unitId" = units.id JOIN tasks ON tasks.id = a."taskId" JOIN "Task" t ON t.id = a."taskId"
            WHERE a.status <> 'DONE' AND t."dueDate" <= ${today}::date + ${DUE_SOON_DAYS}::int
         )
    SELECT COALESCE(sum(overdue), 0)::int AS "overdue", COALESCE(sum("dueSoon"), 0)::int AS "dueSoon" FROM kept`
  const [cycles] = await cycleCounts(actor, today)
  if (!counts || !cycles) return { overdue: 0, dueSoon: 0 }
  return { overdue: counts.overdue + cycles.overdue, dueSoon: counts.dueSoon + cycles.dueSoon }
}

/**
 * What the cycle reminders change in the counts kept by due date: an assignment counts once, overdue
 * when its task or its cycle is, else due soon. A direct query on the assignments of tasks with a
 * cadence in scope (few, against the index on StatusUpdate ("assignmentId", "createdAt")).
 */
function cycleCounts(actor: Actor, today: CalendarDay) {
  const scope = assignmentsScopeSql(actor, 'assignment.update', 'a')
  if (!scope) return Promise.resolve([{ overdue: 0, dueSoon: 0 }])
  const soon = Prisma.sql`${today}::date + ${DUE_SOON_DAYS}::int`
  return db().$queryRaw<ReminderCounts[]>`
    SELECT COUNT(*) FILTER (WHERE c."cycleOverdue" AND t."dueDate" >= ${today}::date)::int AS "overdue",
           (COUNT(*) FILTER (WHERE NOT c."cycleOverdue" AND t."dueDate" > ${soon})
             - COUNT(*) FILTER (WHERE c."cycleOverdue" AND t."dueDate" BETWEEN ${today}::date AND ${soon}))::int AS "dueSoon"
      FROM (${cycleReminders(scope, today)}) c
      JOIN "Assignment" a ON a.id = c."assignmentId"
      JOIN "Task" t ON t.id = a."taskId"`
}

type ReminderRow = Omit<Reminder, 'cycle'> & { cadence: Cadence['kind'] | null; cadenceDay: number | null; cycleOverdue: boolean | null }

/**
 * The reminded assignments, the earliest deadline (of the task or the cycle) first, at most `limit`
 * of them; due soon within `dueSoonDays` days (the page's DUE_SOON_DAYS, an account's own for mail).
 */
export const reminders = cache(async (actor: Actor, today: CalendarDay, limit: number, dueSoonDays: number = DUE_SOON_DAYS): Promise<Reminder[]> => {
  const scope = assignmentsScopeSql(actor, 'assignment.update', 'a')
  if (!scope) return []
  const rows = await db().$queryRaw<ReminderRow[]>`
    SELECT a.id::text AS "assignmentId", u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           a.status::text AS "status", a.progress, t."dueDate",
           t."dueDate" < ${today}::date OR COALESCE(c."cycleOverdue", false) AS "overdue",
           c.kind AS "cadence", c.day AS "cadenceDay", c."cycleOverdue"
      FROM "Assignment" a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND u.active
      LEFT JOIN (${cycleReminders(scope, today, dueSoonDays)}) c ON c."assignmentId" = a.id
     WHERE ${scope} AND a.status <> 'DONE' AND (t."dueDate" <= ${today}::date + ${dueSoonDays}::int OR c."assignmentId" IS NOT NULL)
     ORDER BY LEAST(t."dueDate", c.deadline), u."sortOrder", u.name, t."sortOrder", t.code
     LIMIT ${limit}`
  return rows.map(({ cadence, cadenceDay, cycleOverdue, ...row }) => {
    const of = cadence && cadenceDay !== null ? { kind: cadence, day: cadenceDay } : null
    return { ...row, cycle: of ? { cycle: cycleOverdue ? lastClosedCycle(of, today) : cycleOf(of, today), overdue: cycleOverdue === true } : null }
  })
})
