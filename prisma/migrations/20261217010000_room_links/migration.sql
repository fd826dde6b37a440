-- The room display's and the venue terminal's links (RoomLink), versioned like personal links:
-- re-issuing or revoking one refuses its earlier tokens. No row means version 1, not revoked.
-- CreateTable
CREATE TABLE "RoomLink" (
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "revoked" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("meetingId", "kind"),
    CONSTRAINT "RoomLink_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

