-- Requests to bargain (要约书, issue 21, 《集体合同规定》§32): the request and its one reply, due
-- within 20 days of the sending.
-- CreateTable
CREATE TABLE "BargainingRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "side" TEXT NOT NULL,
    "enterpriseName" TEXT NOT NULL,
    "unionName" TEXT NOT NULL,
    "topics" TEXT NOT NULL,
    "proposedAt" DATETIME NOT NULL,
    "proposedPlace" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "replyAnswer" TEXT,
    "replyReason" TEXT,
    "repliedOn" TEXT,
    "repliedBy" TEXT,
    "replyRecordedBy" TEXT,
    "replyRecordedByName" TEXT,
    "replyRecordedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "BargainingRequest_sentOn_idx" ON "BargainingRequest"("sentOn");
