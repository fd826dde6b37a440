-- Saved versions of the minutes (docs/minutes.md): 第n稿, the chair's approval (定稿), corrections.
-- CreateTable
CREATE TABLE "MinutesVersion" (
    "meetingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "blocks" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "authorName" TEXT NOT NULL,
    "authorParticipantId" TEXT,
    "authorAccountId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "approvedByName" TEXT,
    "approvedByParticipantId" TEXT,
    "approvedByAccountId" TEXT,

    PRIMARY KEY ("meetingId", "number"),
    CONSTRAINT "MinutesVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);


-- A saved version never changes and is never deleted; the approval is recorded once, on a
-- version not yet approved, and leaves its content as it was. An approved version is locked whole.
CREATE TRIGGER "MinutesVersion_no_delete" BEFORE DELETE ON "MinutesVersion"
BEGIN SELECT RAISE(ABORT, 'MinutesVersion rows are never deleted'); END;
CREATE TRIGGER "MinutesVersion_approved_locked" BEFORE UPDATE ON "MinutesVersion"
WHEN OLD."approvedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'An approved MinutesVersion is locked'); END;
CREATE TRIGGER "MinutesVersion_content_fixed" BEFORE UPDATE ON "MinutesVersion"
WHEN NEW."meetingId" IS NOT OLD."meetingId" OR NEW."number" IS NOT OLD."number" OR NEW."blocks" IS NOT OLD."blocks"
  OR NEW."source" IS NOT OLD."source" OR NEW."note" IS NOT OLD."note" OR NEW."authorName" IS NOT OLD."authorName"
  OR NEW."authorParticipantId" IS NOT OLD."authorParticipantId" OR NEW."authorAccountId" IS NOT OLD."authorAccountId"
  OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'A saved MinutesVersion never changes; only its approval is recorded'); END;
