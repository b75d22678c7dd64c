-- Review reports written in the app: the draft's sections with every saved version, the issue fields, and the files an issued report was issued as.
-- CreateEnum
CREATE TYPE "ReviewReportState" AS ENUM ('DRAFT', 'ISSUED');

-- CreateTable
CREATE TABLE "ReviewReport" (
    "id" UUID NOT NULL,
    "ownerUnitId" UUID NOT NULL,
    "periodId" UUID,
    "kind" "PeriodKind" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "state" "ReviewReportState" NOT NULL DEFAULT 'DRAFT',
    "number" TEXT,
    "issuedOn" DATE,
    "signerOnBehalfOf" TEXT NOT NULL DEFAULT '',
    "signerTitle" TEXT NOT NULL DEFAULT '',
    "signerName" TEXT NOT NULL DEFAULT '',
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sourceId" UUID,
    "createdById" UUID NOT NULL,
    "issuedById" UUID,
    "issuedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSectionText" (
    "id" BIGSERIAL NOT NULL,
    "reportId" UUID NOT NULL,
    "section" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewSectionText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewReportFile" (
    "reportId" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewReportFile_pkey" PRIMARY KEY ("reportId","format")
);

-- CreateIndex
CREATE INDEX "ReviewReport_ownerUnitId_createdAt_idx" ON "ReviewReport"("ownerUnitId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewReport_periodId_idx" ON "ReviewReport"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewSectionText_reportId_section_version_key" ON "ReviewSectionText"("reportId", "section", "version");

-- AddForeignKey
ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "ReviewReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSectionText" ADD CONSTRAINT "ReviewSectionText_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ReviewReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSectionText" ADD CONSTRAINT "ReviewSectionText_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReportFile" ADD CONSTRAINT "ReviewReportFile_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ReviewReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_dates_ordered" CHECK ("endDate" >= "startDate");
ALTER TABLE "ReviewReport" ADD CONSTRAINT "ReviewReport_issued_complete" CHECK (
  "state" = 'DRAFT' OR ("number" IS NOT NULL AND "issuedOn" IS NOT NULL AND "signerName" <> '' AND "issuedById" IS NOT NULL AND "issuedAt" IS NOT NULL));
ALTER TABLE "ReviewSectionText" ADD CONSTRAINT "ReviewSectionText_version_positive" CHECK ("version" >= 1);

-- The texts' history and the issued files are never changed or deleted.
CREATE TRIGGER "ReviewSectionText_append_only" BEFORE UPDATE OR DELETE ON "ReviewSectionText"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();
CREATE TRIGGER "ReviewReportFile_append_only" BEFORE UPDATE OR DELETE ON "ReviewReportFile"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();

-- An issued report is frozen: no change to it, no new text or file for it.
CREATE FUNCTION "forbid_issued_report_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ReviewReport' THEN
    IF OLD."state" = 'ISSUED' THEN RAISE EXCEPTION 'ReviewReport % is issued; % refused', OLD.id, TG_OP; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT FROM "ReviewReport" r WHERE r.id = NEW."reportId" AND r."state" = 'ISSUED') THEN
    RAISE EXCEPTION 'ReviewReport % is issued; new % refused', NEW."reportId", TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ReviewReport_frozen_when_issued" BEFORE UPDATE OR DELETE ON "ReviewReport"
  FOR EACH ROW EXECUTE FUNCTION "forbid_issued_report_change"();
CREATE TRIGGER "ReviewSectionText_not_after_issue" BEFORE INSERT ON "ReviewSectionText"
  FOR EACH ROW EXECUTE FUNCTION "forbid_issued_report_change"();
