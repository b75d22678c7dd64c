-- CreateTable
CREATE TABLE "UnitReportDay" (
    "unitId" UUID NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "UnitReportDay_pkey" PRIMARY KEY ("unitId","day")
);

-- The days already reported on.
INSERT INTO "UnitReportDay" ("unitId", "day")
SELECT DISTINCT a."unitId", (s."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
  FROM "StatusUpdate" s JOIN "Assignment" a ON a.id = s."assignmentId";

-- Each new report marks its unit's district day. Set-based (a statement's reports at once), and
-- the day is written only when it is not there yet, so the writers of one unit do not queue
-- behind each other on the same key, except for the first report of a day.
CREATE FUNCTION "unit_report_days_follow"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "UnitReportDay" ("unitId", "day")
  SELECT DISTINCT a."unitId", (n."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
    FROM "added_reports" n JOIN "Assignment" a ON a.id = n."assignmentId"
   WHERE NOT EXISTS (SELECT 1 FROM "UnitReportDay" r
                      WHERE r."unitId" = a."unitId" AND r."day" = (n."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "unit_report_days_follow"
AFTER INSERT ON "StatusUpdate"
REFERENCING NEW TABLE AS "added_reports"
FOR EACH STATEMENT EXECUTE FUNCTION "unit_report_days_follow"();
