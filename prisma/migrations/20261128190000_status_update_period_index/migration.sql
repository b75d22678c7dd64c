-- The reports of a period, read from the index alone (the reporting rate of the overview).
DROP INDEX "StatusUpdate_createdAt_idx";

CREATE INDEX "StatusUpdate_createdAt_assignmentId_idx" ON "StatusUpdate"("createdAt", "assignmentId");
