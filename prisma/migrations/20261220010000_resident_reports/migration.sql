-- Residents' reports (居民点单, issue 20): the receipt a resident follows the item with (only its
-- SHA-256 is stored), the 网格悄悄话 flag (who raised it is for the secretariat only), where
-- (building/unit as the resident wrote it), the photos (LedgerAttachment ids, JSON) and the
-- council meeting the item was put before (提交议事会). ALTER TABLE keeps the ledger's triggers.
ALTER TABLE "LedgerItem" ADD COLUMN "receiptHash" TEXT;
ALTER TABLE "LedgerItem" ADD COLUMN "anonymous" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "LedgerItem" ADD COLUMN "location" TEXT NOT NULL DEFAULT '';
ALTER TABLE "LedgerItem" ADD COLUMN "photos" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "LedgerItem" ADD COLUMN "councilMeetingId" TEXT;

CREATE UNIQUE INDEX "LedgerItem_receiptHash_key" ON "LedgerItem"("receiptHash");
