// The reader's own notifications marked read: opening one, or all at once. A read mark is the
// reader's own state, seen by nobody else and changing no record of the work (like the language
// they chose), so it is not audited; the acts that settle rows for everyone are, with their event.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { notificationTarget } from '@/lib/domain/notifications'

/**
 * Marks the actor's own due row read (kept as first read when opened again) and answers where it
 * leads; null for an id that is missing, someone else's or not yet shown, all alike.
 */
export async function openNotification(actor: Actor, id: string, now: Date): Promise<string | null> {
  // A change of units leads to the page of the unit after it (a merge's successor), at its code of today.
  const [opened] = await db().$queryRaw<{ unitCode: string; taskCode: string | null; statusUpdateId: string | null; commentId: string | null }[]>`
    WITH opened AS (
      UPDATE "Notification" SET "readAt" = COALESCE("readAt", ${now}::timestamptz)
       WHERE id = ${id}::uuid AND "recipientId" = ${actor.id}::uuid AND "showFrom" <= ${now}::timestamptz
      RETURNING "assignmentId", "unitChangeId", "statusUpdateId", "commentId"
    )
    SELECT u.code AS "unitCode", t.code AS "taskCode", o."statusUpdateId"::text AS "statusUpdateId", o."commentId"::text AS "commentId"
      FROM opened o
      LEFT JOIN "Assignment" a ON a.id = o."assignmentId"
      LEFT JOIN "Task" t ON t.id = a."taskId"
      JOIN "Unit" u ON u.id = COALESCE(a."unitId",
             (SELECT p."unitId" FROM "UnitChangePart" p WHERE p."changeId" = o."unitChangeId" AND p.side = 'AFTER' ORDER BY p.id LIMIT 1))`
  return opened ? notificationTarget(opened) : null
}

/** Marks read every unread row of the actor's that was due by `shownAt`, when the page listing them was drawn; how many. */
export async function readAllNotifications(actor: Actor, shownAt: Date): Promise<number> {
  return db().$executeRaw`
    UPDATE "Notification" SET "readAt" = CURRENT_TIMESTAMP
     WHERE "recipientId" = ${actor.id}::uuid AND "readAt" IS NULL AND "showFrom" <= ${shownAt}::timestamptz`
}
