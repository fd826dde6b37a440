-- Consent campaigns (敲门计划, issue 20): the campaign, the current answer of each household (one per
-- household, UNIQUE) and every recording of an answer (the history, never rewritten).
-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "rule" TEXT NOT NULL,
    "ledgerItemId" TEXT,
    "meetingId" TEXT,
    "closedAt" DATETIME,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "recordedBy" TEXT,
    "recordedByName" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "clientId" TEXT NOT NULL,
    CONSTRAINT "CampaignAnswer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignAnswer_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignAnswerChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "fromAnswer" TEXT,
    "toAnswer" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "recordedBy" TEXT,
    "recordedByName" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "photoName" TEXT,
    "photoMime" TEXT,
    "photoSize" INTEGER,
    CONSTRAINT "CampaignAnswerChange_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Campaign_communityId_idx" ON "Campaign"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAnswer_campaignId_householdId_key" ON "CampaignAnswer"("campaignId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAnswerChange_clientId_key" ON "CampaignAnswerChange"("clientId");

-- CreateIndex
CREATE INDEX "CampaignAnswerChange_campaignId_householdId_idx" ON "CampaignAnswerChange"("campaignId", "householdId");


-- The history is evidence: a recorded change is never rewritten nor removed on its own (only its
-- photo may be attached afterwards; deleting the campaign cascades).
CREATE TRIGGER "CampaignAnswerChange_no_rewrite" BEFORE UPDATE OF "campaignId", "householdId", "clientId", "fromAnswer", "toAnswer", "representative", "method", "recordedBy", "recordedByName", "recordedAt", "receivedAt" ON "CampaignAnswerChange"
BEGIN
    SELECT RAISE(ABORT, 'campaign answer changes are never rewritten');
END;
