-- A household's own link to answer a consent campaign itself (本户链接, issue 20): only the
-- SHA-256 of the random token is kept; issuing links again replaces a household's link.
-- CreateTable
CREATE TABLE "CampaignLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "CampaignLink_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CampaignLink_campaignId_householdId_key" ON "CampaignLink"("campaignId", "householdId");
