-- The ledger (docs/ledger.md): items from a meeting's decisions (议定事项) beside its suggestions,
-- and the 来源 an imported paper ledger wrote. Columns are added in place (not by redefining the
-- table as `prisma migrate diff` would), so the LedgerItem triggers of 20261204030000_ledger stay.

-- AlterTable
ALTER TABLE "LedgerItem" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'suggestion';
ALTER TABLE "LedgerItem" ADD COLUMN "sourceNote" TEXT;
ALTER TABLE "LedgerItem" ADD COLUMN "decisionId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_meetingId_decisionId_key" ON "LedgerItem"("meetingId", "decisionId");
