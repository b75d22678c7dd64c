-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN "doneSince" TIMESTAMPTZ(3);

-- Set only on the report that carries done work over a merge or a split (lib/actions/admin/unit-carry.ts):
-- when the work it restates was done, which is before the report itself.
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_doneSince_check"
  CHECK ("doneSince" IS NULL OR (status = 'DONE' AND "doneSince" <= "createdAt"));

-- As in 20261128200000_assignment_state_as_of, except when the work was done: a carrying report
-- says since when (its "doneSince"), so work done on time before a merge or a split is not dated by
-- the change. A carrying report starts the unbroken run of DONE reports afresh: before it, the
-- assignment's own reports speak of the work before it was combined.
CREATE OR REPLACE FUNCTION "assignment_state_as_of"(as_of timestamptz)
RETURNS TABLE (
  "id" uuid, "taskId" uuid, "unitId" uuid, "status" "TaskStatus", "progress" integer,
  "indicatorActual" numeric(14, 2), "completedAt" timestamptz(3), "responsibleMemberId" uuid,
  "lastUpdateAt" timestamptz(3)
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT a.id, a."taskId", a."unitId",
         COALESCE(s.status, 'NOT_STARTED'::"TaskStatus"), COALESCE(s.progress, 0), s."indicatorActual",
         -- Done since the first DONE report (or the done time a carrying report restates) after the
         -- last standing report that was not DONE, from the last carrying report on.
         CASE WHEN s.status = 'DONE' THEN (
           SELECT min(COALESCE(d."doneSince", d."createdAt")) FROM "StatusUpdate" d
            WHERE d."assignmentId" = a.id AND d.status = 'DONE' AND d."createdAt" <= as_of
              AND NOT (d."reviewState" = 'RETURNED' AND d."reviewedAt" <= as_of)
              AND d."createdAt" > COALESCE((
                SELECT max(o."createdAt") FROM "StatusUpdate" o
                 WHERE o."assignmentId" = a.id AND o.status <> 'DONE' AND o."createdAt" <= as_of
                   AND NOT (o."reviewState" = 'RETURNED' AND o."reviewedAt" <= as_of)), '-infinity')
              AND d."createdAt" >= COALESCE((
                SELECT max(c."createdAt") FROM "StatusUpdate" c
                 WHERE c."assignmentId" = a.id AND c."doneSince" IS NOT NULL AND c."createdAt" <= as_of
                   AND NOT (c."reviewState" = 'RETURNED' AND c."reviewedAt" <= as_of)), '-infinity'))
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

-- A rename or re-code dated ahead, cancelled before its day (lib/actions/admin/unit-change-cancel.ts):
-- kept, marked so, because the people it was told to are told of the cancellation about it. (A merge
-- or a split dated ahead told nobody: its cancellation deletes it, the audit row keeping what it was.)
ALTER TABLE "UnitChange" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);
ALTER TABLE "UnitChange" ADD CONSTRAINT "UnitChange_cancelled_not_applied" CHECK ("cancelledAt" IS NULL OR "appliedAt" IS NULL);

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'UNIT_CHANGE_CANCELLED';

-- As in 20261207133000_scheduled_merges, leaving a cancelled change unapplied.
CREATE OR REPLACE FUNCTION unit_changes_due(today date) RETURNS integer LANGUAGE sql AS $$
  WITH due AS (
    UPDATE "UnitChange" c SET "appliedAt" = now()
     WHERE c."appliedAt" IS NULL AND c."effectiveDate" <= today AND c."kind" IN ('RENAME', 'RECODE') AND c."cancelledAt" IS NULL
    RETURNING c."id"
  ), applied AS (
    UPDATE "Unit" u SET "name" = n."name", "code" = n."code", "updatedAt" = now()
      FROM "UnitName" n
     WHERE n."unitId" = u."id"
       AND u."id" IN (SELECT p."unitId" FROM "UnitChangePart" p WHERE p."changeId" IN (SELECT "id" FROM due))
       AND (n."validFrom" IS NULL OR n."validFrom" <= today)
       AND (n."validTo" IS NULL OR n."validTo" > today)
    RETURNING u."id"
  )
  SELECT count(*)::int FROM applied
$$;
