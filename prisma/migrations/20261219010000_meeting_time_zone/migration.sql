-- The meeting's time zone (every screen and document shows its times in it) and whether a
-- member's microphone opens by itself on being given the floor.
-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai';
ALTER TABLE "Meeting" ADD COLUMN "micOpensOnFloor" BOOLEAN NOT NULL DEFAULT false;
