-- Mediation cases (issue 22, 调解案件): the case from acceptance to closing, its parties and mediators,
-- its sessions (meetings of kind mediation), the agreement's obligations (each followed as a ledger
-- item) and the return visits (回访).
-- CreateTable
CREATE TABLE "MediationCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "communityId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "acceptedOn" TEXT NOT NULL,
    "ledgerItemId" TEXT,
    "state" TEXT NOT NULL,
    "lastVisitOutcome" TEXT,
    "agreementForm" TEXT,
    "oralRecord" TEXT,
    "agreedOn" TEXT,
    "referral" TEXT,
    "closedOn" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "household" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediationMediator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "affiliation" TEXT NOT NULL,
    "chief" BOOLEAN NOT NULL,
    CONSTRAINT "MediationMediator_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediationCaseSession" (
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "linkedAt" DATETIME NOT NULL,

    PRIMARY KEY ("caseId", "meetingId"),
    CONSTRAINT "MediationCaseSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediationObligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "partyId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "ledgerItemId" TEXT NOT NULL,
    CONSTRAINT "MediationObligation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediationReturnVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "visitOn" TEXT NOT NULL,
    "outcome" TEXT,
    "visitedOn" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedBy" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MediationReturnVisit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_year_seq_key" ON "MediationCase"("year", "seq");
