-- CreateTable
CREATE TABLE "DoneSpan" (
    "statusUpdateId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "doneAt" TIMESTAMPTZ(3) NOT NULL,
    "reopenedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DoneSpan_pkey" PRIMARY KEY ("statusUpdateId")
);

-- CreateIndex
CREATE INDEX "DoneSpan_assignmentId_idx" ON "DoneSpan"("assignmentId");


-- The stretches of time these assignments stood done, from their reports.
CREATE FUNCTION "done_spans_insert"(ids uuid[])
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "DoneSpan" ("statusUpdateId", "assignmentId", "doneAt", "reopenedAt")
  SELECT r.id, r."assignmentId", r."createdAt", r."reopenedAt"
    FROM (
      SELECT s.id, s."assignmentId", s.status, s."createdAt",
             lag(s.status) OVER (PARTITION BY s."assignmentId" ORDER BY s."createdAt", s.id) AS "previous",
             -- The next report that is not DONE: walked from the newest back, as a running minimum.
             min(s."createdAt") FILTER (WHERE s.status <> 'DONE')
               OVER (PARTITION BY s."assignmentId" ORDER BY s."createdAt" DESC, s.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "reopenedAt"
        FROM "StatusUpdate" s
       WHERE s."assignmentId" = ANY(ids) AND s."reviewState" <> 'RETURNED'
    ) r
   WHERE r.status = 'DONE' AND r."previous" IS DISTINCT FROM 'DONE';
END
$$;

SELECT "done_spans_insert"(ARRAY(SELECT id FROM "Assignment"));

-- The stretches of these assignments counted again. The assignments are locked first, so that two
-- writers of one assignment's reports (a save and a return) count one after the other, the second
-- seeing the first's report (each statement of a function reads the data committed when it starts).
CREATE FUNCTION "done_spans_recount"(ids uuid[])
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM 1 FROM "Assignment" WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM "DoneSpan" WHERE "assignmentId" = ANY(ids);
  PERFORM "done_spans_insert"(ids);
END
$$;

CREATE FUNCTION "done_spans_follow_insert"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "done_spans_recount"(ARRAY(SELECT DISTINCT "assignmentId" FROM "added_reports"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "done_spans_follow_insert"
AFTER INSERT ON "StatusUpdate"
REFERENCING NEW TABLE AS "added_reports"
FOR EACH STATEMENT EXECUTE FUNCTION "done_spans_follow_insert"();

-- A report returned (or no longer returned); the app changes nothing else of a report, but any
-- change that moves a stretch is followed.
CREATE FUNCTION "done_spans_follow_update"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "done_spans_recount"(ARRAY[OLD."assignmentId", NEW."assignmentId"]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "done_spans_follow_update"
AFTER UPDATE ON "StatusUpdate"
FOR EACH ROW WHEN (
  (OLD."reviewState" = 'RETURNED') IS DISTINCT FROM (NEW."reviewState" = 'RETURNED')
  OR (OLD."assignmentId", OLD.status, OLD."createdAt") IS DISTINCT FROM (NEW."assignmentId", NEW.status, NEW."createdAt"))
EXECUTE FUNCTION "done_spans_follow_update"();

CREATE FUNCTION "done_spans_follow_delete"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "done_spans_recount"(ARRAY(SELECT DISTINCT "assignmentId" FROM "removed_reports"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "done_spans_follow_delete"
AFTER DELETE ON "StatusUpdate"
REFERENCING OLD TABLE AS "removed_reports"
FOR EACH STATEMENT EXECUTE FUNCTION "done_spans_follow_delete"();

CREATE FUNCTION "done_spans_clear"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  TRUNCATE "DoneSpan";
  RETURN NULL;
END
$$;

CREATE TRIGGER "done_spans_clear"
AFTER TRUNCATE ON "StatusUpdate"
FOR EACH STATEMENT EXECUTE FUNCTION "done_spans_clear"();
