-- The district's public list of questions and answers ("chuyên mục hỏi - đáp"): a question the
-- office published with its answer, naming the asking unit only when showUnit.
CREATE TABLE "PublishedQuestion" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "answerId" UUID NOT NULL,
    "showUnit" BOOLEAN NOT NULL,
    "publishedById" UUID NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublishedQuestion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PublishedQuestion_questionId_key" ON "PublishedQuestion"("questionId");
CREATE INDEX "PublishedQuestion_publishedAt_idx" ON "PublishedQuestion"("publishedAt");

ALTER TABLE "PublishedQuestion" ADD CONSTRAINT "PublishedQuestion_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PublishedQuestion" ADD CONSTRAINT "PublishedQuestion_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PublishedQuestion" ADD CONSTRAINT "PublishedQuestion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
