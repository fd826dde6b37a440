-- The final report of a closed consent campaign, made once at the close (issue 20): downloads send
-- these bytes; the answers of a closed campaign no longer change.
-- CreateTable
CREATE TABLE "CampaignReportFile" (
    "campaignId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("campaignId", "format"),
    CONSTRAINT "CampaignReportFile_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

