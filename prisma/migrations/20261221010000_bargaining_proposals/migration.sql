-- The workers' proposals before wage bargaining (issue 21, docs/bargaining.md "Proposals"): the union's
-- collections (征集) with their questions and counts, the returned 征集表 (online or typed in from
-- paper) and the numbered 协商提案 merged from them (a form may be merged into several).
-- CreateTable
CREATE TABLE "ProposalCollection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "handedOut" INTEGER NOT NULL,
    "paperCounted" INTEGER NOT NULL DEFAULT 0,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "publicCode" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProposalForm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "enteredBy" TEXT,
    "enteredByName" TEXT,
    "receivedAt" DATETIME NOT NULL,
    CONSTRAINT "ProposalForm_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "ProposalCollection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BargainingProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "extraWorkers" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BargainingProposal_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "ProposalCollection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalMerge" (
    "proposalId" TEXT NOT NULL,
    "formId" TEXT NOT NULL,

    PRIMARY KEY ("proposalId", "formId"),
    CONSTRAINT "ProposalMerge_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "BargainingProposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalMerge_formId_fkey" FOREIGN KEY ("formId") REFERENCES "ProposalForm" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCollection_publicCode_key" ON "ProposalCollection"("publicCode");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalForm_collectionId_number_key" ON "ProposalForm"("collectionId", "number");

-- CreateIndex
CREATE INDEX "BargainingProposal_collectionId_number_idx" ON "BargainingProposal"("collectionId", "number");

-- CreateIndex
CREATE INDEX "ProposalMerge_formId_idx" ON "ProposalMerge"("formId");

