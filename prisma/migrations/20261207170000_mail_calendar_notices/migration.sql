-- Mail from the reporting calendar and for members and the office: the new notice kinds, and the
-- notices already told, one row per (account, kind, assignment or units, deadline or cycle), so that
-- no notice goes twice whichever instance or pass makes it, at once or in a digest.
-- AlterEnum
ALTER TYPE "MailNotice" ADD VALUE 'DUE_SOON';
ALTER TYPE "MailNotice" ADD VALUE 'OVERDUE';
ALTER TYPE "MailNotice" ADD VALUE 'REPORT_AWAITING_CONFIRMATION';
ALTER TYPE "MailNotice" ADD VALUE 'UNITS_NOT_REPORTED';
ALTER TYPE "MailNotice" ADD VALUE 'QUESTION_AWAITING_ANSWER';
ALTER TYPE "MailNotice" ADD VALUE 'UNITS_LATE';
ALTER TYPE "MailNotice" ADD VALUE 'WEEKLY_DIGEST';

-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'DUE_SOON';
ALTER TYPE "MailKind" ADD VALUE 'OVERDUE';
ALTER TYPE "MailKind" ADD VALUE 'REPORT_AWAITING_CONFIRMATION';
ALTER TYPE "MailKind" ADD VALUE 'UNITS_NOT_REPORTED';
ALTER TYPE "MailKind" ADD VALUE 'QUESTION_AWAITING_ANSWER';
ALTER TYPE "MailKind" ADD VALUE 'UNITS_LATE';
ALTER TYPE "MailKind" ADD VALUE 'WEEKLY_DIGEST';

-- CreateTable
CREATE TABLE "MailNoticeSent" (
    "key" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "mailId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MailNoticeSent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "MailNoticeSent_mailId_idx" ON "MailNoticeSent"("mailId");

-- CreateIndex
CREATE INDEX "MailNoticeSent_userId_idx" ON "MailNoticeSent"("userId");

-- AddForeignKey
ALTER TABLE "MailNoticeSent" ADD CONSTRAINT "MailNoticeSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailNoticeSent" ADD CONSTRAINT "MailNoticeSent_mailId_fkey" FOREIGN KEY ("mailId") REFERENCES "MailMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
