-- 保留策略 (issue 28): the organisers' retention policy (one row) and the record of every file it
-- deleted, which is never changed or deleted.
-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recordingsDays" INTEGER,
    "materialsDays" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "updatedByAccountId" TEXT NOT NULL,
    "lastSweepAt" DATETIME
);

-- CreateTable
CREATE TABLE "RetentionDeletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "meetingTitle" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "part" INTEGER,
    "bytes" INTEGER NOT NULL,
    "storedPath" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "approvedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "RetentionDeletion_itemId_key" ON "RetentionDeletion"("itemId");

-- CreateIndex
CREATE INDEX "RetentionDeletion_deletedAt_idx" ON "RetentionDeletion"("deletedAt");

-- The record of deletions is kept as it was written.
CREATE TRIGGER "RetentionDeletion_no_delete" BEFORE DELETE ON "RetentionDeletion"
BEGIN SELECT RAISE(ABORT, 'RetentionDeletion rows are never deleted'); END;
CREATE TRIGGER "RetentionDeletion_no_update" BEFORE UPDATE ON "RetentionDeletion"
BEGIN SELECT RAISE(ABORT, 'A RetentionDeletion never changes'); END;
