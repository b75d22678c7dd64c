// The district's whole register of assignments (every active task in every active unit), for the
// full download: read a batch of units at a time, so that a national-scale register (a million
// rows) streams out without being held in memory.
import 'server-only'
import pg from 'pg'
import { databaseEnvSchema, parseEnv } from '@/lib/config/env'
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
function unitsAfter(after: UnitKey | null, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id::text AS id, u."sortOrder", u.name
      FROM "Unit" u
     WHERE u.active ${after ? Prisma.sql`AND (u."sortOrder", u.name, u.id) > (${after.sortOrder}, ${after.name}, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY u."sortOrder", u.name, u.id
     LIMIT ${limit}`
}

/** The columns of RegisterRow, in this order (rows come as arrays: no object per row from the driver). */
function registerBatch(asOf: Date | null, unitIds: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT u.name, g.name, t.title, a.status::text, a.progress,
           trim_scale(a."indicatorActual")::text, t."indicatorUnit",
           t."dueDate"::text, a."completedAt", a."lastUpdateAt", m.name
      FROM ${assignmentSource(asOf)} a
      JOIN "Unit" u ON u.id = a."unitId"
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
      LEFT JOIN "Member" m ON m.id = COALESCE(a."responsibleMemberId", u."inChargeMemberId")
     WHERE a."unitId" = ANY(${unitIds}::uuid[])
     ORDER BY u."sortOrder", u.name, u.id, g."sortOrder", g.code, t."sortOrder", t.code`
}

type RegisterRecord = [string, string, string, TaskStatus, number, string | null, string | null, string, Date | null, Date | null, string | null]

/**
 * The register's rows, by unit in the district's order and by task group and task within a unit,
 * `unitsPerBatch` units per query: each batch is one page of units and one query for their rows.
 * Read on a connection of its own inside one read-only repeatable-read transaction, so the whole
 * file is one state of the data however long the download takes; rows come from the driver as
 * arrays.
 */
export async function* registerRows(asOf: Date | null, unitsPerBatch: number): AsyncGenerator<RegisterRow[]> {
  const client = new pg.Client({ connectionString: parseEnv(databaseEnvSchema, process.env).DATABASE_URL })
  await client.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    for (let after: UnitKey | null = null; ; ) {
      const page = unitsAfter(after, unitsPerBatch)
      const units = (await client.query<UnitKey>(page.text, page.values)).rows
      if (units.length === 0) break
      const batch = registerBatch(asOf, units.map((u) => u.id))
      const { rows } = await client.query<RegisterRecord>({ text: batch.text, values: batch.values, rowMode: 'array' })
      yield rows.map(([unitName, groupName, title, status, progress, indicatorActual, indicatorUnit, dueDay, completedAt, lastUpdateAt, memberName]) => ({
        unitName,
        groupName,
        title,
        status,
        progress,
        indicatorActual,
        indicatorUnit,
        dueDate: new Date(`${dueDay}T00:00:00Z`),
        completedAt,
        lastUpdateAt,
        memberName,
      }))
      after = units.at(-1) ?? null
      if (units.length < unitsPerBatch) break
    }
    await client.query('COMMIT')
  } finally {
    await client.end()
  }
}
