-- Each report carries its assignment's task, so that a task's latest reports are read along one
-- index instead of probing each of the task's (up to 10,000) assignments.
ALTER TABLE "StatusUpdate" ADD COLUMN "taskId" UUID;

UPDATE "StatusUpdate" s SET "taskId" = a."taskId" FROM "Assignment" a WHERE a.id = s."assignmentId";

ALTER TABLE "StatusUpdate" ALTER COLUMN "taskId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "StatusUpdate_taskId_createdAt_id_idx" ON "StatusUpdate"("taskId", "createdAt" DESC, "id" DESC);

-- The task is always the assignment's: whatever a writer gives (or leaves out) is replaced. The
-- lock waits for a concurrent move of the assignment (below) and reads the task it moved to; it is
-- the one the kept done stretches take next (done_spans_recount), so a writer never upgrades a
-- weaker lock behind a mover (a deadlock), and the app's save holds it already.
CREATE FUNCTION "status_update_task"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  SELECT a."taskId" INTO NEW."taskId" FROM "Assignment" a WHERE a.id = NEW."assignmentId" FOR NO KEY UPDATE;
  RETURN NEW;
END
$$;

CREATE TRIGGER "status_update_task"
BEFORE INSERT OR UPDATE OF "assignmentId", "taskId" ON "StatusUpdate"
FOR EACH ROW EXECUTE FUNCTION "status_update_task"();

-- Should an assignment ever move to another task (the app never does), its reports follow it.
CREATE FUNCTION "status_update_task_follow"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "StatusUpdate" SET "taskId" = NEW."taskId" WHERE "assignmentId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "status_update_task_follow"
AFTER UPDATE OF "taskId" ON "Assignment"
FOR EACH ROW WHEN (OLD."taskId" IS DISTINCT FROM NEW."taskId")
EXECUTE FUNCTION "status_update_task_follow"();
