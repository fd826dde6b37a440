-- The mediation agreement (issue 22, 调解协议书): versions, signatures per version (parties with
-- their join links, mediators; an optional drawn signature PNG), a party's refusal with the referral.
-- CreateTable
CREATE TABLE "MediationAgreement" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "refusedBy" TEXT,
    "refusedName" TEXT,
    "refusalReason" TEXT,
    "refusedAt" DATETIME,
    "referral" TEXT,
    "referralNote" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MediationAgreementVersion" (
    "meetingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "number"),
    CONSTRAINT "MediationAgreementVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MediationAgreement" ("meetingId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediationAgreementSignature" (
    "meetingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "participantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "signaturePng" BLOB,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "version", "participantId"),
    CONSTRAINT "MediationAgreementSignature_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MediationAgreement" ("meetingId") ON DELETE CASCADE ON UPDATE CASCADE
);
