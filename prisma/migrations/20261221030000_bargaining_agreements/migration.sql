-- The agreement after a bargaining meeting (工资专项集体合同, issue 21): its saved versions (第n稿),
-- the vote of the 职工代表大会 (《集体合同规定》§36), the chiefs' signatures, the filing (§42) and the
-- authority's review (§47).
-- CreateTable
CREATE TABLE "BargainingAgreement" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "vote" TEXT,
    "voteRecordedByName" TEXT,
    "workerSignedName" TEXT,
    "workerSignedOn" TEXT,
    "workerSignRecordedBy" TEXT,
    "enterpriseSignedName" TEXT,
    "enterpriseSignedOn" TEXT,
    "enterpriseSignRecordedBy" TEXT,
    "filedOn" TEXT,
    "receivedOn" TEXT,
    "filingRecordedByName" TEXT,
    "reviewOutcome" TEXT,
    "reviewOn" TEXT,
    "reviewNote" TEXT,
    "reviewRecordedByName" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BargainingAgreementVersion" (
    "meetingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "authorName" TEXT NOT NULL,
    "authorParticipantId" TEXT,
    "authorAccountId" TEXT,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "number"),
    CONSTRAINT "BargainingAgreementVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "BargainingAgreement" ("meetingId") ON DELETE CASCADE ON UPDATE CASCADE
);
