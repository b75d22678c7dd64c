-- A unit's own baseline of a PER_UNIT indicator, beside its own target (schema.prisma, Assignment);
-- null: the task's baseline.
ALTER TABLE "Assignment" ADD COLUMN "indicatorBaseline" DECIMAL(14,2);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_indicator_baseline_nonnegative" CHECK ("indicatorBaseline" >= 0);

-- The history of each unit's own target and baseline (schema.prisma, AssignmentTarget), so that a
-- page of a past day reads the target that stood then.
CREATE TABLE "AssignmentTarget" (
    "id" BIGSERIAL NOT NULL,
    "assignmentId" UUID NOT NULL,
    "indicatorTarget" DECIMAL(14,2),
    "indicatorBaseline" DECIMAL(14,2),
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssignmentTarget_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AssignmentTarget_assignmentId_effectiveAt_idx" ON "AssignmentTarget"("assignmentId", "effectiveAt");

ALTER TABLE "AssignmentTarget" ADD CONSTRAINT "AssignmentTarget_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "AssignmentTarget_append_only" BEFORE UPDATE OR DELETE ON "AssignmentTarget"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();

-- Kept by the database, so that no writer (the targets form, an import, the seed, a merge, the
-- bench) can change a target without its history. A target given with a new assignment stands
-- from the assignment's creation (the seed creates the demo's in the past); a change, from the
-- moment of its transaction.
CREATE FUNCTION "assignment_target_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AssignmentTarget" ("assignmentId", "indicatorTarget", "indicatorBaseline", "effectiveAt")
  VALUES (NEW.id, NEW."indicatorTarget", NEW."indicatorBaseline", CASE TG_OP WHEN 'INSERT' THEN NEW."createdAt" ELSE now() END);
  RETURN NULL;
END
$$;

CREATE TRIGGER "assignment_target_history_insert"
AFTER INSERT ON "Assignment"
FOR EACH ROW WHEN (NEW."indicatorTarget" IS NOT NULL OR NEW."indicatorBaseline" IS NOT NULL)
EXECUTE FUNCTION "assignment_target_history"();

CREATE TRIGGER "assignment_target_history_update"
AFTER UPDATE OF "indicatorTarget", "indicatorBaseline" ON "Assignment"
FOR EACH ROW WHEN (OLD."indicatorTarget" IS DISTINCT FROM NEW."indicatorTarget" OR OLD."indicatorBaseline" IS DISTINCT FROM NEW."indicatorBaseline")
EXECUTE FUNCTION "assignment_target_history"();

-- The targets set before this history was kept: when each was set is not known, so it stands from
-- the assignment's creation, as every page read it until now.
INSERT INTO "AssignmentTarget" ("assignmentId", "indicatorTarget", "indicatorBaseline", "effectiveAt")
SELECT id, "indicatorTarget", NULL, "createdAt" FROM "Assignment" WHERE "indicatorTarget" IS NOT NULL;
