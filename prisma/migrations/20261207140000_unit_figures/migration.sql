-- A unit's key figures with the day each was true (schema.prisma, UnitFigure).
CREATE TYPE "UnitFigureKind" AS ENUM ('PARTY_MEMBERS', 'PARTY_CELLS', 'VILLAGES', 'POPULATION');

CREATE TABLE "UnitFigure" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "kind" "UnitFigureKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitFigure_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UnitFigure_unitId_kind_asOf_idx" ON "UnitFigure"("unitId", "kind", "asOf");

ALTER TABLE "UnitFigure" ADD CONSTRAINT "UnitFigure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UnitFigure" ADD CONSTRAINT "UnitFigure_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UnitFigure" ADD CONSTRAINT "UnitFigure_value_nonnegative" CHECK ("value" >= 0);

-- The history of a unit's figures is kept: a new count is a new row, never an edit.
CREATE TRIGGER "UnitFigure_append_only" BEFORE UPDATE OR DELETE ON "UnitFigure"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();
