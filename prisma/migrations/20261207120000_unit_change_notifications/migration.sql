-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'UNIT_CHANGED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "unitChangeId" UUID,
ALTER COLUMN "assignmentId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Notification_unitChangeId_idx" ON "Notification"("unitChangeId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_unitChangeId_fkey" FOREIGN KEY ("unitChangeId") REFERENCES "UnitChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A row is about one thing: an assignment's event, or a change of units.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_one_subject" CHECK (("assignmentId" IS NULL) <> ("unitChangeId" IS NULL));
