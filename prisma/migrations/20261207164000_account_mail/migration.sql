-- Mail (issue 23): an address per account with its choices, the links' tokens, and the outbox the queue sends from.
-- CreateEnum
CREATE TYPE "MailNotice" AS ENUM ('REPORT_RETURNED', 'QUESTION_ANSWERED');

-- CreateEnum
CREATE TYPE "MailDelivery" AS ENUM ('AT_ONCE', 'DAILY_DIGEST', 'NONE');

-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('VERIFY_ADDRESS', 'REPORT_RETURNED', 'QUESTION_ANSWERED', 'DIGEST');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'KEPT', 'FAILED');

-- CreateEnum
CREATE TYPE "MailTokenPurpose" AS ENUM ('VERIFY_ADDRESS', 'UNSUBSCRIBE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT,
ADD COLUMN     "emailVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mailDelivery" "MailDelivery" NOT NULL DEFAULT 'AT_ONCE',
ADD COLUMN     "mailDigestHour" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "mailDueWithinDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "mailLocale" TEXT NOT NULL DEFAULT 'vi',
ADD COLUMN     "mailNotices" "MailNotice"[] DEFAULT ARRAY[]::"MailNotice"[];

-- CreateTable
CREATE TABLE "MailToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "MailTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "notice" "MailNotice",
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MailToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "MailKind" NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "unsubscribeUrl" TEXT,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "jobId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailToken_tokenHash_key" ON "MailToken"("tokenHash");

-- CreateIndex
CREATE INDEX "MailToken_userId_idx" ON "MailToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_dedupeKey_key" ON "MailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "MailMessage_status_createdAt_idx" ON "MailMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_userId_idx" ON "MailMessage"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- AddForeignKey
ALTER TABLE "MailToken" ADD CONSTRAINT "MailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Bounds the forms also check, kept by the database too. The address is stored lower-case, so the
-- unique index is case-insensitive.
ALTER TABLE "User" ADD CONSTRAINT "User_mailDigestHour_check" CHECK ("mailDigestHour" BETWEEN 0 AND 23),
  ADD CONSTRAINT "User_mailDueWithinDays_check" CHECK ("mailDueWithinDays" BETWEEN 1 AND 30),
  ADD CONSTRAINT "User_mailLocale_check" CHECK ("mailLocale" IN ('vi', 'en')),
  ADD CONSTRAINT "User_email_lower_check" CHECK ("email" = lower("email"));
