-- Task groups (with their tasks) and reporting periods belong to a unit, so that a district's
-- administrators manage theirs alone and a district reads its own and its province's. What exists
-- was the one district's the app served until now: it goes to the district nearest the top (as the
-- members did, 20261207151000_member_unit), else to the top unit.
ALTER TABLE "ReportingPeriod" ADD COLUMN     "ownerUnitId" UUID;
ALTER TABLE "TaskGroup" ADD COLUMN     "ownerUnitId" UUID;

-- The same unit is the owner of a row written without one (scripts, fixtures); the app names the
-- owner of every group and period it writes (the administrator's scope root).
CREATE FUNCTION default_owner_unit() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT d.id FROM "Unit" d WHERE d.kind = 'DISTRICT' ORDER BY cardinality(d."ancestorIds"), d.active DESC, d."sortOrder", d.code LIMIT 1),
    (SELECT t.id FROM "Unit" t WHERE t."parentId" IS NULL ORDER BY t.active DESC, t."sortOrder", t.code LIMIT 1))
$$;

UPDATE "TaskGroup" SET "ownerUnitId" = default_owner_unit();
UPDATE "ReportingPeriod" SET "ownerUnitId" = default_owner_unit();

ALTER TABLE "ReportingPeriod" ALTER COLUMN "ownerUnitId" SET DEFAULT default_owner_unit();
ALTER TABLE "TaskGroup" ALTER COLUMN "ownerUnitId" SET DEFAULT default_owner_unit();
ALTER TABLE "ReportingPeriod" ALTER COLUMN "ownerUnitId" SET NOT NULL;
ALTER TABLE "TaskGroup" ALTER COLUMN "ownerUnitId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ReportingPeriod_ownerUnitId_idx" ON "ReportingPeriod"("ownerUnitId");

-- CreateIndex
CREATE INDEX "TaskGroup_ownerUnitId_idx" ON "TaskGroup"("ownerUnitId");

-- AddForeignKey
ALTER TABLE "TaskGroup" ADD CONSTRAINT "TaskGroup_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
