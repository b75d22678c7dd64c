-- CreateEnum
CREATE TYPE "ReportChannel" AS ENUM ('PAPER', 'PHONE');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REPORT_RETURNED', 'REPORT_CONFIRMED_WITH_COMMENT', 'REPORT_ENTERED_ON_BEHALF', 'QUESTION_ANSWERED', 'REPORT_AWAITING_CONFIRMATION', 'QUESTION_AWAITING_ANSWER');

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "onBehalfVia" "ReportChannel";

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "assignmentId" UUID NOT NULL,
    "statusUpdateId" UUID,
    "commentId" UUID,
    "actorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "showFrom" TIMESTAMPTZ(3) NOT NULL,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_showFrom_idx" ON "Notification"("recipientId", "readAt", "showFrom");

-- CreateIndex
CREATE INDEX "Notification_assignmentId_kind_idx" ON "Notification"("assignmentId", "kind");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A version 7 UUID (RFC 9562) for rows a statement writes for many recipients at once: the time
-- `at` in milliseconds, then random bits, so ids sort by time as the app's own uuid(7) ids do.
CREATE FUNCTION uuid_v7(at timestamptz) RETURNS uuid AS $$
  SELECT encode(
    set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
    'hex')::uuid
$$ LANGUAGE sql VOLATILE;
