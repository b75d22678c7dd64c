-- Every assignment as it stood at an instant, from the history (what was known then): the latest
-- report made by then that had not been returned by then; not started when there was none. Same
-- columns as "Assignment", so a progress query reads `FROM assignment_state_as_of(t) a` where it
-- would read `FROM "Assignment" a` (lib/queries/as-of.ts). Assignments created later are absent.
CREATE FUNCTION "assignment_state_as_of"(as_of timestamptz)
RETURNS TABLE (
  "id" uuid, "taskId" uuid, "unitId" uuid, "status" "TaskStatus", "progress" integer,
  "indicatorActual" numeric(14, 2), "completedAt" timestamptz(3), "responsibleMemberId" uuid,
  "lastUpdateAt" timestamptz(3)
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT a.id, a."taskId", a."unitId",
         COALESCE(s.status, 'NOT_STARTED'::"TaskStatus"), COALESCE(s.progress, 0), s."indicatorActual",
         -- Done since the first DONE report after the last standing report that was not DONE.
         CASE WHEN s.status = 'DONE' THEN (
           SELECT min(d."createdAt") FROM "StatusUpdate" d
            WHERE d."assignmentId" = a.id AND d.status = 'DONE' AND d."createdAt" <= as_of
              AND NOT (d."reviewState" = 'RETURNED' AND d."reviewedAt" <= as_of)
              AND d."createdAt" > COALESCE((
                SELECT max(o."createdAt") FROM "StatusUpdate" o
                 WHERE o."assignmentId" = a.id AND o.status <> 'DONE' AND o."createdAt" <= as_of
                   AND NOT (o."reviewState" = 'RETURNED' AND o."reviewedAt" <= as_of)), '-infinity'))
         END,
         a."responsibleMemberId", s."createdAt"
    FROM "Assignment" a
    LEFT JOIN LATERAL (
      SELECT u.status, u.progress, u."indicatorActual", u."createdAt"
        FROM "StatusUpdate" u
       WHERE u."assignmentId" = a.id AND u."createdAt" <= as_of
         AND NOT (u."reviewState" = 'RETURNED' AND u."reviewedAt" <= as_of)
       ORDER BY u."createdAt" DESC, u.id DESC
       LIMIT 1) s ON true
   WHERE a."createdAt" <= as_of
$$;
