-- CreateEnum
CREATE TYPE "UnitChangeKind" AS ENUM ('RENAME', 'RECODE', 'MERGE', 'SPLIT');

-- CreateEnum
CREATE TYPE "UnitChangeSide" AS ENUM ('BEFORE', 'AFTER');

-- CreateTable
CREATE TABLE "UnitChange" (
    "id" UUID NOT NULL,
    "kind" "UnitChangeKind" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UnitChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitChangePart" (
    "id" UUID NOT NULL,
    "changeId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "side" "UnitChangeSide" NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "UnitChangePart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitName" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "changeId" UUID,

    CONSTRAINT "UnitName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitCode" (
    "code" TEXT NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "UnitCode_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "UnitChange_appliedAt_effectiveDate_idx" ON "UnitChange"("appliedAt", "effectiveDate");

-- CreateIndex
CREATE INDEX "UnitChangePart_unitId_idx" ON "UnitChangePart"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitChangePart_changeId_unitId_side_key" ON "UnitChangePart"("changeId", "unitId", "side");

-- CreateIndex
CREATE INDEX "UnitName_changeId_idx" ON "UnitName"("changeId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitName_unitId_validFrom_key" ON "UnitName"("unitId", "validFrom");

-- CreateIndex
CREATE INDEX "UnitCode_unitId_idx" ON "UnitCode"("unitId");

-- AddForeignKey
ALTER TABLE "UnitChange" ADD CONSTRAINT "UnitChange_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitChangePart" ADD CONSTRAINT "UnitChangePart_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "UnitChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitChangePart" ADD CONSTRAINT "UnitChangePart_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitName" ADD CONSTRAINT "UnitName_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitName" ADD CONSTRAINT "UnitName_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "UnitChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitCode" ADD CONSTRAINT "UnitCode_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Every unit's first stretch of name and code, and its code, for the units there are.
INSERT INTO "UnitName" ("id", "unitId", "name", "code", "validFrom", "validTo")
SELECT gen_random_uuid(), u."id", u."name", u."code", NULL, NULL FROM "Unit" u;
INSERT INTO "UnitCode" ("code", "unitId") SELECT u."code", u."id" FROM "Unit" u;

-- And of every unit inserted from now on, however it is inserted (the app, the demo data, the bench's SQL).
CREATE FUNCTION unit_first_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "UnitName" ("id", "unitId", "name", "code", "validFrom", "validTo")
  VALUES (gen_random_uuid(), NEW."id", NEW."name", NEW."code", NULL, NULL);
  INSERT INTO "UnitCode" ("code", "unitId") VALUES (NEW."code", NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER unit_first_name AFTER INSERT ON "Unit" FOR EACH ROW EXECUTE FUNCTION unit_first_name();

-- Applies the changes whose day has come to the Unit rows (the name and code in force on `today`).
-- Cheap when there is nothing to do: a probe of the index of changes not yet applied. Two callers at
-- once: the second waits for the first's row locks and then finds nothing left.
CREATE FUNCTION unit_changes_due(today date) RETURNS integer LANGUAGE sql AS $$
  WITH due AS (
    UPDATE "UnitChange" c SET "appliedAt" = now()
     WHERE c."appliedAt" IS NULL AND c."effectiveDate" <= today
    RETURNING c."id"
  ), applied AS (
    UPDATE "Unit" u SET "name" = n."name", "code" = n."code", "updatedAt" = now()
      FROM "UnitName" n
     WHERE n."unitId" = u."id"
       AND u."id" IN (SELECT p."unitId" FROM "UnitChangePart" p WHERE p."changeId" IN (SELECT "id" FROM due))
       AND (n."validFrom" IS NULL OR n."validFrom" <= today)
       AND (n."validTo" IS NULL OR n."validTo" > today)
    RETURNING u."id"
  )
  SELECT count(*)::int FROM applied
$$;
