-- CreateIndex
CREATE INDEX "Unit_sortOrder_name_code_idx" ON "Unit"("sortOrder", "name", "code");

