-- A waiting report's author, so that the confirmation queue leaves out the reader's own reports:
-- nobody confirms a report they made.
ALTER TABLE "PendingReview" ADD COLUMN "authorId" UUID;

UPDATE "PendingReview" p SET "authorId" = s."authorId" FROM "StatusUpdate" s WHERE s.id = p."statusUpdateId";

ALTER TABLE "PendingReview" ALTER COLUMN "authorId" SET NOT NULL;

CREATE OR REPLACE FUNCTION "pending_reviews_add"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "PendingReview" ("statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt", "authorId")
  SELECT n.id, n."assignmentId", a."unitId", a."taskId", n."createdAt", n."authorId"
    FROM "added_reports" n JOIN "Assignment" a ON a.id = n."assignmentId"
   WHERE n."reviewState" = 'PENDING';
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "pending_reviews_follow"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW."reviewState" = 'PENDING' THEN
    INSERT INTO "PendingReview" ("statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt", "authorId")
    SELECT NEW.id, NEW."assignmentId", a."unitId", a."taskId", NEW."createdAt", NEW."authorId" FROM "Assignment" a WHERE a.id = NEW."assignmentId"
    ON CONFLICT DO NOTHING;
  ELSE
    DELETE FROM "PendingReview" WHERE "statusUpdateId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
