-- The notes of a bargaining side's private consultation (背靠背, issue 21): only that side's members
-- receive them; they never enter the meeting's event log.
-- CreateTable
CREATE TABLE "CaucusNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CaucusNote_meetingId_side_at_idx" ON "CaucusNote"("meetingId", "side", "at");

