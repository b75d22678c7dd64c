-- CreateTable
CREATE TABLE "UnitProgressCount" (
    "unitId" UUID NOT NULL,
    "assigned" INTEGER NOT NULL,
    "doneOnTime" INTEGER NOT NULL,
    "doneLate" INTEGER NOT NULL,
    "inProgress" INTEGER NOT NULL,
    "blocked" INTEGER NOT NULL,
    "notStarted" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "dueSoon" INTEGER NOT NULL,
    "due" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,
    "progressSum" BIGINT NOT NULL,

    CONSTRAINT "UnitProgressCount_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "TaskProgressCount" (
    "taskId" UUID NOT NULL,
    "assigned" INTEGER NOT NULL,
    "doneOnTime" INTEGER NOT NULL,
    "doneLate" INTEGER NOT NULL,
    "inProgress" INTEGER NOT NULL,
    "blocked" INTEGER NOT NULL,
    "notStarted" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "dueSoon" INTEGER NOT NULL,
    "due" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,
    "progressSum" BIGINT NOT NULL,
    "indicatorSum" DECIMAL(24,2) NOT NULL,
    "indicatorReported" INTEGER NOT NULL,

    CONSTRAINT "TaskProgressCount_pkey" PRIMARY KEY ("taskId")
);

-- CreateTable
CREATE TABLE "ProgressCountDay" (
    "id" INTEGER NOT NULL,
    "day" DATE,
    "dueSoonDays" INTEGER NOT NULL,

    CONSTRAINT "ProgressCountDay_pkey" PRIMARY KEY ("id")
);


-- The district-wide progress views (overview, commune ranking, task list, indicators) read these
-- counts instead of scanning every assignment. They are exact: every change to an assignment
-- applies its difference inside the writer's own transaction (trigger below), and the day-dependent
-- counts (overdue, due soon, due, late) are recounted in full once the day changes, as are all
-- counts after a unit or task is added, (de)activated or given a new due date. The app asks for
-- them through progress_counts_ready(today, soon) (lib/queries/progress-counts.ts).
INSERT INTO "ProgressCountDay" ("id", "day", "dueSoonDays") VALUES (1, NULL, 0);

-- What one assignment in a given state adds to each count on `today` (all zeros when `status` is
-- null: no assignment). The same rules as lib/queries/status-counts.ts: done late when finished,
-- by the district's calendar, after the due date; the rest judged against `today`.
CREATE FUNCTION "progress_terms"(status "TaskStatus", progress integer, completed_at timestamptz, indicator numeric, due date, today date, soon integer)
RETURNS TABLE (
  "assigned" integer, "doneOnTime" integer, "doneLate" integer, "inProgress" integer, "blocked" integer, "notStarted" integer,
  "overdue" integer, "dueSoon" integer, "due" integer, "late" integer, "progress" integer, "indicator" numeric, "reported" integer
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (status IS NOT NULL)::int,
         COALESCE(status = 'DONE' AND (completed_at IS NULL OR (completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due), false)::int,
         COALESCE(status = 'DONE' AND (completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > due, false)::int,
         COALESCE(status = 'IN_PROGRESS', false)::int,
         COALESCE(status = 'BLOCKED', false)::int,
         COALESCE(status = 'NOT_STARTED', false)::int,
         COALESCE(status <> 'DONE' AND due < today, false)::int,
         COALESCE(status <> 'DONE' AND due BETWEEN today AND today + soon, false)::int,
         COALESCE(status IS NOT NULL AND due <= today, false)::int,
         COALESCE(status <> 'DONE' AND (due < today OR status = 'BLOCKED'), false)::int,
         CASE WHEN status IS NULL THEN 0 ELSE progress END,
         CASE WHEN status IS NULL THEN 0 ELSE COALESCE(indicator, 0) END,
         COALESCE(status IS NOT NULL AND indicator IS NOT NULL, false)::int
$$;

-- Every unit's counts, recounted: its assignments of active tasks.
CREATE FUNCTION "unit_progress_recount"(today date, soon integer)
RETURNS SETOF "UnitProgressCount"
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT u.id, sum(x."assigned")::int, sum(x."doneOnTime")::int, sum(x."doneLate")::int, sum(x."inProgress")::int,
         sum(x."blocked")::int, sum(x."notStarted")::int, sum(x."overdue")::int, sum(x."dueSoon")::int, sum(x."due")::int,
         sum(x."late")::int, sum(x."progress")::bigint
    FROM "Unit" u
    LEFT JOIN ("Assignment" a JOIN "Task" t ON t.id = a."taskId" AND t.active) ON a."unitId" = u.id
   CROSS JOIN LATERAL "progress_terms"(a.status, a.progress, a."completedAt", a."indicatorActual", t."dueDate", today, soon) x
   GROUP BY u.id
$$;

-- Every task's counts, recounted: its assignments in active units, with the indicator figures.
CREATE FUNCTION "task_progress_recount"(today date, soon integer)
RETURNS SETOF "TaskProgressCount"
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT t.id, sum(x."assigned")::int, sum(x."doneOnTime")::int, sum(x."doneLate")::int, sum(x."inProgress")::int,
         sum(x."blocked")::int, sum(x."notStarted")::int, sum(x."overdue")::int, sum(x."dueSoon")::int, sum(x."due")::int,
         sum(x."late")::int, sum(x."progress")::bigint, sum(x."indicator"), sum(x."reported")::int
    FROM "Task" t
    LEFT JOIN ("Assignment" a JOIN "Unit" u ON u.id = a."unitId" AND u.active) ON a."taskId" = t.id
   CROSS JOIN LATERAL "progress_terms"(a.status, a.progress, a."completedAt", a."indicatorActual", t."dueDate", today, soon) x
   GROUP BY t.id
$$;

-- Makes the counts those of `today`, recounting them when they are not. Writers wait during a
-- recount (their trigger asks for ROW EXCLUSIVE on the counts), so it sees every committed change
-- and none is applied twice; the tables are locked before the day's row, as writers do, so the
-- two never wait on each other in a circle.
CREATE FUNCTION "progress_counts_ready"(today date, soon integer)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "ProgressCountDay" WHERE "id" = 1 AND "day" = today AND "dueSoonDays" = soon) THEN
    RETURN;
  END IF;
  LOCK TABLE "UnitProgressCount", "TaskProgressCount" IN EXCLUSIVE MODE;
  PERFORM 1 FROM "ProgressCountDay" WHERE "id" = 1 FOR UPDATE;
  -- Another reader may have recounted while this one waited.
  IF EXISTS (SELECT 1 FROM "ProgressCountDay" WHERE "id" = 1 AND "day" = today AND "dueSoonDays" = soon) THEN
    RETURN;
  END IF;
  DELETE FROM "UnitProgressCount";
  INSERT INTO "UnitProgressCount" SELECT * FROM "unit_progress_recount"(today, soon);
  DELETE FROM "TaskProgressCount";
  INSERT INTO "TaskProgressCount" SELECT * FROM "task_progress_recount"(today, soon);
  UPDATE "ProgressCountDay" SET "day" = today, "dueSoonDays" = soon WHERE "id" = 1;
END
$$;

-- A change the differences below cannot follow: the next reader recounts.
CREATE FUNCTION "progress_counts_invalidate"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "ProgressCountDay" SET "day" = NULL WHERE "id" = 1 AND "day" IS NOT NULL;
  RETURN NULL;
END
$$;

-- One assignment changed: take its old state out of its unit's and its task's counts and put its
-- new state in, on the day the counts are of.
CREATE FUNCTION "progress_counts_follow_assignment"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  counted "ProgressCountDay"%ROWTYPE;
  was "Assignment";
  now_ "Assignment";
  task_due date;
  task_active boolean;
  unit_active boolean;
BEGIN
  -- Already stale (perhaps by this very transaction, which may hold the day's row): nothing to
  -- follow, and no lock taken that a recount could be waiting behind.
  IF NOT EXISTS (SELECT 1 FROM "ProgressCountDay" WHERE "id" = 1 AND "day" IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  LOCK TABLE "UnitProgressCount", "TaskProgressCount" IN ROW EXCLUSIVE MODE;
  -- Read after the lock: a recount that just ended has set the day the rows are now of.
  SELECT * INTO counted FROM "ProgressCountDay" WHERE "id" = 1;
  IF counted."day" IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN was := OLD; END IF;
  IF TG_OP <> 'DELETE' THEN now_ := NEW; END IF;
  IF TG_OP = 'UPDATE' AND (OLD."unitId", OLD."taskId") IS DISTINCT FROM (NEW."unitId", NEW."taskId") THEN
    UPDATE "ProgressCountDay" SET "day" = NULL WHERE "id" = 1;
    RETURN NULL;
  END IF;
  SELECT t."dueDate", t.active INTO task_due, task_active FROM "Task" t WHERE t.id = COALESCE(now_."taskId", was."taskId");
  SELECT u.active INTO unit_active FROM "Unit" u WHERE u.id = COALESCE(now_."unitId", was."unitId");
  IF task_active THEN
    UPDATE "UnitProgressCount" c
       SET "assigned" = c."assigned" + n."assigned" - o."assigned",
           "doneOnTime" = c."doneOnTime" + n."doneOnTime" - o."doneOnTime",
           "doneLate" = c."doneLate" + n."doneLate" - o."doneLate",
           "inProgress" = c."inProgress" + n."inProgress" - o."inProgress",
           "blocked" = c."blocked" + n."blocked" - o."blocked",
           "notStarted" = c."notStarted" + n."notStarted" - o."notStarted",
           "overdue" = c."overdue" + n."overdue" - o."overdue",
           "dueSoon" = c."dueSoon" + n."dueSoon" - o."dueSoon",
           "due" = c."due" + n."due" - o."due",
           "late" = c."late" + n."late" - o."late",
           "progressSum" = c."progressSum" + n."progress" - o."progress"
      FROM "progress_terms"(now_.status, now_.progress, now_."completedAt", now_."indicatorActual", task_due, counted."day", counted."dueSoonDays") n,
           "progress_terms"(was.status, was.progress, was."completedAt", was."indicatorActual", task_due, counted."day", counted."dueSoonDays") o
     WHERE c."unitId" = COALESCE(now_."unitId", was."unitId");
  END IF;
  IF unit_active THEN
    UPDATE "TaskProgressCount" c
       SET "assigned" = c."assigned" + n."assigned" - o."assigned",
           "doneOnTime" = c."doneOnTime" + n."doneOnTime" - o."doneOnTime",
           "doneLate" = c."doneLate" + n."doneLate" - o."doneLate",
           "inProgress" = c."inProgress" + n."inProgress" - o."inProgress",
           "blocked" = c."blocked" + n."blocked" - o."blocked",
           "notStarted" = c."notStarted" + n."notStarted" - o."notStarted",
           "overdue" = c."overdue" + n."overdue" - o."overdue",
           "dueSoon" = c."dueSoon" + n."dueSoon" - o."dueSoon",
           "due" = c."due" + n."due" - o."due",
           "late" = c."late" + n."late" - o."late",
           "progressSum" = c."progressSum" + n."progress" - o."progress",
           "indicatorSum" = c."indicatorSum" + n."indicator" - o."indicator",
           "indicatorReported" = c."indicatorReported" + n."reported" - o."reported"
      FROM "progress_terms"(now_.status, now_.progress, now_."completedAt", now_."indicatorActual", task_due, counted."day", counted."dueSoonDays") n,
           "progress_terms"(was.status, was.progress, was."completedAt", was."indicatorActual", task_due, counted."day", counted."dueSoonDays") o
     WHERE c."taskId" = COALESCE(now_."taskId", was."taskId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "progress_counts_follow"
AFTER INSERT OR DELETE OR UPDATE OF "status", "progress", "completedAt", "indicatorActual", "unitId", "taskId" ON "Assignment"
FOR EACH ROW EXECUTE FUNCTION "progress_counts_follow_assignment"();

CREATE TRIGGER "progress_counts_stale_insert"
AFTER INSERT ON "Unit"
FOR EACH STATEMENT EXECUTE FUNCTION "progress_counts_invalidate"();

CREATE TRIGGER "progress_counts_stale_update"
AFTER UPDATE OF "active" ON "Unit"
FOR EACH ROW WHEN (OLD."active" IS DISTINCT FROM NEW."active") EXECUTE FUNCTION "progress_counts_invalidate"();

CREATE TRIGGER "progress_counts_stale_insert"
AFTER INSERT ON "Task"
FOR EACH STATEMENT EXECUTE FUNCTION "progress_counts_invalidate"();

CREATE TRIGGER "progress_counts_stale_update"
AFTER UPDATE OF "active", "dueDate" ON "Task"
FOR EACH ROW WHEN ((OLD."active", OLD."dueDate") IS DISTINCT FROM (NEW."active", NEW."dueDate")) EXECUTE FUNCTION "progress_counts_invalidate"();

CREATE TRIGGER "progress_counts_stale_truncate"
AFTER TRUNCATE ON "Assignment"
FOR EACH STATEMENT EXECUTE FUNCTION "progress_counts_invalidate"();

CREATE TRIGGER "progress_counts_stale_truncate"
AFTER TRUNCATE ON "Unit"
FOR EACH STATEMENT EXECUTE FUNCTION "progress_counts_invalidate"();

CREATE TRIGGER "progress_counts_stale_truncate"
AFTER TRUNCATE ON "Task"
FOR EACH STATEMENT EXECUTE FUNCTION "progress_counts_invalidate"();
