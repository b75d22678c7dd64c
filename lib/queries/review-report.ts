// What the review report needs beyond the overview's questions: the note that stood on each late
// assignment at the report's instant (the latest report made by then and not returned by then,
// the same rule as assignment_state_as_of).
import 'server-only'
import { db } from '@/lib/db'
import { assignmentsScopeSql, type Actor } from '@/lib/auth/permissions'
import type { ReportChannel } from '@/lib/domain/notifications'

/** A standing note; for a report the office entered on the unit's behalf, who entered it and how the unit sent it. */
export type StandingNote = { text: string; onBehalf: { authorName: string; via: ReportChannel } | null }

/**
 * The standing note of each assignment as of `asOf`; assignments without one are absent, and so are
 * those whose details the actor may not read (READ_RULES): the report then gives their figures only.
 */
export async function notesAsOf(actor: Actor, assignmentIds: readonly string[], asOf: Date): Promise<Map<string, StandingNote>> {
  const scope = assignmentsScopeSql(actor, 'assignment.readDetails', 'readable')
  if (assignmentIds.length === 0 || !scope) return new Map()
  const rows = await db().$queryRaw<{ assignmentId: string; note: string | null; authorName: string; via: ReportChannel | null }[]>`
    SELECT a.id::text AS "assignmentId", s.note, s."authorName", s.via
      FROM unnest(${[...assignmentIds]}::uuid[]) AS a(id)
      JOIN "Assignment" readable ON readable.id = a.id AND ${scope}
     CROSS JOIN LATERAL (
       SELECT u.note, u."onBehalfVia"::text AS via, author."displayName" AS "authorName"
         FROM "StatusUpdate" u JOIN "User" author ON author.id = u."authorId"
        WHERE u."assignmentId" = a.id AND u."createdAt" <= ${asOf}::timestamptz
          AND NOT (u."reviewState" = 'RETURNED' AND u."reviewedAt" <= ${asOf}::timestamptz)
        ORDER BY u."createdAt" DESC, u.id DESC
        LIMIT 1) s`
  return new Map(
    rows.flatMap(({ assignmentId, note, authorName, via }) =>
      note?.trim() ? [[assignmentId, { text: note.trim(), onBehalf: via && { authorName, via } }] as const] : [],
    ),
  )
}
