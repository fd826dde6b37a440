-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sector" TEXT,
    "party" TEXT,
    CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingEvent" (
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "at" DATETIME NOT NULL,
    "payload" TEXT NOT NULL,

    PRIMARY KEY ("meetingId", "seq"),
    CONSTRAINT "MeetingEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Participant_meetingId_idx" ON "Participant"("meetingId");


-- The event log is append-only: refuse edits and deletions at the database level.
CREATE TRIGGER "MeetingEvent_no_update" BEFORE UPDATE ON "MeetingEvent"
BEGIN SELECT RAISE(ABORT, 'MeetingEvent is append-only'); END;
CREATE TRIGGER "MeetingEvent_no_delete" BEFORE DELETE ON "MeetingEvent"
BEGIN SELECT RAISE(ABORT, 'MeetingEvent is append-only'); END;
