-- 保留策略 (issue 28): the twin of prisma/migrations/20261228000000_retention, with its refusing
-- triggers (yst_refuse of 20261224000001_pg_constraints) and TRUNCATE refused too.
-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" TEXT NOT NULL,
    "recordingsDays" INTEGER,
    "materialsDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "updatedByAccountId" TEXT NOT NULL,
    "lastSweepAt" TIMESTAMP(3),

    CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionDeletion" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "meetingTitle" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "part" INTEGER,
    "bytes" INTEGER NOT NULL,
    "storedPath" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RetentionDeletion_itemId_key" ON "RetentionDeletion"("itemId");

-- CreateIndex
CREATE INDEX "RetentionDeletion_deletedAt_idx" ON "RetentionDeletion"("deletedAt");

-- The record of deletions is kept as it was written.
CREATE TRIGGER "RetentionDeletion_no_delete" BEFORE DELETE ON "RetentionDeletion" FOR EACH ROW EXECUTE FUNCTION yst_refuse('RetentionDeletion rows are never deleted');
CREATE TRIGGER "RetentionDeletion_no_truncate" BEFORE TRUNCATE ON "RetentionDeletion" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('RetentionDeletion rows are never deleted');
CREATE TRIGGER "RetentionDeletion_no_update" BEFORE UPDATE ON "RetentionDeletion" FOR EACH ROW EXECUTE FUNCTION yst_refuse('A RetentionDeletion never changes');
