-- CreateTable
CREATE TABLE "PendingReview" (
    "statusUpdateId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PendingReview_pkey" PRIMARY KEY ("statusUpdateId")
);

-- CreateIndex
CREATE INDEX "PendingReview_unitId_idx" ON "PendingReview"("unitId");

-- CreateIndex
CREATE INDEX "PendingReview_taskId_idx" ON "PendingReview"("taskId");


-- The reports waiting now.
INSERT INTO "PendingReview" ("statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt")
SELECT s.id, s."assignmentId", a."unitId", a."taskId", s."createdAt"
  FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId"
 WHERE s."reviewState" = 'PENDING';

-- New reports that wait for review (a statement's at once).
CREATE FUNCTION "pending_reviews_add"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "PendingReview" ("statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt")
  SELECT n.id, n."assignmentId", a."unitId", a."taskId", n."createdAt"
    FROM "added_reports" n JOIN "Assignment" a ON a.id = n."assignmentId"
   WHERE n."reviewState" = 'PENDING';
  RETURN NULL;
END
$$;

CREATE TRIGGER "pending_reviews_add"
AFTER INSERT ON "StatusUpdate"
REFERENCING NEW TABLE AS "added_reports"
FOR EACH STATEMENT EXECUTE FUNCTION "pending_reviews_add"();

-- A review decided (or, should a report ever be put back, waiting again).
CREATE FUNCTION "pending_reviews_follow"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW."reviewState" = 'PENDING' THEN
    INSERT INTO "PendingReview" ("statusUpdateId", "assignmentId", "unitId", "taskId", "createdAt")
    SELECT NEW.id, NEW."assignmentId", a."unitId", a."taskId", NEW."createdAt" FROM "Assignment" a WHERE a.id = NEW."assignmentId"
    ON CONFLICT DO NOTHING;
  ELSE
    DELETE FROM "PendingReview" WHERE "statusUpdateId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "pending_reviews_follow"
AFTER UPDATE OF "reviewState" ON "StatusUpdate"
FOR EACH ROW WHEN (OLD."reviewState" IS DISTINCT FROM NEW."reviewState")
EXECUTE FUNCTION "pending_reviews_follow"();
