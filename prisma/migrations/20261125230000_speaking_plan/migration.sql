-- CreateTable
CREATE TABLE "PlannedSpeech" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlannedSpeech_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlannedSpeech_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlannedSpeech_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    "orderNotYetSpoken" TEXT NOT NULL DEFAULT 'item'
);
INSERT INTO "new_Meeting" ("archived", "checkinSecret", "createdAt", "id", "interjectionsAllowed", "kind", "mode", "number", "place", "pollsAllowed", "quorumRule", "speechCapSeconds", "startsAt", "title") SELECT "archived", "checkinSecret", "createdAt", "id", "interjectionsAllowed", "kind", "mode", "number", "place", "pollsAllowed", "quorumRule", "speechCapSeconds", "startsAt", "title" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PlannedSpeech_meetingId_idx" ON "PlannedSpeech"("meetingId");

-- CreateIndex
CREATE INDEX "PlannedSpeech_participantId_idx" ON "PlannedSpeech"("participantId");

