-- Communities (社区) with their households (户), grid worker accounts (网格员) and ledger items
-- raised in them (issue 20).
-- CreateTable
CREATE TABLE "Community" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "publicCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "building" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Household_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Community_name_key" ON "Community"("name");
CREATE UNIQUE INDEX "Community_publicCode_key" ON "Community"("publicCode");
CREATE INDEX "Household_communityId_idx" ON "Household"("communityId");
CREATE UNIQUE INDEX "Household_communityId_building_unit_room_key" ON "Household"("communityId", "building", "unit", "room");

-- AlterTable
ALTER TABLE "StaffAccount" ADD COLUMN "communityId" TEXT REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "LedgerItem" ADD COLUMN "communityId" TEXT REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
