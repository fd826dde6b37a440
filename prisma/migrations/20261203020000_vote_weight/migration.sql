-- 表决权重 (Participant.voteWeight, null counts as 1) and 记录员可发起表决 (Meeting.clerkMayRunPolls).
-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "voteWeight" REAL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "number" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'consultation',
    "startsAt" DATETIME,
    "place" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'hybrid',
    "speechCapSeconds" INTEGER NOT NULL DEFAULT 300,
    "interjectionsAllowed" BOOLEAN NOT NULL DEFAULT true,
    "pollsAllowed" BOOLEAN NOT NULL DEFAULT true,
    "quorumRule" TEXT NOT NULL DEFAULT 'majority',
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "checkinSecret" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedCapSeconds" INTEGER NOT NULL DEFAULT 480,
    "pointOfOrderCapSeconds" INTEGER NOT NULL DEFAULT 120,
    "orderBookedFirst" BOOLEAN NOT NULL DEFAULT true,
    "orderPartyFirst" BOOLEAN NOT NULL DEFAULT true,
    "orderSectorBalance" BOOLEAN NOT NULL DEFAULT true,
    "orderNotYetSpoken" TEXT NOT NULL DEFAULT 'item',
    "interjectionCapSeconds" INTEGER NOT NULL DEFAULT 120,
    "membersMayInterject" BOOLEAN NOT NULL DEFAULT false,
    "clerkMayRunPolls" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Meeting" ("archived", "bookedCapSeconds", "checkinSecret", "createdAt", "id", "interjectionCapSeconds", "interjectionsAllowed", "kind", "membersMayInterject", "mode", "number", "orderBookedFirst", "orderNotYetSpoken", "orderPartyFirst", "orderSectorBalance", "place", "pointOfOrderCapSeconds", "pollsAllowed", "quorumRule", "speechCapSeconds", "startsAt", "title") SELECT "archived", "bookedCapSeconds", "checkinSecret", "createdAt", "id", "interjectionCapSeconds", "interjectionsAllowed", "kind", "membersMayInterject", "mode", "number", "orderBookedFirst", "orderNotYetSpoken", "orderPartyFirst", "orderSectorBalance", "place", "pointOfOrderCapSeconds", "pollsAllowed", "quorumRule", "speechCapSeconds", "startsAt", "title" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

