-- A merge dated ahead is saved as a plan: the change and its parts now, with the administrator's
-- choices (which accounts move, the member in charge) in "plan", applied on its day by the app's own
-- merge (lib/actions/admin/unit-merge.ts applyDueMerges), which moves the work and the accounts.
ALTER TABLE "UnitChange" ADD COLUMN "plan" JSONB;

-- Renames and re-codes only: a merge's day is applied by the app (above), not by this function.
CREATE OR REPLACE FUNCTION unit_changes_due(today date) RETURNS integer LANGUAGE sql AS $$
  WITH due AS (
    UPDATE "UnitChange" c SET "appliedAt" = now()
     WHERE c."appliedAt" IS NULL AND c."effectiveDate" <= today AND c."kind" IN ('RENAME', 'RECODE')
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
