// What the review report needs beyond the overview's questions: the note that stood on each late
// assignment at the report's instant (the latest report made by then and not returned by then,
// the same rule as assignment_state_as_of).
import 'server-only'
import { db } from '@/lib/db'

/** The standing note of each assignment as of `asOf`; assignments without one are absent. */
export async function notesAsOf(assignmentIds: readonly string[], asOf: Date): Promise<Map<string, string>> {
  if (assignmentIds.length === 0) return new Map()
  const rows = await db().$queryRaw<{ assignmentId: string; note: string | null }[]>`
    SELECT a.id::text AS "assignmentId", s.note
      FROM unnest(${[...assignmentIds]}::uuid[]) AS a(id)
     CROSS JOIN LATERAL (
       SELECT u.note FROM "StatusUpdate" u
        WHERE u."assignmentId" = a.id AND u."createdAt" <= ${asOf}::timestamptz
          AND NOT (u."reviewState" = 'RETURNED' AND u."reviewedAt" <= ${asOf}::timestamptz)
        ORDER BY u."createdAt" DESC, u.id DESC
        LIMIT 1) s`
  return new Map(rows.flatMap((row) => (row.note?.trim() ? [[row.assignmentId, row.note.trim()] as const] : [])))
}
