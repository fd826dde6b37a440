-- Separate talks in a mediation session (issue 22, 背靠背): the talks' notes and the mediators' findings,
-- outside the event log (server/src/mediation/session).
-- CreateTable
CREATE TABLE "SeparateTalkNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "partyId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SeparateTalkNote_meetingId_at_idx" ON "SeparateTalkNote"("meetingId", "at");
