-- Each member sits on the committee of a unit, so that who reads the member follows the tree as for
-- units: the unit of the member's account, else the district nearest the top (the one the app
-- served until now), else the top unit.
ALTER TABLE "Member" ADD COLUMN     "unitId" UUID;
UPDATE "Member" m SET "unitId" = COALESCE(
  (SELECT u."unitId" FROM "User" u WHERE u."memberId" = m.id),
  (SELECT d.id FROM "Unit" d WHERE d.kind = 'DISTRICT' ORDER BY cardinality(d."ancestorIds"), d.active DESC, d."sortOrder", d.code LIMIT 1),
  (SELECT t.id FROM "Unit" t WHERE t."parentId" IS NULL ORDER BY t.active DESC, t."sortOrder", t.code LIMIT 1));
CREATE INDEX "Member_unitId_idx" ON "Member"("unitId");
ALTER TABLE "Member" ADD CONSTRAINT "Member_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
