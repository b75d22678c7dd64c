// The district's whole register of assignments (every active task in every active unit), for the
// full download: read a batch of units at a time, so that a national-scale register (a million
// rows) streams out without being held in memory.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { TaskStatus } from '@/lib/domain/status'
import { assignmentSource } from './as-of'

export type RegisterRow = {
  unitName: string
  groupName: string
  title: string
  status: TaskStatus
  progress: number
  /** DECIMAL as a plain string ("12.5"); null before a figure is reported. */
  indicatorActual: string | null
  indicatorUnit: string | null
  /** As Prisma returns a DATE column: midnight UTC of that day. */
  dueDate: Date
  completedAt: Date | null
  lastUpdateAt: Date | null
  /** The member responsible for the assignment, else the member in charge of the unit. */
  memberName: string | null
}

/** How many assignments the register holds (at `asOf`, as in ./as-of). */
export async function registerSize(asOf: Date | null): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS count
      FROM ${assignmentSource(asOf)} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND u.active`
  return row?.count ?? 0
}

type UnitKey = { id: string; sortOrder: number; name: string }

/** The next `limit` active units after `after`, in the district's order of units. */
function unitsAfter(after: UnitKey | null, limit: number): Promise<UnitKey[]> {
  return db().$queryRaw<UnitKey[]>`
    SELECT u.id::text AS id, u."sortOrder", u.name
      FROM "Unit" u
     WHERE u.active ${after ? Prisma.sql`AND (u."sortOrder", u.name, u.id) > (${after.sortOrder}, ${after.name}, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY u."sortOrder", u.name, u.id
     LIMIT ${limit}`
}

/**
 * The register's rows, by unit in the district's order and by task group and task within a unit,
 * `unitsPerBatch` units per query: each batch is one page of units and one query for their rows.
 */
export async function* registerRows(asOf: Date | null, unitsPerBatch: number): AsyncGenerator<RegisterRow[]> {
  for (let after: UnitKey | null = null; ; ) {
    const units = await unitsAfter(after, unitsPerBatch)
    if (units.length === 0) return
    yield await db().$queryRaw<RegisterRow[]>`
      SELECT u.name AS "unitName", g.name AS "groupName", t.title, a.status::text AS "status", a.progress,
             trim_scale(a."indicatorActual")::text AS "indicatorActual", t."indicatorUnit",
             t."dueDate", a."completedAt", a."lastUpdateAt", m.name AS "memberName"
        FROM ${assignmentSource(asOf)} a
        JOIN "Unit" u ON u.id = a."unitId"
        JOIN "Task" t ON t.id = a."taskId" AND t.active
        JOIN "TaskGroup" g ON g.id = t."groupId"
        LEFT JOIN "Member" m ON m.id = COALESCE(a."responsibleMemberId", u."inChargeMemberId")
       WHERE a."unitId" = ANY(${units.map((u) => u.id)}::uuid[])
       ORDER BY u."sortOrder", u.name, u.id, g."sortOrder", g.code, t."sortOrder", t.code`
    after = units.at(-1) ?? null
    if (units.length < unitsPerBatch) return
  }
}
