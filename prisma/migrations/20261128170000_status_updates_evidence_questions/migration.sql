-- DropForeignKey
ALTER TABLE "StatusUpdate" DROP CONSTRAINT "StatusUpdate_reviewedById_fkey";

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "submissionKey" UUID;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "statusUpdateId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attachment_statusUpdateId_idx" ON "Attachment"("statusUpdateId");

-- CreateIndex
CREATE INDEX "Comment_assignmentId_createdAt_idx" ON "Comment"("assignmentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusUpdate_submissionKey_key" ON "StatusUpdate"("submissionKey");

-- Reviews are now made by a user (a member's account, or the district office): point the
-- existing ones at the member's account.
UPDATE "StatusUpdate" su SET "reviewedById" = u.id FROM "User" u WHERE u."memberId" = su."reviewedById";

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Questions and evidence are history too: never changed or deleted.
CREATE TRIGGER "Comment_append_only" BEFORE UPDATE OR DELETE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();
CREATE TRIGGER "Attachment_append_only" BEFORE UPDATE OR DELETE ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();
