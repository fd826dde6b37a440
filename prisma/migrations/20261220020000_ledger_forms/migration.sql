-- The ledger's forms (issue 20): the numbered 交办单 each assignment issues and the 反馈单 each
-- reply issues, kept as the snapshot they were issued with (the files are rendered from it, so a
-- later change of the item never changes an issued form). Numbered per kind and year.
-- CreateTable
CREATE TABLE "LedgerForm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "stepSeq" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "LedgerForm_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LedgerItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LedgerForm_itemId_idx" ON "LedgerForm"("itemId");
CREATE UNIQUE INDEX "LedgerForm_kind_year_seq_key" ON "LedgerForm"("kind", "year", "seq");

-- An issued form is never deleted nor changed (a new assignment issues a new form).
CREATE TRIGGER "LedgerForm_no_delete" BEFORE DELETE ON "LedgerForm"
BEGIN SELECT RAISE(ABORT, 'LedgerForm rows are never deleted'); END;
CREATE TRIGGER "LedgerForm_no_update" BEFORE UPDATE ON "LedgerForm"
BEGIN SELECT RAISE(ABORT, 'An issued LedgerForm never changes'); END;
