// What each user must see on arrival: the work in their scope that is overdue or due
// within DUE_SOON_DAYS days, not done. The scope is the one in which they report
// (`assignment.update` of lib/auth/rules.ts): staff their unit, a member of the Standing Committee
// the units in their charge and the groups they lead, an administrator the whole district. Leaders
// also see the reports awaiting their confirmation (lib/queries/pending-reviews.ts).
import 'server-only'
import { cache } from 'react'
import { assignmentsScopeParts, assignmentsScopeSql, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import type { OverdueAssignment } from './member-progress'
import { progressCountsReady } from './progress-counts'

export type ReminderCounts = { overdue: number; dueSoon: number }

/** An assignment to chase: the member page's overdue row, also when it is only due soon. */
export type Reminder = Omit<OverdueAssignment, 'id'> & { overdue: boolean }

/** Not done, in an active task of an active unit, due by the end of the window (overdue included). */
function remindedAssignments(actor: Actor, today: CalendarDay): Prisma.Sql | null {
  const scope = assignmentsScopeSql(actor, 'assignment.update', 'a')
  if (!scope) return null
  return Prisma.sql`
    "Assignment" a
    JOIN "Task" t ON t.id = a."taskId" AND t.active
    JOIN "Unit" u ON u.id = a."unitId" AND u.active
   WHERE ${scope} AND a.status <> 'DONE' AND t."dueDate" <= ${today}::date + ${DUE_SOON_DAYS}::int`
}

/**
 * How many assignments in the actor's scope are overdue, and how many due soon: the navigation's
 * count, on every page. Read from the counts kept per unit and per task (a scope is whole units and
 * whole tasks), less the assignments counted in both, so it costs a few index reads at any scale.
 */
export const reminderCounts = cache(async (actor: Actor, today: CalendarDay): Promise<ReminderCounts> => {
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
  return counts ?? { overdue: 0, dueSoon: 0 }
})

/** The reminded assignments, the earliest deadline first, at most `limit` of them. */
export const reminders = cache(async (actor: Actor, today: CalendarDay, limit: number): Promise<Reminder[]> => {
  const source = remindedAssignments(actor, today)
  if (!source) return []
  return db().$queryRaw<Reminder[]>`
    SELECT u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           a.status::text AS "status", a.progress, t."dueDate", t."dueDate" < ${today}::date AS "overdue"
      FROM ${source}
     ORDER BY t."dueDate", u."sortOrder", u.name, t."sortOrder", t.code
     LIMIT ${limit}`
})
