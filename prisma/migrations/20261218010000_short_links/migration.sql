-- Short join codes (入会码, ShortLink): a random code standing for one version of a personal link or
-- a room link; it opens the join only while that version is current and not revoked.
-- CreateTable
CREATE TABLE "ShortLink" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShortLink_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ShortLink_meetingId_idx" ON "ShortLink"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "ShortLink_subject_version_key" ON "ShortLink"("subject", "version");

