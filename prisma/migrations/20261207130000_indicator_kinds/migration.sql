-- Indicators as the article counts them (schema.prisma, enum IndicatorKind).
CREATE TYPE "IndicatorKind" AS ENUM ('SUM', 'CONDITION', 'PER_UNIT');

ALTER TABLE "Task" ADD COLUMN "indicatorKind" "IndicatorKind";
-- Every indicator until now summed the units' figures.
UPDATE "Task" SET "indicatorKind" = 'SUM' WHERE "indicatorUnit" IS NOT NULL;

ALTER TABLE "Task" DROP CONSTRAINT "Task_indicator_complete";
ALTER TABLE "Task" ADD CONSTRAINT "Task_indicator_complete" CHECK (
  ("indicatorKind" IS NULL) = ("indicatorUnit" IS NULL)
  AND CASE "indicatorKind"
        WHEN 'CONDITION' THEN "indicatorBaseline" IS NULL AND "indicatorTarget" IS NULL
        WHEN 'SUM' THEN "indicatorTarget" IS NOT NULL
        WHEN 'PER_UNIT' THEN "indicatorTarget" IS NOT NULL
        ELSE "indicatorBaseline" IS NULL AND "indicatorTarget" IS NULL
      END
);

ALTER TABLE "Assignment" ADD COLUMN "indicatorTarget" DECIMAL(14,2);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_indicator_target_nonnegative" CHECK ("indicatorTarget" >= 0);

-- A writer that names a unit of measure but no kind (every writer before the kinds: imports of old
-- files, scripts) means a sum, as it always did; and an indicator removed takes its kind with it.
CREATE FUNCTION "task_indicator_kind_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."indicatorUnit" IS NULL THEN
    NEW."indicatorKind" := NULL;
  ELSIF NEW."indicatorKind" IS NULL THEN
    NEW."indicatorKind" := 'SUM';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "task_indicator_kind_default"
BEFORE INSERT OR UPDATE OF "indicatorUnit", "indicatorKind" ON "Task"
FOR EACH ROW EXECUTE FUNCTION "task_indicator_kind_default"();
