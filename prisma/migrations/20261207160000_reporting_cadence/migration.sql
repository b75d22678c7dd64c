-- Reporting cadence (issue 21): a task group and, overriding it, a task report monthly or quarterly
-- by day 1-28; each cycle's deadline is derived (report_cycle_deadline), never stored.
CREATE TYPE "ReportCadence" AS ENUM ('NONE', 'MONTHLY', 'QUARTERLY');

ALTER TABLE "TaskGroup" ADD COLUMN "reportCadence" "ReportCadence" NOT NULL DEFAULT 'NONE',
                        ADD COLUMN "reportDay" INTEGER;
ALTER TABLE "TaskGroup" ADD CONSTRAINT "TaskGroup_report_day" CHECK (
  CASE "reportCadence" WHEN 'NONE' THEN "reportDay" IS NULL ELSE "reportDay" BETWEEN 1 AND 28 END);

ALTER TABLE "Task" ADD COLUMN "reportCadence" "ReportCadence",
                   ADD COLUMN "reportDay" INTEGER;
-- Null cadence: the group's; NONE: none even where the group has one.
ALTER TABLE "Task" ADD CONSTRAINT "Task_report_day" CHECK (
  CASE WHEN "reportCadence" IS NULL OR "reportCadence" = 'NONE' THEN "reportDay" IS NULL ELSE "reportDay" BETWEEN 1 AND 28 END);

-- Months per cycle; null for NONE.
CREATE FUNCTION report_cycle_months(cadence "ReportCadence") RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE cadence WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3 END $$;

-- The deadline of the cycle `day` falls in: the first deadline on or after it. A month's report is
-- due by day `report_day` of that month, a quarter's by that day of its last month; the cycle runs
-- from the day after the previous deadline. Null for NONE. Mirrors lib/domain/report-cycle.ts.
CREATE FUNCTION report_cycle_deadline(cadence "ReportCadence", report_day integer, day date) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN base >= day THEN base ELSE (base + make_interval(months => report_cycle_months(cadence)))::date END
      FROM (SELECT make_date(extract(year FROM day)::int,
                             ((extract(month FROM day)::int - 1) / report_cycle_months(cadence) + 1) * report_cycle_months(cadence),
                             report_day) AS base) b
  $$;
