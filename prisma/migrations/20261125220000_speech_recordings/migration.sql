-- CreateTable
CREATE TABLE "SpeechRecording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "speechId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SpeechRecording_meetingId_idx" ON "SpeechRecording"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "SpeechRecording_speechId_part_key" ON "SpeechRecording"("speechId", "part");

