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
