-- The follow-up ledger (台账, docs/ledger.md): departments (承办单位), items, their steps and attachments;
-- department accounts (StaffAccount.departmentId); how far each meeting's record is synced.
-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LedgerItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "meetingId" TEXT,
    "suggestionId" TEXT,
    "agendaItemTitle" TEXT,
    "entryKey" TEXT,
    "raisedByParticipantId" TEXT,
    "raisedByName" TEXT NOT NULL,
    "sector" TEXT,
    "contact" TEXT,
    "raisedOn" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "suggestedDepartment" TEXT NOT NULL DEFAULT '',
    "liveResponses" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL,
    "leadDepartmentId" TEXT,
    "partnerIds" TEXT NOT NULL DEFAULT '[]',
    "deadline" TEXT,
    "instructions" TEXT NOT NULL DEFAULT '',
    "assignedAt" DATETIME,
    "closedAt" DATETIME,
    "replies" TEXT NOT NULL DEFAULT '[]',
    "supervisions" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "LedgerStep" (
    "itemId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "byRole" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,

    PRIMARY KEY ("itemId", "seq"),
    CONSTRAINT "LedgerStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LedgerItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LedgerAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL,
    CONSTRAINT "LedgerAttachment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LedgerItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LedgerSyncState" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "syncedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StaffAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffAccount_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StaffAccount" ("createdAt", "disabled", "displayName", "id", "mustChangePassword", "passwordHash", "role", "username") SELECT "createdAt", "disabled", "displayName", "id", "mustChangePassword", "passwordHash", "role", "username" FROM "StaffAccount";
DROP TABLE "StaffAccount";
ALTER TABLE "new_StaffAccount" RENAME TO "StaffAccount";
CREATE UNIQUE INDEX "StaffAccount_username_key" ON "StaffAccount"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_number_key" ON "LedgerItem"("number");

-- CreateIndex
CREATE INDEX "LedgerItem_leadDepartmentId_idx" ON "LedgerItem"("leadDepartmentId");

-- CreateIndex
CREATE INDEX "LedgerItem_state_idx" ON "LedgerItem"("state");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_meetingId_suggestionId_key" ON "LedgerItem"("meetingId", "suggestionId");

-- CreateIndex
CREATE INDEX "LedgerAttachment_itemId_idx" ON "LedgerAttachment"("itemId");


-- Nothing of the ledger is ever deleted, and a recorded step never changes: an item's history is
-- its steps (who, when, from, to). A table redefinition must recreate these triggers.
CREATE TRIGGER "LedgerItem_no_delete" BEFORE DELETE ON "LedgerItem"
BEGIN SELECT RAISE(ABORT, 'LedgerItem rows are never deleted'); END;
CREATE TRIGGER "LedgerStep_no_delete" BEFORE DELETE ON "LedgerStep"
BEGIN SELECT RAISE(ABORT, 'LedgerStep rows are never deleted'); END;
CREATE TRIGGER "LedgerStep_no_update" BEFORE UPDATE ON "LedgerStep"
BEGIN SELECT RAISE(ABORT, 'A LedgerStep never changes'); END;
CREATE TRIGGER "LedgerAttachment_no_delete" BEFORE DELETE ON "LedgerAttachment"
BEGIN SELECT RAISE(ABORT, 'LedgerAttachment rows are never deleted'); END;
